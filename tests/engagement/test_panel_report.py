"""The Panel report "Approach to Communications and Engagement" is generated in the house
format from the records (seed 002 item 6), with no personal details in it."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from pcplan.core.publishing import set_published
from pcplan.engagement import report, surveys
from pcplan.engagement.models import CommsOutput, Event
from tests.engagement.conftest import PLANTED

pytestmark = pytest.mark.django_db

PERIOD = report.ReportRequest(start=dt.date(2022, 3, 1), end=dt.date(2023, 2, 28))


@pytest.fixture
def records(editor, consultation, concern):
    consultation.opens_on = dt.date(2022, 12, 21)
    consultation.results = "In total, 3 people responded."
    consultation.save()
    set_published(editor, consultation, True)
    csv = (
        "District,Issues\nCambridge,Bike theft\nCambridge,Bike theft; Drugs\nFenland,Rural crime\n"
    )
    surveys.apply(
        editor, consultation, "x.csv", csv.encode(), {"area": "District", "issues": "Issues"}
    )
    for n in range(4):
        CommsOutput.objects.create(
            date=dt.date(2022, 5, 1), kind=CommsOutput.Kind.PRESS_RELEASE, title=f"Release {n}"
        )
    table = Event.objects.create(
        title="Rural Crime Round Table",
        kind=Event.Kind.ROUND_TABLE,
        date=dt.date(2022, 11, 15),
        issues_raised="Hare coursing",
    )
    set_published(editor, table, True)
    Event.objects.create(
        title="District Day", kind=Event.Kind.DISTRICT_DAY, date=dt.date(2023, 1, 12)
    )


def test_the_report_states_the_figures_counted_from_the_records(records):
    html = report.report_html(PERIOD)
    assert "PUBLIC REPORT" in html.upper()
    assert "4 × Press release" in html
    assert "1 District Day" in html
    assert "3 responses" in html
    assert "1. Bike theft (2)" in html
    assert "Rural Crime Round Table" in html
    assert "CAMBRIDGESHIRE POLICE AND CRIME PANEL" in html


def test_the_report_pdf_is_made_and_holds_no_personal_details(records):
    pdf = report.report_pdf(PERIOD)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    words = " ".join(text.split())  # however the title wraps
    assert "APPROACH TO COMMUNICATIONS AND ENGAGEMENT" in words
    assert "4 × Press release" in text
    for value in PLANTED:
        assert value not in text


def test_only_editors_download_the_report(client_for, editor, contributor, records):
    assert (
        client_for(contributor).get("/staff/engagement/output/panel-report.pdf").status_code == 403
    )
    response = client_for(editor).get("/staff/engagement/output/panel-report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
