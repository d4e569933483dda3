"""The annual report (issue 13 item 5; PRSRA 2011 s.12): generated from the year's public
records as PDF and Word, linked to the Panel meeting it goes to and the Panel's
recommendations, published; nothing unpublished or exempt goes in."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from pcplan.core.models import BackgroundJob
from pcplan.delivery.models import Deliverable
from pcplan.engagement.models import Consultation, Event
from pcplan.engagement.models import Finding as EngagementFinding
from pcplan.grants.models import Award, Fund
from pcplan.panel.models import AgendaItem, Meeting, Recommendation
from pcplan.plans.lifecycle import PlanStatus
from pcplan.transparency.annual_report import build_content, generate_annual_report
from pcplan.transparency.models import AnnualReport
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory
from tests.htmlforms import served_form
from tests.transparency.conftest import SECRET

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def year_records(published_decision, draft_decision):
    plan = PlanFactory(key="p", title="Plan", status=PlanStatus.ISSUED)
    theme = ThemeFactory(plan=plan, key="ethical", title="Ethical Policing")
    DeliverableFactory(
        theme=theme,
        title="Culture Statement",
        status="completed",
        completed_on=dt.date(2023, 2, 23),
        is_published=True,
    )
    DeliverableFactory(
        theme=theme,
        title="UNPUBLISHED deliverable",
        status="completed",
        completed_on=dt.date(2023, 1, 10),
        is_published=False,
    )


def text_of(content):
    return "\n".join(
        [s.heading for s in content.sections]
        + [p for s in content.sections for p in s.paragraphs]
        + [i for s in content.sections for i in s.items]
    )


def test_the_content_comes_from_the_years_public_records_only(year_records):
    text = text_of(build_content(2022))
    assert "Ethical Policing: Culture Statement" in text
    assert "Disposal of the old police station" in text  # decided 3 February 2023
    assert "UNPUBLISHED" not in text and "DRAFT-DECISION" not in text
    assert SECRET not in text and "SECRET" not in text
    assert "Culture Statement" not in text_of(build_content(2021))


@pytest.fixture
def grants_and_engagement(csp):
    fund = Fund.objects.create(key="scf", name="Safer Communities Fund")
    other = Fund.objects.create(key="yf", name="Youth Fund")

    def award(ref, fund, amount, day, published=True):
        return Award.objects.create(
            reference=ref,
            fund=fund,
            recipient=csp,
            purpose="Street lighting for youth events",
            amount=None if amount is None else Decimal(amount),
            decision_date=day,
            is_published=published,
        )

    award("scf-1", fund, "5000.00", dt.date(2022, 6, 1))
    award("scf-2", fund, "2500.50", dt.date(2023, 3, 31))
    award("yf-1", other, None, dt.date(2022, 9, 1))
    award("SECRET-UNPUBLISHED", fund, "99999.00", dt.date(2022, 7, 1), published=False)
    award("scf-old", fund, "1000.00", dt.date(2022, 3, 31))  # the year before
    survey = Consultation.objects.create(
        key="precept-2023",
        title="Precept survey 2023/24",
        purpose=Consultation.Purpose.PRECEPT,
        opens_on=dt.date(2022, 12, 21),
        closes_on=dt.date(2023, 1, 20),
        is_published=True,
    )
    Consultation.objects.create(
        key="draft",
        title="SECRET-UNPUBLISHED survey",
        purpose=Consultation.Purpose.TOPIC,
        opens_on=dt.date(2022, 10, 1),
    )
    for n in range(2):
        Event.objects.create(
            title=f"District Day {n}",
            kind=Event.Kind.DISTRICT_DAY,
            date=dt.date(2023, 1, 10 + n),
            is_published=True,
        )
    Event.objects.create(
        title="SECRET event", kind=Event.Kind.ROUND_TABLE, date=dt.date(2023, 1, 5)
    )
    EngagementFinding.objects.create(
        consultation=survey, you_said="Visible policing", we_did="More patrols", is_published=True
    )


def test_the_grants_and_engagement_sections_come_from_their_public_records(
    grants_and_engagement,
):
    content = build_content(2022)
    grants = next(s for s in content.sections if s.heading == "Grants")
    assert grants.paragraphs == [
        "3 grants were awarded in the year, totalling £7,500.50 (Specified Information Order, "
        "Schedule para 3(f); the grants register lists each)."
    ]
    assert grants.items == [
        "Safer Communities Fund: 2 awards, £7,500.50",
        "Youth Fund: 1 award, £0.00 (1 award without a recorded amount)",
    ]
    engagement = next(s for s in content.sections if s.heading == "Engagement")
    assert "Precept survey 2023/24, 21 December 2022 to 20 January 2023" in engagement.items
    assert "District Day: 2 events" in engagement.items
    assert (
        "1 issue the public raised has a published answer (You said, we did)."
        in engagement.paragraphs
    )
    assert "SECRET" not in text_of(content)


def test_a_year_without_grants_or_engagement_says_so(db):
    text = text_of(build_content(2019))
    assert "No published grant award was made in the year." in text
    assert "No published consultation or survey opened in the year." in text


@pytest.mark.django_db(transaction=True)  # the worker builds it in its own transaction
def test_an_editor_generates_pdf_and_word_and_publishes_them(
    client_for, editor, client, year_records
):
    staff = client_for(editor)
    page = staff.get(reverse("transparency:staff-annual-reports"))
    data = served_form(page.content.decode(), action="")
    data["financial_year"] = "2022"
    response = staff.post(reverse("transparency:staff-annual-reports"), data)
    # The worker builds it (issue 15); the job's page links to the report.
    job = BackgroundJob.objects.get()
    assert response["Location"] == reverse("core:job", args=[job.pk])
    assert not AnnualReport.objects.exists()
    call_command("worker", "--batch", "--no-startup-delay", "--interval=0", stdout=io.StringIO())
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE, job.problems
    report = AnnualReport.objects.get(financial_year=2022)
    assert job.next_url == reverse("transparency:staff-annual-report", args=[report.pk])
    assert "Open the annual report" in staff.get(response["Location"]).content.decode()
    report.refresh_from_db()
    assert report.title == "Annual Report 2022/23" and not report.is_published
    pdf = PdfReader(io.BytesIO(report.pdf.read()))
    assert pdf.metadata.title == "Annual Report 2022/23"
    assert "Culture Statement" in "".join(p.extract_text() for p in pdf.pages)
    word = Document(io.BytesIO(report.docx.read()))
    assert any("Culture Statement" in p.text for p in word.paragraphs)
    file_url = reverse("transparency:annual-report-file", args=[report.pk, "pdf"])
    staff.logout()
    assert client.get(file_url).status_code == 404
    assert (
        "Annual Report 2022/23"
        not in client.get(reverse("transparency:annual-reports")).content.decode()
    )
    staff = client_for(editor)
    staff.post(reverse("transparency:annual-report-publish", args=[report.pk]), {"publish": "yes"})
    staff.logout()
    assert client.get(file_url).status_code == 200
    assert (
        "Annual Report 2022/23"
        in client.get(reverse("transparency:annual-reports")).content.decode()
    )


def test_the_report_is_linked_to_its_panel_meeting_and_the_panels_recommendations(
    client_for, editor
):
    report = generate_annual_report(editor, 2022)
    meeting = Meeting.objects.create(date=dt.date(2023, 7, 19), venue="Town Hall")
    recommendation = Recommendation.objects.create(
        meeting=meeting,
        text="Report back on victim satisfaction.",
        made_on=dt.date(2023, 7, 19),
        response_due=dt.date(2023, 9, 19),
    )
    staff = client_for(editor)
    url = reverse("transparency:staff-annual-report", args=[report.pk])
    data = served_form(staff.get(url).content.decode(), action="")
    data.update({"presented_to": str(meeting.pk), "recommendations": [str(recommendation.pk)]})
    response = staff.post(url, data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.presented_to == meeting
    assert list(report.recommendations.all()) == [recommendation]
    assert report.due == dt.date(2023, 7, 31)


def present(staff, report, **fields):
    url = reverse("transparency:staff-annual-report", args=[report.pk])
    data = served_form(staff.get(url).content.decode(), action="")
    data.update({k: str(v) for k, v in fields.items()})
    return staff.post(url, data)


def test_the_report_goes_on_the_agenda_and_its_published_pdf_is_the_items_paper(
    client_for, editor, client
):
    report = generate_annual_report(editor, 2022)
    meeting = Meeting.objects.create(
        date=dt.date(2023, 7, 19), status=Meeting.Status.AGENDA_PUBLISHED
    )
    AgendaItem.objects.create(meeting=meeting, number=1, title="Apologies")
    staff = client_for(editor)
    assert present(staff, report, presented_to=meeting.pk).status_code == 302
    present(staff, report, presented_to=meeting.pk)  # saved again: still one item
    item = meeting.agenda_items.get(number=2)
    assert item.title == "Annual Report 2022/23"
    assert meeting.agenda_items.count() == 2
    report.refresh_from_db()
    assert report.agenda_item == item
    paper = reverse("panel:agenda-item-report", args=[meeting.pk, 2])
    assert client.get(paper).status_code == 404  # unpublished: no paper on the agenda
    staff.post(reverse("transparency:annual-report-publish", args=[report.pk]), {"publish": "yes"})
    response = client.get(paper)
    assert response.status_code == 200
    assert "Annual Report 2022/23" in PdfReader(io.BytesIO(response.content)).metadata.title
    assert paper in client.get(reverse("panel:meeting", args=[meeting.pk])).content.decode()
    staff.post(reverse("transparency:annual-report-publish", args=[report.pk]), {"publish": "no"})
    assert client.get(paper).status_code == 404
    assert item.history.first().history_user == editor


def test_a_held_meetings_agenda_is_not_changed_the_item_is_chosen(client_for, editor):
    report = generate_annual_report(editor, 2022)
    meeting = Meeting.objects.create(date=dt.date(2023, 7, 19), status=Meeting.Status.HELD)
    item = AgendaItem.objects.create(meeting=meeting, number=7, title="Annual Report 2022/23")
    staff = client_for(editor)
    response = present(staff, report, presented_to=meeting.pk)
    assert response.status_code == 400
    assert "choose the agenda item" in response.content.decode()
    assert meeting.agenda_items.count() == 1
    assert present(staff, report, agenda_item=item.pk).status_code == 302
    report.refresh_from_db()
    assert (report.agenda_item, report.presented_to) == (item, meeting)


def test_only_the_office_generates_annual_reports(client_for, panel_member):
    client = client_for(panel_member)
    assert client.get(reverse("transparency:staff-annual-reports")).status_code == 403
    assert (
        client.post(
            reverse("transparency:staff-annual-reports"), {"financial_year": "2022"}
        ).status_code
        == 403
    )
    assert not AnnualReport.objects.exists()
    assert not Deliverable.objects.exists()
