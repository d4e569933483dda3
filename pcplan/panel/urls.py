from django.urls import path

from pcplan.panel.views import (
    forward_plan,
    meetings,
    members,
    precept,
    questions,
    staff_meetings,
)

app_name = "panel"

urlpatterns = [
    path("panel/", meetings.meeting_list, name="meetings"),
    path("panel/meetings.ics", meetings.meetings_ics, name="meetings-ics"),
    path("panel/meetings.<export:fmt>", meetings.meeting_list_download, name="meetings-download"),
    path("panel/meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("panel/meetings/<int:pk>/agenda-pack.pdf", meetings.agenda_pack, name="agenda-pack"),
    path(
        "panel/meetings/<int:pk>/items/<int:number>/report.pdf",
        meetings.agenda_item_report,
        name="agenda-item-report",
    ),
    path("panel/meetings/<int:pk>/questions/new/", questions.submit_question, name="question-new"),
    path(
        "panel/meetings/<int:pk>/questions/<int:submission_pk>/received/",
        questions.question_received,
        name="question-received",
    ),
    path("panel/forward-plan/", forward_plan.forward_plan, name="forward-plan"),
    path("panel/recommendations/", forward_plan.recommendation_list, name="recommendations"),
    path(
        "panel/recommendations.<export:fmt>",
        forward_plan.recommendation_list_download,
        name="recommendations-download",
    ),
    path("panel/precept/<int:year>/", precept.precept_detail, name="precept"),
    path("panel/precept/<int:year>/report.pdf", precept.precept_report, name="precept-report"),
    path("staff/panel/", staff_meetings.staff_home, name="staff-home"),
    path("staff/panel/meetings/new/", staff_meetings.meeting_new, name="meeting-new"),
    path("staff/panel/meetings/<int:pk>/", staff_meetings.staff_meeting, name="staff-meeting"),
    path("staff/panel/meetings/<int:pk>/edit/", staff_meetings.meeting_edit, name="meeting-edit"),
    path(
        "staff/panel/meetings/<int:pk>/agenda/new/",
        staff_meetings.agenda_item_add,
        name="agenda-item-new",
    ),
    path(
        "staff/panel/meetings/<int:pk>/agenda/<int:number>/edit/",
        staff_meetings.agenda_item_add,
        name="agenda-item-edit",
    ),
    path(
        "staff/panel/meetings/<int:pk>/page-ranges/",
        staff_meetings.fill_page_ranges,
        name="fill-page-ranges",
    ),
    path(
        "staff/panel/meetings/<int:pk>/minutes/new/", staff_meetings.minute_add, name="minute-new"
    ),
    path("staff/panel/minutes/<int:pk>/edit/", staff_meetings.minute_edit, name="minute-edit"),
    path(
        "staff/panel/meetings/<int:pk>/minutes/approve/",
        staff_meetings.minutes_approve,
        name="minutes-approve",
    ),
    path(
        "staff/panel/submissions/<int:pk>/decide/",
        questions.submission_decide,
        name="submission-decide",
    ),
    path(
        "staff/panel/meetings/<int:pk>/forward-plan/new/",
        forward_plan.planned_item_add,
        name="planned-item-new",
    ),
    path(
        "staff/panel/forward-plan/<int:pk>/edit/",
        forward_plan.planned_item_edit,
        name="planned-item-edit",
    ),
    path(
        "staff/panel/forward-plan/<int:pk>/move/",
        forward_plan.planned_item_move,
        name="planned-item-move",
    ),
    path(
        "staff/panel/meetings/<int:pk>/recommendations/new/",
        forward_plan.recommendation_add,
        name="recommendation-new",
    ),
    path(
        "staff/panel/recommendations/<int:pk>/response/",
        forward_plan.recommendation_response,
        name="recommendation-response",
    ),
    path("staff/panel/meetings/<int:pk>/actions/new/", forward_plan.action_add, name="action-new"),
    path("staff/panel/actions/<int:pk>/close/", forward_plan.action_close, name="action-close"),
    path(
        "staff/panel/meetings/<int:pk>/attendance/",
        staff_meetings.attendance_edit,
        name="attendance",
    ),
    path(
        "staff/panel/meetings/<int:pk>/others-present/new/",
        staff_meetings.other_attendee_add,
        name="other-attendee-new",
    ),
    path(
        "staff/panel/meetings/<int:pk>/declarations/new/",
        staff_meetings.declaration_add,
        name="declaration-new",
    ),
    path("staff/panel/members/new/", members.member_new, name="member-new"),
    path("staff/panel/members/<int:pk>/edit/", members.member_edit, name="member-edit"),
    path("staff/panel/precept/new/", precept.precept_new, name="precept-new"),
    path("staff/panel/precept/<int:year>/", precept.staff_precept, name="staff-precept"),
    path("staff/panel/precept/<int:year>/edit/", precept.precept_edit, name="precept-edit"),
    path(
        "staff/panel/precept/<int:year>/decision/",
        precept.precept_decision,
        name="precept-decision",
    ),
    path(
        "staff/panel/precept/<int:year>/response/",
        precept.precept_response,
        name="precept-response",
    ),
]
