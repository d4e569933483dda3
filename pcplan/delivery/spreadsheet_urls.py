from django.urls import path

from pcplan.delivery import spreadsheet_views as views

app_name = "delivery-spreadsheet"

urlpatterns = [
    path(
        "staff/plans/<slug:key>/delivery-plan.<str:fmt>",
        views.export,
        name="export",
    ),
    path("staff/plans/<slug:key>/delivery-plan/import/", views.upload, name="upload"),
    path("staff/plans/<slug:key>/delivery-plan/import/apply/", views.apply, name="apply"),
]
