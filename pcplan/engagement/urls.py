from django.urls import path

from pcplan.engagement.views import public, staff, subscribe

app_name = "engagement"

urlpatterns = [
    path("engagement/", public.engagement_home, name="public-home"),
    path("engagement/you-said-we-did/", public.you_said_we_did, name="you-said-we-did"),
    path("engagement/concerns/", public.concerns, name="public-concerns"),
    path(
        "engagement/consultations.<export:fmt>",
        public.consultations_download,
        name="public-consultations-download",
    ),
    path("engagement/consultations/<slug:key>/", public.consultation, name="public-consultation"),
    path("engagement/updates/", subscribe.subscribe, name="subscribe"),
    path("engagement/updates/sent/", subscribe.subscription_sent, name="subscription-sent"),
    path(
        "engagement/updates/confirm/<str:token>/",
        subscribe.subscription_confirm,
        name="subscription-confirm",
    ),
    path("engagement/updates/stop/<str:token>/", subscribe.unsubscribe, name="unsubscribe"),
    path("staff/engagement/", staff.staff_home, name="staff-home"),
    path(
        "staff/engagement/consultations.<export:fmt>",
        staff.consultations_download,
        name="consultations-download",
    ),
    path("staff/engagement/consultations/new/", staff.consultation_edit, name="consultation-new"),
    path(
        "staff/engagement/consultations/<int:pk>/", staff.consultation_detail, name="consultation"
    ),
    path(
        "staff/engagement/consultations/<int:pk>/edit/",
        staff.consultation_edit,
        name="consultation-edit",
    ),
    path(
        "staff/engagement/consultations/<int:pk>/import/",
        staff.survey_upload,
        name="survey-upload",
    ),
    path(
        "staff/engagement/consultations/<int:pk>/import/<str:token>/",
        staff.survey_map,
        name="survey-map",
    ),
    path(
        "staff/engagement/consultations/<int:consultation_pk>/findings/new/",
        staff.finding_edit,
        name="finding-new",
    ),
    path("staff/engagement/findings/<int:pk>/", staff.finding_edit, name="finding-edit"),
    path("staff/engagement/publish/<str:kind>/<int:pk>/", staff.publish, name="publish"),
    path("staff/engagement/concerns/", staff.concern_list, name="concerns"),
    path("staff/engagement/concerns/new/", staff.concern_edit, name="concern-new"),
    path("staff/engagement/concerns/<int:pk>/", staff.concern_edit, name="concern-edit"),
    path("staff/engagement/events/new/", staff.event_edit, name="event-new"),
    path("staff/engagement/events/<int:pk>/", staff.event_detail, name="event"),
    path("staff/engagement/events/<int:pk>/edit/", staff.event_edit, name="event-edit"),
    path("staff/engagement/output/", staff.output_list, name="output"),
    path("staff/engagement/output/panel-report.pdf", staff.approach_report, name="approach-report"),
    path("staff/engagement/objectives/new/", staff.objective_edit, name="objective-new"),
    path("staff/engagement/objectives/<int:pk>/", staff.objective_edit, name="objective-edit"),
    path("staff/engagement/output/new/", staff.output_edit, name="output-new"),
    path("staff/engagement/output/import/", staff.output_upload, name="output-upload"),
    path(
        "staff/engagement/output/import/<str:token>/",
        staff.output_import_page,
        name="output-import",
    ),
    path("staff/engagement/output/<int:pk>/", staff.output_edit, name="output-edit"),
]
