"""The annual report (issue 13 item 5; PRSRA 2011 s.12): generated from the year's public
records as PDF and Word, linked to the Panel meeting it goes to and the Panel's
recommendations, published; nothing unpublished or exempt goes in."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from pcplan.delivery.models import Deliverable
from pcplan.panel.models import Meeting, Recommendation
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
    assert "Grants and engagement are not yet recorded" in text
    assert "Culture Statement" not in text_of(build_content(2021))


def test_an_editor_generates_pdf_and_word_and_publishes_them(
    client_for, editor, client, year_records
):
    staff = client_for(editor)
    page = staff.get(reverse("transparency:staff-annual-reports"))
    data = served_form(page.content.decode(), action="")
    data["financial_year"] = "2022"
    response = staff.post(reverse("transparency:staff-annual-reports"), data)
    report = AnnualReport.objects.get(financial_year=2022)
    assert response.status_code == 302
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
