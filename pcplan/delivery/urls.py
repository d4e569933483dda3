from django.urls import path

from pcplan.delivery import views

app_name = "delivery"

urlpatterns = [
    path("plans/<slug:key>/deliverables/", views.deliverable_list, name="deliverable-list"),
    path(
        "plans/<slug:key>/deliverables.<export:fmt>",
        views.deliverable_list_download,
        name="deliverables-download",
    ),
    path("plans/<slug:key>/deliverables/new/", views.deliverable_edit, name="deliverable-create"),
    path(
        "plans/<slug:key>/deliverables/<int:pk>/edit/",
        views.deliverable_edit,
        name="deliverable-edit",
    ),
    path("deliverables/<int:pk>/", views.deliverable_detail, name="deliverable-detail"),
    path("deliverables/<int:pk>/publish/", views.deliverable_publish, name="deliverable-publish"),
    path("deliverables/<int:pk>/updates/new/", views.update_create, name="update-create"),
    path("deliverables/<int:pk>/tasks/new/", views.task_edit, name="task-create"),
    path("deliverables/<int:pk>/tasks/<int:task_pk>/edit/", views.task_edit, name="task-edit"),
    path("deliverables/<int:pk>/tasks/<int:task_pk>/done/", views.task_done, name="task-done"),
    path("updates/<int:pk>/edit/", views.update_edit, name="update-edit"),
    path("updates/<int:pk>/publish/", views.update_publish, name="update-publish"),
    path("updates/awaiting-decision/", views.decision_queue, name="decision-queue"),
    path("updates/<int:pk>/decide/", views.update_decide, name="update-decide"),
]
