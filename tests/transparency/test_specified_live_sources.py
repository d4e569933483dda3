"""Specified information filled from live records (issue 13 item 2): public meetings, their
agendas and minutes (SI 2011/3050 Sch. para 5(a)-(c)), the precept (para 3(b)) and the CSPs'
reports (para 7) are listed and dated on the public page from pcplan's own records, not from
uploads; a draft, a private body's meeting and an exempt minute never show."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pcplan.core.publishing import set_published
from pcplan.panel import services as panel_services
from pcplan.panel.models import Meeting, MinuteItem, Precept
from pcplan.partnerships.models import Body, BodyKind, CspDocument, panel_body
from pcplan.transparency.deadlines import Compliance
from pcplan.transparency.specified import item_rows
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def row(key):
    return next(r for r in item_rows(TODAY()) if r.item.key == key)


def public_page(client):
    response = client.get(reverse("transparency:specified-information"))
    assert response.status_code == 200
    return response.content.decode()


def days_ago(n):
    return TODAY() - dt.timedelta(days=n)


# --- para 5: meetings, agendas and minutes ----------------------------------------------------


def office_board():
    """A board the office holds in public, as the Business Coordination Board (seed 000)."""
    return Body.objects.filter(key="office-board").first() or BodyFactory(
        key="office-board", name="Business Coordination Board", meetings_public=True
    )


def meeting(days_from_today, status=Meeting.Status.SCHEDULED, agenda_days_before=None, **kw):
    day = TODAY() + dt.timedelta(days=days_from_today)
    published = day - dt.timedelta(days=agenda_days_before) if agenda_days_before else None
    kw.setdefault("body", office_board())
    return Meeting.objects.create(date=day, status=status, agenda_published_on=published, **kw)


@pytest.fixture
def held_meeting(db):
    """A Board meeting held with its agenda published and its minutes approved and published
    at the next meeting; one of its minutes is exempt."""
    held = meeting(-40, Meeting.Status.MINUTES_APPROVED, 7, title="Budget meeting")
    later = meeting(-10, Meeting.Status.HELD, 7, title="Next meeting")
    held.minutes_approved_at = later
    held.minutes_published = True
    held.save()
    MinuteItem.objects.create(
        meeting=held, number=1, title="SECRET-MINUTE estates sale", is_exempt=True
    )
    return held


def test_public_meetings_fill_the_meetings_item_dated_by_their_agendas_and_minutes(
    client, held_meeting
):
    meetings = row("meetings")
    assert meetings.live
    # The later meeting's agenda was published 17 days ago; the first meeting's minutes on
    # their approval at that later meeting, 10 days ago: the newest of the two.
    assert meetings.last_published_on == days_ago(10)
    assert meetings.status == Compliance.PRESENT
    html = public_page(client)
    assert reverse("panel:meeting", args=[held_meeting.pk]) in html
    assert "Budget meeting" in html
    assert "agenda and minutes" in html


def test_a_private_bodys_meeting_an_unpublished_agenda_and_an_exempt_minute_are_absent(
    client, held_meeting
):
    private = BodyFactory(name="PRIVATE-BOARD", meetings_public=False)
    meeting(-2, Meeting.Status.HELD, 3, body=private, title="PRIVATE-MEETING")
    draft = meeting(20, title="DRAFT-AGENDA meeting")
    meetings = row("meetings")
    assert meetings.last_published_on == days_ago(10)
    html = public_page(client)
    for hidden in ["PRIVATE-BOARD", "PRIVATE-MEETING", "DRAFT-AGENDA", "SECRET-MINUTE"]:
        assert hidden not in html
    assert reverse("panel:meeting", args=[draft.pk]) not in html


def test_the_panels_and_a_csps_meetings_are_not_the_offices_own(client):
    """SI 2011/3050 Sch. para 5: "each public meeting to be held by the elected local policing
    body". The Panel is held by the councils that appoint it, a CSP by its Responsible
    Authorities: their public meetings do not fill the office's item."""
    panel = meeting(-5, Meeting.Status.HELD, 3, body=panel_body(), title="PANEL-MEETING")
    csp = BodyFactory(name="A CSP", kind=BodyKind.CSP, meetings_public=True)
    meeting(-4, Meeting.Status.HELD, 3, body=csp, title="CSP-MEETING")
    assert Meeting.objects.public().filter(pk=panel.pk).exists()  # public, on the Panel's pages
    assert row("meetings").status == Compliance.MISSING
    html = public_page(client)
    assert "PANEL-MEETING" not in html and "CSP-MEETING" not in html


def test_with_no_public_agenda_the_meetings_item_is_missing(client):
    meeting(5)
    assert row("meetings").status == Compliance.MISSING


# --- para 3(b): the precept ---------------------------------------------------------------------


@pytest.fixture
def precept(db):
    return Precept.objects.create(
        financial_year_start=2023,
        notified_on=dt.date(2023, 1, 23),
        band_d=Decimal("285.57"),
        previous_band_d=Decimal("270.57"),
        report_date=dt.date(2023, 2, 1),
    )


def test_a_draft_precept_decision_and_an_unpublished_response_leave_the_precept_missing(
    client, precept, secretariat
):
    panel_services.record_precept_response(
        secretariat, precept, text="DRAFT-RESPONSE", date=dt.date(2023, 2, 3), published=False
    )
    precept.refresh_from_db()
    assert not precept.decision.is_published
    assert row("precept").status == Compliance.MISSING
    html = public_page(client)
    assert "DRAFT-RESPONSE" not in html
    assert reverse("transparency:decision", args=[precept.decision.pk]) not in html


def test_the_published_precept_decision_and_response_fill_the_precept_item(
    client, precept, secretariat, editor
):
    panel_services.record_precept_response(
        secretariat, precept, text="I will issue it.", date=dt.date(2023, 2, 3), published=True
    )
    precept.refresh_from_db()
    decision = set_published(editor, precept.decision, True)
    precept_row = row("precept")
    assert precept_row.live
    assert precept_row.last_published_on == timezone.localdate(decision.published_at)
    html = public_page(client)
    assert reverse("transparency:decision", args=[decision.pk]) in html
    assert reverse("panel:precept", args=[2023]) in html
    assert "Band D £285.57" in html


def test_an_exempt_part_of_the_precept_decision_never_shows(client, precept, secretariat, editor):
    panel_services.record_precept_response(
        secretariat, precept, text="I will issue it.", date=dt.date(2023, 2, 3), published=True
    )
    precept.refresh_from_db()
    decision = precept.decision
    decision.exempt_part = "SECRET-EXEMPT reserves strategy"
    decision.exemption_reason = "SECRET-REASON commercial"
    decision.save()
    set_published(editor, decision, True)
    html = public_page(client)
    assert "SECRET" not in html


# --- para 7: the CSPs' reports ------------------------------------------------------------------


@pytest.fixture
def csp(db):
    return BodyFactory(name="Fenland CSP", kind=BodyKind.CSP, meetings_public=False)


def document(body, title, days_from_today, url="", kind=CspDocument.Kind.STRATEGIC_ASSESSMENT):
    day = TODAY() + dt.timedelta(days=days_from_today)
    return CspDocument.objects.create(body=body, kind=kind, title=title, dated=day, url=url)


def test_a_csps_published_strategic_assessment_fills_the_csp_reports_item(client, csp):
    document(csp, "Strategic assessment 2023", -30, "https://example.org/fenland-2023.pdf")
    reports = row("csp-reports")
    assert reports.live
    assert reports.last_published_on == days_ago(30)
    assert reports.status == Compliance.PRESENT
    html = public_page(client)
    assert "https://example.org/fenland-2023.pdf" in html
    assert "Fenland CSP: Strategic assessment 2023" in html


def test_unpublished_csp_documents_are_absent(client, csp):
    hidden_body = BodyFactory(
        name="UNPUBLISHED-CSP", kind=BodyKind.CSP, is_published=False, meetings_public=False
    )
    plan = CspDocument.Kind.COMMUNITY_SAFETY_PLAN
    document(hidden_body, "UNPUBLISHED-BODY plan", -3, "https://example.org/hidden.pdf", plan)
    document(csp, "NO-ADDRESS draft plan", -3, kind=plan)
    document(csp, "FUTURE assessment", 30, "https://example.org/future.pdf")
    assert row("csp-reports").status == Compliance.MISSING
    html = public_page(client)
    for hidden in ["UNPUBLISHED", "NO-ADDRESS", "FUTURE", "hidden.pdf", "future.pdf"]:
        assert hidden not in html


def test_the_public_page_reads_the_live_sources_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, held_meeting, csp
):
    for n in range(8):
        meeting(-100 - n, Meeting.Status.HELD, 7)
        document(csp, f"Assessment {n}", -200 - n, f"https://example.org/{n}.pdf")
    with django_assert_max_num_queries(40):
        public_page(client)
