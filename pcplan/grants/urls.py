from django.urls import path

from pcplan.grants.views import public, staff

app_name = "grants"

urlpatterns = [
    path("grants/", public.register_page, name="register"),
    path("grants/register.<export:fmt>", public.register_download, name="register-download"),
    path("grants/awards/<slug:reference>/", public.award_page, name="public-award"),
    path("staff/grants/", staff.home, name="home"),
    path(
        "staff/grants/commissioning-and-grants.html",
        staff.commissioning_report,
        {"fmt": "html"},
        name="panel-report-html",
    ),
    path(
        "staff/grants/commissioning-and-grants.pdf",
        staff.commissioning_report,
        {"fmt": "pdf"},
        name="panel-report-pdf",
    ),
    path(
        "staff/grants/commissioning-and-grants.docx",
        staff.commissioning_report,
        {"fmt": "docx"},
        name="panel-report-docx",
    ),
    path("staff/grants/external/new/", staff.external_bid_edit, name="external-bid-create"),
    path(
        "staff/grants/external/<slug:key>/",
        staff.external_bid_detail,
        name="external-bid-detail",
    ),
    path(
        "staff/grants/external/<slug:key>/interventions/<int:pk>/",
        staff.intervention_edit,
        name="intervention-edit",
    ),
    path(
        "staff/grants/external/<slug:key>/edit/",
        staff.external_bid_edit,
        name="external-bid-edit",
    ),
    path(
        "staff/grants/external/<slug:key>/interventions/new/",
        staff.intervention_add,
        name="intervention-add",
    ),
    path("staff/grants/services/new/", staff.service_edit, name="service-create"),
    path("staff/grants/services/<slug:key>/", staff.service_detail, name="service-detail"),
    path("staff/grants/services/<slug:key>/edit/", staff.service_edit, name="service-edit"),
    path(
        "staff/grants/services/<slug:key>/returns/",
        staff.service_schedule_returns,
        name="service-schedule-returns",
    ),
    path(
        "staff/grants/services/<slug:key>/returns/<int:pk>/",
        staff.service_return_record,
        name="service-return-record",
    ),
    path("staff/grants/funds/new/", staff.fund_edit, name="fund-create"),
    path("staff/grants/funds/<slug:key>/", staff.fund_detail, name="fund-detail"),
    path("staff/grants/funds/<slug:key>/edit/", staff.fund_edit, name="fund-edit"),
    path("staff/grants/funds/<slug:key>/apply/", staff.apply, name="apply"),
    path(
        "staff/grants/applications/<int:pk>/", staff.application_detail, name="application-detail"
    ),
    path(
        "staff/grants/applications/<int:pk>/assess/",
        staff.application_assess,
        name="application-assess",
    ),
    path(
        "staff/grants/applications/<int:pk>/decide/",
        staff.application_decide,
        name="application-decide",
    ),
    path("staff/grants/awards/<int:pk>/", staff.award_detail, name="award-detail"),
    path(
        "staff/grants/awards/<int:pk>/returns/<int:return_pk>/",
        staff.return_record,
        name="return-record",
    ),
    path("staff/grants/awards/<int:pk>/vary/", staff.award_vary, name="award-vary"),
    path("staff/grants/awards/<int:pk>/publish/", staff.award_publish, name="award-publish"),
    path(
        "staff/grants/awards/<int:pk>/returns/",
        staff.award_schedule_returns,
        name="award-schedule-returns",
    ),
    path(
        "staff/grants/awards/<int:pk>/letter.pdf",
        staff.award_letter,
        {"fmt": "pdf"},
        name="award-letter-pdf",
    ),
    path(
        "staff/grants/awards/<int:pk>/letter.docx",
        staff.award_letter,
        {"fmt": "docx"},
        name="award-letter-docx",
    ),
]
