from django.urls import path

from pcplan.performance import views

app_name = "performance"

urlpatterns = [
    path("performance/", views.public_dashboard, name="dashboard"),
    path("performance/<slug:key>.csv", views.measure_csv, name="measure-csv"),
    path(
        "performance/measures/observations.<export:fmt>",
        views.measures_download,
        name="measures-download",
    ),
    path("performance/measures/<slug:key>/", views.measure_detail, name="measure-detail"),
    path("performance/stop-and-search/", views.stop_and_search, name="stop-and-search"),
    path("performance/trends/", views.trends, name="trends"),
    path("staff/performance/", views.staff_dashboard, name="staff-dashboard"),
    path(
        "staff/performance/measures/observations.<export:fmt>",
        views.staff_measures_download,
        name="staff-measures-download",
    ),
    path("staff/performance/measures/new/", views.measure_edit, name="measure-create"),
    path("staff/performance/measures/<int:pk>/edit/", views.measure_edit, name="measure-edit"),
    path(
        "staff/performance/measures/<int:pk>/observations/new/",
        views.observation_create,
        name="observation-create",
    ),
    path(
        "staff/performance/measures/<int:pk>/observations/upload/",
        views.observation_upload,
        name="observation-upload",
    ),
    path(
        "staff/performance/measures/<int:pk>/figures/new/",
        views.figure_create,
        name="figure-create",
    ),
    path(
        "staff/performance/measures/<int:pk>/figures/upload/",
        views.figure_upload,
        name="figure-upload",
    ),
    path("staff/performance/populations/", views.populations, name="populations"),
    path("staff/performance/police-data/", views.import_runs, name="import-runs"),
    path(
        "staff/performance/police-data/upload/",
        views.police_data_upload,
        name="police-data-upload",
    ),
]
