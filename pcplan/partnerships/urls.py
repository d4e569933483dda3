from django.urls import path

from pcplan.partnerships import views

app_name = "partnerships"

urlpatterns = [
    path("partnerships/", views.public_landscape, name="landscape"),
    path("partnerships/<slug:key>/", views.public_body, name="body"),
    path("staff/partnerships/", views.staff_home, name="staff-home"),
    path("staff/partnerships/bodies/<slug:key>/", views.staff_body, name="staff-body"),
    path(
        "staff/partnerships/bodies/<slug:key>/publish/",
        views.body_publish,
        name="body-publish",
    ),
    path(
        "staff/partnerships/bodies/<slug:key>/members/new/",
        views.membership_new,
        name="membership-new",
    ),
    path("staff/partnerships/bodies/<slug:key>/edit/", views.body_edit, name="body-edit"),
    path(
        "staff/partnerships/bodies/<slug:key>/issues/new/",
        views.local_issue_edit,
        name="local-issue-new",
    ),
    path(
        "staff/partnerships/bodies/<slug:key>/issues/<int:pk>/",
        views.local_issue_edit,
        name="local-issue-edit",
    ),
    path(
        "staff/partnerships/bodies/<slug:key>/funded-posts/new/",
        views.funded_post_new,
        name="funded-post-new",
    ),
    path(
        "staff/partnerships/bodies/<slug:key>/meetings/new/",
        views.meeting_new,
        name="meeting-new",
    ),
    path(
        "staff/partnerships/bodies/<slug:key>/scrutinies/new/",
        views.scrutiny_new,
        name="scrutiny-new",
    ),
    path(
        "staff/partnerships/bodies/<slug:key>/documents/new/",
        views.document_new,
        name="document-new",
    ),
    path(
        "staff/partnerships/plans/<slug:key>/distribution/",
        views.distribution,
        name="distribution",
    ),
    path(
        "staff/partnerships/plans/<slug:key>/distribution/send/",
        views.distribution_send,
        name="distribution-send",
    ),
]
