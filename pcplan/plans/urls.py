from django.urls import path

from pcplan.plans import views

app_name = "plans"

urlpatterns = [
    path("plans/new/", views.plan_create, name="plan-create"),
    path("plans/<slug:key>/", views.plan_detail, name="plan-detail"),
    path("plans/<slug:key>/edit/", views.plan_edit, name="plan-edit"),
    path("plans/<slug:key>/history/", views.plan_history_view, name="plan-history"),
    path("plans/<slug:key>/status/", views.plan_status, name="plan-status"),
    path(
        "plans/<slug:key>/statutory/<slug:element>/",
        views.statutory_element_edit,
        name="statutory-element-edit",
    ),
    path("plans/<slug:key>/themes/new/", views.theme_edit, name="theme-create"),
    path("plans/<slug:key>/themes/<slug:theme_key>/edit/", views.theme_edit, name="theme-edit"),
    path("plans/<slug:key>/commitments/new/", views.commitment_edit, name="commitment-create"),
    path(
        "plans/<slug:key>/commitments/<int:pk>/edit/",
        views.commitment_edit,
        name="commitment-edit",
    ),
    path(
        "plans/<slug:key>/themes/<slug:theme_key>/priorities/new/",
        views.priority_edit,
        name="priority-create",
    ),
    path(
        "plans/<slug:key>/themes/<slug:theme_key>/priorities/<int:pk>/edit/",
        views.priority_edit,
        name="priority-edit",
    ),
]
