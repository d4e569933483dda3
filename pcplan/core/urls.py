from django.contrib.auth import views as auth_views
from django.urls import path

from pcplan.core import views

app_name = "core"

urlpatterns = [
    path("sign-in/", views.LoginView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("staff/", views.staff_home, name="staff-home"),
]
