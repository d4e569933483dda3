from django.urls import path

from pcplan.panel import views

app_name = "panel"

urlpatterns = [
    path("panel/", views.meeting_list, name="meetings"),
    path("panel/meetings.ics", views.meetings_ics, name="meetings-ics"),
    path("panel/meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("panel/meetings/<int:pk>/agenda-pack.pdf", views.agenda_pack, name="agenda-pack"),
    path(
        "panel/meetings/<int:pk>/items/<int:number>/report.pdf",
        views.agenda_item_report,
        name="agenda-item-report",
    ),
    path("panel/meetings/<int:pk>/questions/new/", views.submit_question, name="question-new"),
    path(
        "panel/meetings/<int:pk>/questions/<int:submission_pk>/received/",
        views.question_received,
        name="question-received",
    ),
    path("panel/forward-plan/", views.forward_plan, name="forward-plan"),
    path("panel/recommendations/", views.recommendation_list, name="recommendations"),
    path("panel/precept/<int:year>/", views.precept_detail, name="precept"),
    path("panel/precept/<int:year>/report.pdf", views.precept_report, name="precept-report"),
    path("staff/panel/", views.staff_home, name="staff-home"),
    path("staff/panel/meetings/new/", views.meeting_new, name="meeting-new"),
    path("staff/panel/meetings/<int:pk>/", views.staff_meeting, name="staff-meeting"),
    path("staff/panel/meetings/<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path(
        "staff/panel/meetings/<int:pk>/agenda/new/", views.agenda_item_add, name="agenda-item-new"
    ),
    path(
        "staff/panel/meetings/<int:pk>/agenda/<int:number>/edit/",
        views.agenda_item_add,
        name="agenda-item-edit",
    ),
    path(
        "staff/panel/meetings/<int:pk>/page-ranges/",
        views.fill_page_ranges,
        name="fill-page-ranges",
    ),
    path("staff/panel/meetings/<int:pk>/minutes/new/", views.minute_add, name="minute-new"),
    path("staff/panel/minutes/<int:pk>/edit/", views.minute_edit, name="minute-edit"),
    path(
        "staff/panel/meetings/<int:pk>/minutes/approve/",
        views.minutes_approve,
        name="minutes-approve",
    ),
    path(
        "staff/panel/submissions/<int:pk>/decide/",
        views.submission_decide,
        name="submission-decide",
    ),
    path(
        "staff/panel/meetings/<int:pk>/forward-plan/new/",
        views.planned_item_add,
        name="planned-item-new",
    ),
    path(
        "staff/panel/forward-plan/<int:pk>/move/", views.planned_item_move, name="planned-item-move"
    ),
    path(
        "staff/panel/meetings/<int:pk>/recommendations/new/",
        views.recommendation_add,
        name="recommendation-new",
    ),
    path(
        "staff/panel/recommendations/<int:pk>/response/",
        views.recommendation_response,
        name="recommendation-response",
    ),
    path("staff/panel/meetings/<int:pk>/actions/new/", views.action_add, name="action-new"),
    path("staff/panel/actions/<int:pk>/close/", views.action_close, name="action-close"),
    path("staff/panel/meetings/<int:pk>/attendance/", views.attendance_edit, name="attendance"),
    path(
        "staff/panel/meetings/<int:pk>/others-present/new/",
        views.other_attendee_add,
        name="other-attendee-new",
    ),
    path(
        "staff/panel/meetings/<int:pk>/declarations/new/",
        views.declaration_add,
        name="declaration-new",
    ),
    path("staff/panel/members/new/", views.member_new, name="member-new"),
    path("staff/panel/members/<int:pk>/edit/", views.member_edit, name="member-edit"),
    path("staff/panel/precept/new/", views.precept_new, name="precept-new"),
    path("staff/panel/precept/<int:year>/", views.staff_precept, name="staff-precept"),
    path("staff/panel/precept/<int:year>/edit/", views.precept_edit, name="precept-edit"),
    path(
        "staff/panel/precept/<int:year>/decision/", views.precept_decision, name="precept-decision"
    ),
    path(
        "staff/panel/precept/<int:year>/response/", views.precept_response, name="precept-response"
    ),
]
