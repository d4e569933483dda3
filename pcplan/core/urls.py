from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from pcplan.core import office_views, views

app_name = "core"

urlpatterns = [
    path("account/sign-in/", views.LoginView.as_view(), name="login"),
    path("account/sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("staff/", views.staff_home, name="staff-home"),
    # The staff home's first address, kept for bookmarks.
    path(
        "account/staff/",
        RedirectView.as_view(pattern_name="core:staff-home", permanent=True),
        name="old-staff-home",
    ),
    path("staff/office/", office_views.office_profile, name="office"),
    path("staff/jobs/<uuid:pk>/", views.job_status, name="job"),
    path("staff/jobs/<uuid:pk>/start-again/", views.job_start_again, name="job-start-again"),
]
