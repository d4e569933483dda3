"""Every staff page costs the same SQL queries whatever the amount of data (issue 17).

Every route under /staff/ is taken from the URL resolver, so a new page cannot be left out:
it is either measured here, or answers only POST, or is named below with the reason it is not.
Each page is requested as the demo's administrator on the demo, then again once every kind of
record has doubled (`tests.factories.grow`), and the number of queries must be the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

import pytest
from django.db import connection
from django.db.models import Model
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from pcplan.core.models import BackgroundJob, User
from pcplan.delivery.models import Deliverable, Task, Update
from pcplan.engagement.models import (
    CommsObjective,
    CommsOutput,
    Concern,
    Consultation,
    Event,
)
from pcplan.engagement.models import Finding as EngagementFinding
from pcplan.grants.models import (
    Application,
    Award,
    CommissionedService,
    ExternalBid,
    Fund,
    Intervention,
    MonitoringReturn,
    ServiceReturn,
)
from pcplan.panel.models import (
    Action,
    AgendaItem,
    ForwardPlanItem,
    Meeting,
    MinuteItem,
    PanelMember,
    Precept,
    PublicSubmission,
    Recommendation,
)
from pcplan.partnerships.models import Body, LocalIssue
from pcplan.performance.models import Measure
from pcplan.plans.models import Commitment, Plan, PlanStatutoryElement, Priority, Theme
from pcplan.reports.models import GeneratedReport, UpdateRound
from pcplan.transparency.models import (
    AnnualReport,
    Decision,
    Inspection,
    MeasureEntry,
    MeasuresStatement,
    MeetingSummary,
    PlanReview,
)
from pcplan.transparency.models import Finding as InspectionFinding
from pcplan.transparency.specified import specified_items
from tests.demo_snapshot import load_demo_database
from tests.factories import fill_gaps, grow

pytestmark = pytest.mark.django_db

Kwargs = Callable[[], dict[str, object]]


M = TypeVar("M", bound=Model)


def first(model: type[M], **filters: object) -> M:
    found = model._base_manager.filter(**filters).order_by("pk").first()
    assert found is not None, f"no {model.__name__} in the data set"
    return found


def pk(model: type[Model], **filters: object) -> Kwargs:
    return lambda: {"pk": first(model, **filters).pk}


def key(model: type[Model], **filters: object) -> Kwargs:
    return lambda: {"key": first(model, **filters).key}  # type: ignore[attr-defined]


def plan_key() -> dict[str, object]:
    return {"key": first(Plan, status="issued").key}


def none() -> dict[str, object]:
    return {}


def panel_meeting() -> Meeting:
    return first(Meeting, body__key="police-and-crime-panel")


# Route name -> the URL's arguments for the first object of its kind.
STAFF_PAGES: dict[str, Kwargs] = {
    "core:staff-home": none,
    "core:office": none,
    "core:job": pk(BackgroundJob),
    "plans:plan-create": none,
    "plans:plan-detail": plan_key,
    "plans:plan-edit": plan_key,
    "plans:plan-history": plan_key,
    "plans:plan-status": plan_key,
    "plans:statutory-element-edit": lambda: {
        "key": (element := first(PlanStatutoryElement)).plan.key,
        "element": element.element,
    },
    "plans:theme-create": plan_key,
    "plans:theme-edit": lambda: {
        "key": (theme := first(Theme)).plan.key,
        "theme_key": theme.key,
    },
    "plans:commitment-create": plan_key,
    "plans:commitment-edit": lambda: {
        "key": (commitment := first(Commitment)).plan.key,
        "pk": commitment.pk,
    },
    "plans:priority-create": lambda: {
        "key": (theme := first(Theme)).plan.key,
        "theme_key": theme.key,
    },
    "plans:priority-edit": lambda: {
        "key": (priority := first(Priority)).theme.plan.key,
        "theme_key": priority.theme.key,
        "pk": priority.pk,
    },
    "delivery:deliverable-list": plan_key,
    "delivery:deliverable-create": plan_key,
    "delivery:deliverable-edit": lambda: {
        "key": (deliverable := first(Deliverable)).theme.plan.key,
        "pk": deliverable.pk,
    },
    "delivery:deliverable-detail": pk(Deliverable),
    "delivery:update-create": pk(Deliverable),
    "delivery:task-create": pk(Deliverable),
    "delivery:task-edit": lambda: {
        "pk": (task := first(Task)).deliverable_id,
        "task_pk": task.pk,
    },
    "delivery:update-edit": pk(Update),
    "delivery:decision-queue": none,
    "delivery:update-decide": pk(Update),
    "reports:report-list": plan_key,
    "reports:report-generate": plan_key,
    "reports:report-for": plan_key,
    "reports:report-detail": pk(GeneratedReport),
    "reports:report-publish": pk(GeneratedReport),
    "reports:what-changed": plan_key,
    "reports:update-round-create": plan_key,
    "reports:update-round": pk(UpdateRound),
    "reports:my-update-requests": none,
    "reports:theme-report": lambda: {
        "key": (theme := first(Theme, plan__status="issued")).plan.key,
        "theme_key": theme.key,
    },
    "performance:staff-dashboard": none,
    "performance:measure-create": none,
    "performance:measure-edit": pk(Measure),
    "performance:observation-create": pk(Measure),
    "performance:observation-upload": pk(Measure),
    "performance:figure-create": pk(Measure),
    "performance:figure-upload": pk(Measure),
    "performance:populations": none,
    "performance:import-runs": none,
    "performance:police-data-upload": none,
    "panel:staff-home": none,
    "panel:meeting-new": none,
    "panel:staff-meeting": lambda: {"pk": panel_meeting().pk},
    "panel:meeting-edit": lambda: {"pk": panel_meeting().pk},
    "panel:agenda-item-new": lambda: {"pk": panel_meeting().pk},
    "panel:agenda-item-edit": lambda: {
        "pk": (item := first(AgendaItem, meeting__body__key="police-and-crime-panel")).meeting_id,
        "number": item.number,
    },
    "panel:minute-new": lambda: {"pk": panel_meeting().pk},
    "panel:minute-edit": pk(MinuteItem),
    "panel:minutes-approve": lambda: {"pk": panel_meeting().pk},
    "panel:submission-decide": pk(PublicSubmission),
    "panel:planned-item-new": lambda: {"pk": panel_meeting().pk},
    "panel:planned-item-move": pk(ForwardPlanItem),
    "panel:planned-item-edit": pk(ForwardPlanItem),
    "panel:recommendation-new": lambda: {"pk": panel_meeting().pk},
    "panel:recommendation-response": pk(Recommendation),
    "panel:action-new": lambda: {"pk": panel_meeting().pk},
    "panel:action-close": pk(Action),
    "panel:attendance": lambda: {"pk": panel_meeting().pk},
    "panel:other-attendee-new": lambda: {"pk": panel_meeting().pk},
    "panel:declaration-new": lambda: {"pk": panel_meeting().pk},
    "panel:member-new": none,
    "panel:member-edit": pk(PanelMember),
    "panel:precept-new": none,
    "panel:staff-precept": lambda: {"year": first(Precept).financial_year_start},
    "panel:precept-edit": lambda: {"year": first(Precept).financial_year_start},
    "panel:precept-decision": lambda: {"year": first(Precept).financial_year_start},
    "panel:precept-response": lambda: {"year": first(Precept).financial_year_start},
    "grants:home": none,
    "grants:panel-report-html": none,
    "grants:external-bid-create": none,
    "grants:external-bid-detail": key(ExternalBid),
    "grants:intervention-edit": lambda: {
        "key": (intervention := first(Intervention)).bid.key,
        "pk": intervention.pk,
    },
    "grants:external-bid-edit": key(ExternalBid),
    "grants:intervention-add": key(ExternalBid),
    "grants:service-create": none,
    "grants:service-detail": key(CommissionedService),
    "grants:service-edit": key(CommissionedService),
    "grants:service-return-record": lambda: {
        "key": (service_return := first(ServiceReturn)).service.key,
        "pk": service_return.pk,
    },
    "grants:fund-create": none,
    "grants:fund-detail": key(Fund),
    "grants:fund-edit": key(Fund),
    "grants:apply": key(Fund),
    "grants:application-detail": pk(Application),
    "grants:application-assess": pk(Application),
    "grants:application-decide": pk(Application),
    "grants:award-detail": pk(Award),
    "grants:return-record": lambda: {
        "pk": (monitoring_return := first(MonitoringReturn)).award_id,
        "return_pk": monitoring_return.pk,
    },
    "grants:award-vary": pk(Award),
    "engagement:staff-home": none,
    "engagement:consultation-new": none,
    "engagement:consultation": pk(Consultation),
    "engagement:consultation-edit": pk(Consultation),
    "engagement:finding-new": lambda: {"consultation_pk": first(Consultation).pk},
    "engagement:finding-edit": pk(EngagementFinding),
    "engagement:concerns": none,
    "engagement:concern-new": none,
    "engagement:concern-edit": pk(Concern),
    "engagement:event-new": none,
    "engagement:event": pk(Event),
    "engagement:event-edit": pk(Event),
    "engagement:output": none,
    "engagement:objective-new": none,
    "engagement:objective-edit": pk(CommsObjective),
    "engagement:output-new": none,
    "engagement:output-edit": pk(CommsOutput),
    "transparency:staff-decisions": none,
    "transparency:decision-new": none,
    "transparency:staff-decision": pk(Decision),
    "transparency:decision-edit": pk(Decision),
    "transparency:staff-inspections": none,
    "transparency:inspection-new": none,
    "transparency:staff-inspection": pk(Inspection),
    "transparency:inspection-edit": pk(Inspection),
    "transparency:graded-area-new": pk(Inspection),
    "transparency:finding-new": lambda: {"inspection_pk": first(Inspection).pk},
    "transparency:finding-edit": pk(InspectionFinding),
    "transparency:compliance": none,
    "transparency:publication-new": lambda: {"key": specified_items()[0].key},
    "transparency:staff-statements": none,
    "transparency:staff-statement": pk(MeasuresStatement),
    "transparency:entry-edit": pk(MeasureEntry),
    "transparency:staff-annual-reports": none,
    "transparency:staff-annual-report": pk(AnnualReport),
    "transparency:staff-plan-reviews": none,
    "transparency:plan-review-new": none,
    "transparency:plan-review-edit": pk(PlanReview),
    "transparency:staff-calendar": none,
    "transparency:staff-meeting-summaries": none,
    "transparency:meeting-summary-new": none,
    "transparency:meeting-summary-edit": pk(MeetingSummary),
    "api:staff-search": none,
    "api:tokens": none,
    "delivery-spreadsheet:upload": plan_key,
    # Lists downloaded as CSV: the same rows as the list page, in a fixed number of queries.
    "delivery:deliverables-download": lambda: {**plan_key(), "fmt": "csv"},
    "engagement:consultations-download": lambda: {"fmt": "csv"},
    "performance:staff-measures-download": lambda: {"fmt": "csv"},
    "accounts:people": none,
    "accounts:invite": none,
    "partnerships:staff-home": none,
    "partnerships:staff-body": key(Body),
    "partnerships:membership-new": key(Body),
    "partnerships:body-edit": key(Body),
    "partnerships:local-issue-new": key(Body),
    "partnerships:local-issue-edit": lambda: {
        "key": (body := first(Body, local_issues__isnull=False)).key,
        "pk": first(LocalIssue, body=body).pk,
    },
    "partnerships:funded-post-new": key(Body),
    "partnerships:meeting-new": key(Body),
    "partnerships:scrutiny-new": key(Body),
    "partnerships:document-new": key(Body),
    "partnerships:distribution": plan_key,
}

# Routes that answer only POST (a GET is refused with 405: asserted below).
POST_ONLY = frozenset(
    {
        "core:job-start-again",
        "delivery:deliverable-publish",
        "delivery:update-publish",
        "delivery:task-done",
        "panel:fill-page-ranges",
        "grants:award-publish",
        "grants:award-schedule-returns",
        "grants:service-schedule-returns",
        "engagement:publish",
        "engagement:survey-upload",
        "engagement:output-upload",
        "transparency:decision-publish",
        "transparency:statement-generate",
        "transparency:statement-publish",
        "transparency:annual-report-publish",
        "transparency:meeting-summary-publish",
        "api:token-revoke",
        "accounts:invitation-resend",
        "partnerships:body-publish",
        "partnerships:distribution-send",
    }
)

# Routes not measured, and why. Downloads of generated files: the file is built from a
# fixed query set and its bytes grow with the data by design (their query counts are asserted
# where they are built: tests/reports, tests/grants, tests/engagement).
NOT_MEASURED = {
    "reports:report-download": "a stored file's bytes",
    "grants:panel-report-pdf": "a generated PDF of the page measured as panel-report-html",
    "grants:panel-report-docx": "a generated Word file of the same page",
    "grants:award-letter-pdf": "a generated letter, one award",
    "grants:award-letter-docx": "a generated letter, one award",
    "engagement:approach-report": "a generated PDF",
    "delivery-spreadsheet:export": "the whole Delivery Plan as a file: one query per sheet",
    "engagement:survey-map": "a step of an upload: the token names a file uploaded just before",
    "engagement:output-import": "a step of an upload: the token names a file uploaded just before",
    "delivery-spreadsheet:apply": "a GET sends back to the upload page, measured as its own route",
}

# Pages that show each role its own work: measured again as each demo role.
ROLE_PAGES = ("core:staff-home", "reports:my-update-requests")
ROLES = ("editor", "constabulary", "panel", "secretariat")


def staff_routes() -> dict[str, str]:
    """Every named route under /staff/: name -> route."""
    names: dict[str, str] = {}

    def walk(patterns: list[URLPattern | URLResolver], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}{pattern.namespace}:"
                walk(pattern.url_patterns, route, inner)
            elif route.startswith("staff/") and pattern.name:
                names[namespace + pattern.name] = route

    walk(get_resolver().url_patterns, "", "")
    return names


def test_every_staff_route_is_measured_answers_only_post_or_says_why_not():
    listed = set(STAFF_PAGES) | POST_ONLY | set(NOT_MEASURED)
    routes = set(staff_routes())
    assert sorted(routes - listed) == [], "a staff route this test does not know"
    assert sorted(listed - routes) == [], "a route this test names that no longer exists"
    assert len(NOT_MEASURED) <= 10


def queries_for(client, url: str) -> int | str:
    """The queries of a second request (the first fills what a page keeps in the cache), or
    what went wrong."""
    if (status := client.get(url).status_code) != 200:
        return f"{url} answered {status}"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        # A streamed download reads its rows as it is sent: read to the end, all counted.
        response.getvalue()
        status = response.status_code
    return len(queries) if status == 200 else f"{url} answered {status}"


def measure_every_page(client) -> dict[str, int | str]:
    counts: dict[str, int | str] = {}
    client.force_login(User.objects.get(username="admin"))
    for name, kwargs in STAFF_PAGES.items():
        counts[name] = queries_for(client, reverse(name, kwargs=kwargs()))
    for username in ROLES:
        client.force_login(User.objects.get(username=username))
        for name in ROLE_PAGES:
            counts[f"{name} as {username}"] = queries_for(client, reverse(name))
    return counts


@pytest.mark.parametrize("kept", [False, True], ids=["built", "kept"])
def test_every_staff_page_costs_the_same_queries_when_every_kind_of_record_doubles(
    client, settings, kept
):
    """Built: every page's whole work, its body not kept (the first request after a change).
    Kept: the pages as served again (pcplan.core.fragments)."""
    settings.PCPLAN_KEEP_STAFF_PARTS = kept
    load_demo_database()
    fill_gaps()
    before = measure_every_page(client)
    assert [v for v in before.values() if isinstance(v, str)] == []
    grow()
    after = measure_every_page(client)
    assert [v for v in after.values() if isinstance(v, str)] == []
    grown = {
        name: f"{before[name]} → {after[name]}" for name in before if after[name] != before[name]
    }
    assert grown == {}


PLACEHOLDERS = {"int": 1, "slug": "x", "str": "x", "uuid": "00000000-0000-0000-0000-000000000000"}


def test_routes_that_answer_only_post_refuse_a_get(client, administrator):
    client.force_login(administrator)
    routes = staff_routes()
    for name in sorted(POST_ONLY):
        kwargs = {
            argument: PLACEHOLDERS[converter]
            for converter, argument in re.findall(r"<(\w+):(\w+)>", routes[name])
        }
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 405, name
