from django.urls import path

from pcplan.transparency.views import calendar, decisions

app_name = "transparency"

urlpatterns = [
    path("decisions/", decisions.decision_register, name="decisions"),
    path("decisions/<int:pk>/", decisions.decision_detail, name="decision"),
    path("staff/decisions/", decisions.staff_decisions, name="staff-decisions"),
    path("staff/decisions/new/", decisions.decision_new, name="decision-new"),
    path("staff/decisions/<int:pk>/", decisions.staff_decision, name="staff-decision"),
    path("staff/decisions/<int:pk>/edit/", decisions.decision_edit, name="decision-edit"),
    path("staff/decisions/<int:pk>/publish/", decisions.decision_publish, name="decision-publish"),
    path("statutory-calendar.ics", calendar.calendar_ics, name="calendar-ics"),
    path("staff/statutory-calendar/", calendar.staff_calendar, name="staff-calendar"),
]
