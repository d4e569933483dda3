from django.urls import path

from pcplan.transparency.views import (
    annual_reports,
    calendar,
    decisions,
    inspections,
    meeting_summaries,
    plan_reviews,
    specified,
    statement,
)

app_name = "transparency"

urlpatterns = [
    path("decisions/", decisions.decision_register, name="decisions"),
    path(
        "decisions/register.<export:fmt>",
        decisions.decision_register_download,
        name="decisions-download",
    ),
    path("decisions/<int:pk>/", decisions.decision_detail, name="decision"),
    path("staff/decisions/", decisions.staff_decisions, name="staff-decisions"),
    path("staff/decisions/new/", decisions.decision_new, name="decision-new"),
    path("staff/decisions/<int:pk>/", decisions.staff_decision, name="staff-decision"),
    path("staff/decisions/<int:pk>/edit/", decisions.decision_edit, name="decision-edit"),
    path("staff/decisions/<int:pk>/publish/", decisions.decision_publish, name="decision-publish"),
    path("staff/inspections/", inspections.staff_inspections, name="staff-inspections"),
    path("staff/inspections/new/", inspections.inspection_new, name="inspection-new"),
    path("staff/inspections/<int:pk>/", inspections.staff_inspection, name="staff-inspection"),
    path("staff/inspections/<int:pk>/edit/", inspections.inspection_edit, name="inspection-edit"),
    path(
        "staff/inspections/<int:pk>/graded-areas/new/",
        inspections.graded_area_add,
        name="graded-area-new",
    ),
    path(
        "staff/inspections/<int:inspection_pk>/findings/new/",
        inspections.finding_new,
        name="finding-new",
    ),
    path("staff/findings/<int:pk>/edit/", inspections.finding_edit, name="finding-edit"),
    path("specified-information/", specified.specified_information, name="specified-information"),
    path(
        "specified-information/documents/<int:pk>/",
        specified.publication_document,
        name="publication-document",
    ),
    path("staff/specified-information/", specified.compliance, name="compliance"),
    path("meeting-summaries/", meeting_summaries.public_summaries, name="meeting-summaries"),
    path("meeting-summaries/<int:pk>/", meeting_summaries.public_summary, name="meeting-summary"),
    path(
        "staff/meeting-summaries/",
        meeting_summaries.staff_summaries,
        name="staff-meeting-summaries",
    ),
    path(
        "staff/meeting-summaries/new/",
        meeting_summaries.summary_new,
        name="meeting-summary-new",
    ),
    path(
        "staff/meeting-summaries/<int:pk>/edit/",
        meeting_summaries.summary_edit,
        name="meeting-summary-edit",
    ),
    path(
        "staff/meeting-summaries/<int:pk>/publish/",
        meeting_summaries.summary_publish,
        name="meeting-summary-publish",
    ),
    path(
        "staff/specified-information/<slug:key>/publish/",
        specified.publication_new,
        name="publication-new",
    ),
    path(
        "national-measures-statement/",
        statement.public_statement,
        name="national-measures-statement",
    ),
    path("staff/national-measures/", statement.staff_statements, name="staff-statements"),
    path(
        "staff/national-measures/generate/",
        statement.statement_generate,
        name="statement-generate",
    ),
    path("staff/national-measures/<int:pk>/", statement.staff_statement, name="staff-statement"),
    path(
        "staff/national-measures/<int:pk>/publish/",
        statement.statement_publish,
        name="statement-publish",
    ),
    path("staff/national-measures/entries/<int:pk>/edit/", statement.entry_edit, name="entry-edit"),
    path("annual-reports/", annual_reports.annual_reports, name="annual-reports"),
    path(
        "annual-reports/<int:pk>/report.<str:fmt>",
        annual_reports.annual_report_file,
        name="annual-report-file",
    ),
    path("staff/annual-reports/", annual_reports.staff_annual_reports, name="staff-annual-reports"),
    path(
        "staff/annual-reports/<int:pk>/",
        annual_reports.staff_annual_report,
        name="staff-annual-report",
    ),
    path(
        "staff/annual-reports/<int:pk>/publish/",
        annual_reports.annual_report_publish,
        name="annual-report-publish",
    ),
    path("draft-plans/", plan_reviews.draft_plans, name="draft-plans"),
    path("draft-plans/<slug:key>/", plan_reviews.draft_plan, name="draft-plan"),
    path("staff/plan-reviews/", plan_reviews.staff_plan_reviews, name="staff-plan-reviews"),
    path("staff/plan-reviews/new/", plan_reviews.plan_review_new, name="plan-review-new"),
    path(
        "staff/plan-reviews/<int:pk>/edit/", plan_reviews.plan_review_edit, name="plan-review-edit"
    ),
    path("statutory-calendar.ics", calendar.calendar_ics, name="calendar-ics"),
    path("staff/statutory-calendar/", calendar.staff_calendar, name="staff-calendar"),
]
