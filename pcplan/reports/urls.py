from django.urls import path

from pcplan.reports import views

app_name = "reports"

urlpatterns = [
    path("staff/plans/<slug:key>/reports/", views.report_list, name="report-list"),
    path("staff/plans/<slug:key>/reports/new/", views.report_generate, name="report-generate"),
    path("staff/plans/<slug:key>/reports/new/for/", views.report_for, name="report-for"),
    path("staff/reports/<int:pk>/", views.report_detail, name="report-detail"),
    path("staff/plans/<slug:key>/what-changed/", views.what_changed, name="what-changed"),
    path(
        "staff/plans/<slug:key>/update-requests/new/",
        views.update_round_create,
        name="update-round-create",
    ),
    path("staff/reports/<int:pk>/download/", views.report_download, name="report-download"),
    path("staff/reports/<int:pk>/publish/", views.report_publish, name="report-publish"),
    path("staff/update-requests/<int:pk>/", views.update_round_detail, name="update-round"),
    path("staff/update-requests/", views.my_update_requests, name="my-update-requests"),
    path(
        "staff/plans/<slug:key>/themes/<slug:theme_key>/report/",
        views.theme_report,
        name="theme-report",
    ),
    path("reports/", views.public_report_list, name="public-report-list"),
    path("reports/<int:pk>/download/", views.public_report_download, name="public-download"),
]
