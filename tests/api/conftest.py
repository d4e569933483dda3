"""A small office's public record, and planted things that must never be public."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile

from pcplan.core.models import Organisation
from pcplan.delivery.models import Update
from pcplan.engagement.models import Consultation
from pcplan.grants.models import Application, Award, Fund
from pcplan.panel.models import (
    AgendaItem,
    Meeting,
    MinuteItem,
    PanelMember,
    PublicSubmission,
    Recommendation,
)
from pcplan.partnerships.models import Body, BodyKind, BodyPriority, MembershipRole
from pcplan.performance.models import (
    Measure,
    Observation,
    PoliceMonthlyCrime,
    PoliceMonthlyOutcome,
    PoliceMonthlyStopSearch,
)
from pcplan.plans.lifecycle import PlanStatus
from pcplan.reports.models import GeneratedReport
from pcplan.transparency.models import AnnualReport, Decision
from tests.factories import (
    BodyFactory,
    DeliverableFactory,
    MembershipFactory,
    PlanFactory,
    ThemeFactory,
    UpdateFactory,
)
from tests.panel.bodies import plant_meetings_of

SECRET = "SECRET"


def a_docx(*paragraphs: str) -> bytes:
    """A Word file holding `paragraphs`, the last one in a table's cell."""
    from docx import Document

    document = Document()
    for text in paragraphs[:-1]:
        document.add_paragraph(text)
    if paragraphs:
        document.add_table(rows=1, cols=1).cell(0, 0).text = paragraphs[-1]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def public_record(db, constabulary_deliverable, published_update):
    """One of each public record: plan, theme, deliverable, update, measure, observation,
    member, meeting, agenda item with a report, minute, recommendation with its response."""
    measure = Measure.objects.create(
        key="victim-satisfaction",
        name="Victim satisfaction",
        unit="%",
        direction="higher",
        is_published=True,
    )
    Observation.objects.create(
        measure=measure, granularity="month", period_start=dt.date(2023, 1, 1), value="81.5"
    )
    PanelMember.objects.create(
        name="Edward Leigh", kind="independent", start_date=dt.date(2022, 7, 20)
    )
    meeting = Meeting.objects.create(
        date=dt.date(2023, 3, 15),
        venue="Town Hall",
        status=Meeting.Status.HELD,
        minutes_published=True,
    )
    item = AgendaItem.objects.create(
        meeting=meeting, number=1, title="Delivery Plan update", kind=AgendaItem.Kind.STANDARD
    )
    item.report_file.save("report.pdf", ContentFile(b"%PDF-1.4 public"), save=True)
    minute = MinuteItem.objects.create(meeting=meeting, number=501, title="Delivery Plan update")
    Recommendation.objects.create(
        meeting=meeting,
        minute=minute,
        text="Publish the Delivery Plan quarterly.",
        made_on=meeting.date,
        response_due=dt.date(2023, 4, 15),
        response_text="Agreed.",
        response_date=dt.date(2023, 4, 1),
        response_published=True,
    )
    make_report(constabulary_deliverable.theme.plan, published=True, purpose="Progress.")
    fund = Fund.objects.create(key="community-fund", name="Community Fund")
    Award.objects.create(
        reference="cf-001",
        fund=fund,
        recipient=constabulary_deliverable.lead,
        purpose="Youth diversion",
        amount="5000.00",
        decision_date=dt.date(2023, 2, 1),
        is_published=True,
    )
    Decision.objects.create(
        number="2023/001",
        decided_on=dt.date(2023, 2, 1),
        title="Community Fund awards",
        summary="Awards made.",
        is_published=True,
    )
    board = BodyFactory(key="public-board", name="Public board", meetings_public=True)
    board.deliverables.add(constabulary_deliverable)
    MembershipFactory(body=board, person="The Chair", role=MembershipRole.CHAIR)
    PoliceMonthlyCrime.objects.create(
        force="a-force", month=dt.date(2023, 1, 1), crime_type="Burglary", count=12
    )
    PoliceMonthlyOutcome.objects.create(
        force="a-force", month=dt.date(2023, 1, 1), outcome_type="Suspect charged", count=4
    )
    PoliceMonthlyStopSearch.objects.create(
        force="a-force",
        month=dt.date(2023, 1, 1),
        object_of_search="Controlled drugs",
        outcome="Arrest",
        outcome_linked="True",
        count=3,
    )
    Consultation.objects.create(
        key="budget-survey",
        title="Budget survey",
        purpose=Consultation.Purpose.PRECEPT,
        opens_on=dt.date(2023, 1, 4),
        results="Most would pay more.",
        is_published=True,
    )
    return meeting


def make_report(plan, *, published, purpose):
    report = GeneratedReport(
        plan=plan,
        kind="panel",
        format="html",
        as_of=dt.date(2023, 3, 15),
        since=dt.date(2022, 9, 14),
        panel_name="Police and Crime Panel",
        meeting_date=dt.date(2023, 3, 15),
        report_of="Chief Executive",
        contact_officer="An Officer",
        purpose=purpose,
        recommendation="Note it.",
        terms_of_reference="1.1",
        is_published=published,
    )
    report.read_document("report.html", purpose.encode())
    report.file.save("report.html", ContentFile(purpose.encode()), save=True)
    return report


@pytest.fixture
def planted_secrets(db, public_record, constabulary_deliverable):
    """Everything here carries SECRET in its words: none of it may be on a public route."""
    draft_plan = PlanFactory(
        key="secret-plan", title=f"{SECRET} draft plan", status=PlanStatus.DRAFTING
    )
    draft_theme = ThemeFactory(plan=draft_plan, title=f"{SECRET} theme", aim=f"{SECRET} aim")
    DeliverableFactory(theme=draft_theme, title=f"{SECRET} deliverable of a draft plan")
    DeliverableFactory(
        theme=constabulary_deliverable.theme,
        title=f"{SECRET} unpublished deliverable",
        is_published=False,
    )
    UpdateFactory(
        deliverable=constabulary_deliverable,
        text=f"{SECRET} unpublished update",
        is_published=False,
        date=dt.date(2024, 1, 1),
    )
    Measure.objects.create(
        key="secret-measure", name=f"{SECRET} unpublished measure", unit="n", direction="lower"
    )
    meeting = public_record
    exempt = AgendaItem.objects.create(
        meeting=meeting,
        number=2,
        title="Exempt item",
        note=f"{SECRET} note",
        kind=AgendaItem.Kind.STANDARD,
        is_exempt=True,
        exempt_paragraph=3,
        first_page=9,
        last_page=12,
    )
    exempt.report_file.save("exempt.pdf", ContentFile(b"%PDF-1.4 secret"), save=True)
    AgendaItem.objects.filter(pk=exempt.pk).update(report_text=f"{SECRET} exempt paper's words")
    MinuteItem.objects.create(
        meeting=meeting,
        number=502,
        title=f"{SECRET} exempt minute",
        text=f"{SECRET} text",
        is_exempt=True,
    )
    unpublished_agenda = Meeting.objects.create(
        date=dt.date(2030, 1, 1), venue="Town Hall", status=Meeting.Status.SCHEDULED
    )
    AgendaItem.objects.create(meeting=unpublished_agenda, number=1, title=f"{SECRET} early item")
    unpublished_minutes = Meeting.objects.create(
        date=dt.date(2023, 6, 1), status=Meeting.Status.HELD, minutes_published=False
    )
    MinuteItem.objects.create(
        meeting=unpublished_minutes, number=503, title=f"{SECRET} draft minute"
    )
    Recommendation.objects.create(
        meeting=meeting,
        text="Review the estate.",
        made_on=meeting.date,
        response_due=dt.date(2023, 4, 15),
        response_text=f"{SECRET} draft response",
        response_date=dt.date(2023, 4, 2),
        response_published=False,
    )
    PublicSubmission.objects.create(
        meeting=meeting,
        kind="question",
        name=f"{SECRET} Resident",
        contact=f"{SECRET}@example.org",
        text=f"{SECRET} question",
        received_at=dt.datetime(2023, 3, 1, 9, 0, tzinfo=dt.UTC),
    )
    # The meetings engine (issue 11): a private body's meetings, and an unpublished body's, with
    # all that hangs off them, are on no public route.
    private = BodyFactory(key="delivery-group", kind=BodyKind.DELIVERY_GROUP, meetings_public=False)
    plant_meetings_of(private, f"{SECRET} private body's")
    plant_meetings_of(BodyFactory(is_published=False), f"{SECRET} unpublished body's")
    make_report(constabulary_deliverable.theme.plan, published=False, purpose=f"{SECRET} report")
    # Grants, decisions and bodies that are not public, or not all of them.
    fund = Fund.objects.get(key="community-fund")
    applicant = Organisation.objects.create(key="secret-applicant", name=f"{SECRET} applicant")
    Award.objects.create(
        reference="cf-002",
        fund=fund,
        recipient=applicant,
        purpose=f"{SECRET} unpublished award",
        is_published=False,
    )
    # Bids with their applicants' contact details: one awarded (the public award cf-001 was made
    # from it), one waiting and one declined. None of it is public (issue 10).
    for status, reasons in (("awarded", ""), ("submitted", ""), ("declined", "reasons")):
        bid = Application.objects.create(
            fund=fund,
            organisation=applicant,
            title=f"{SECRET} {status} bid",
            amount="900.00",
            contact_name=f"{SECRET} Applicant",
            contact_email=f"{SECRET}-applicant@example.org",
            contact_phone=f"{SECRET} 07700 900456",
            status=status,
            decision_reasons=f"{SECRET} {reasons}" if reasons else "",
        )
        if status == "awarded":
            Award.objects.filter(reference="cf-001").update(application=bid)
    Decision.objects.create(
        number="2023/002",
        decided_on=dt.date(2023, 2, 2),
        title=f"{SECRET} unpublished decision",
        summary=f"{SECRET} summary",
    )
    Decision.objects.create(
        number="2023/003",
        decided_on=dt.date(2023, 2, 3),
        title="Estates strategy",
        summary="Agreed.",
        exempt_part=f"{SECRET} exempt part",
        exemption_reason=f"{SECRET} reason",
        exemption_paragraph=f"{SECRET} paragraph 3",
        is_published=True,
    )
    BodyFactory(key="secret-body", name=f"{SECRET} unpublished body", is_published=False)
    private = BodyFactory(
        key="private-board",
        name="Private board",
        meetings_public=False,
        purpose=f"{SECRET} purpose",
        terms_of_reference=f"{SECRET} terms",
    )
    BodyPriority.objects.create(body=private, title="Reduce harm")
    private.deliverables.add(constabulary_deliverable)
    MembershipFactory(body=private, person=f"{SECRET} private chair", role=MembershipRole.CHAIR)
    # A member of a public body is named by organisation only, never as a person.
    MembershipFactory(
        body=Body.objects.get(key="public-board"), person=f"{SECRET} member", role="member"
    )
    make_report(draft_plan, published=True, purpose=f"{SECRET} report of a draft plan")
    # An annual report not yet published, whose Word file holds the secret.
    annual = AnnualReport(financial_year=2023, title="Annual report 2023/24", is_published=False)
    annual.read_document("annual.docx", a_docx(f"{SECRET} annual report's words"))
    annual.docx.save("annual.docx", ContentFile(b"stored"), save=True)
    Consultation.objects.create(
        key="secret-survey",
        title=f"{SECRET} draft survey",
        purpose=Consultation.Purpose.TOPIC,
        opens_on=dt.date(2023, 2, 1),
    )
    return Update.objects.get(text=f"{SECRET} unpublished update")
