from django.urls import path

from pcplan.public import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("help/", views.help_page, name="help"),
    path("plans/<slug:key>/", views.plan, name="plan"),
    path(
        "plans/<slug:key>/delivery-plan.<export:fmt>",
        views.delivery_plan_download,
        name="delivery-plan-download",
    ),
    path("plans/<slug:key>/themes/<slug:theme_key>/", views.theme, name="theme"),
    path("plans/<slug:key>/deliverables/<int:pk>/", views.deliverable, name="deliverable"),
]
