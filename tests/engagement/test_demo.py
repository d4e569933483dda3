"""The engagement demo holds the seeds' consultations, events and output, loaded through the
same importer as an officer's upload, with the totals the seeds state."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.engagement.models import Concern, Consultation, Event
from pcplan.engagement.summary import output_figures, survey_results
from tests.demo_snapshot import load_demo_database

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    load_demo_database()


def test_the_surveys_hold_the_responses_the_seeds_state(demo):
    counts = {c.key: c.responses.count() for c in Consultation.objects.all()}
    assert counts["precept-survey-2023-24"] == 640  # seed 002 item 6 §6.2
    assert counts["youth-listening-project"] == 1574  # seed 002 item 6 §8.2
    assert Consultation.objects.get(key="plan-survey-2021").opens_on == dt.date(2021, 6, 30)


def test_bike_theft_tops_cambridge_and_visibility_leads_elsewhere_in_the_2021_survey(demo):
    results = survey_results(Consultation.objects.get(key="plan-survey-2021"))
    cambridge = next(
        issues for area, issues in results.top_issues.items() if "Cambridge City" in area
    )
    assert cambridge[0][0] == "Bike theft"  # seed 004 §7.4
    fenland = next(issues for area, issues in results.top_issues.items() if "Fenland" in area)
    assert fenland[0][0] == "Police visibility"  # seed 000 §4.4
    assert all(len(issues) == 5 for issues in results.top_issues.values())


def test_the_output_of_march_2022_to_february_2023_is_counted_from_records(demo):
    figures = output_figures(dt.date(2022, 3, 1), dt.date(2023, 2, 28))
    assert dict(figures.by_kind) == {
        "Press release": 40,
        "Social media post": 472,
        "Response or statement": 116,
    }
    assert figures.events == 50
    assert figures.district_days == 5  # seed 002 item 6 §5.4


def test_the_public_sees_you_said_we_did_and_no_demo_personal_details(demo, client):
    body = client.get(reverse("engagement:you-said-we-did")).content.decode()
    assert "60% drop in cycle thefts" in body
    concerns = client.get(reverse("engagement:public-concerns")).content.decode()
    for concern in Concern.objects.exclude(raiser_name=""):
        assert concern.raiser_name not in concerns
        assert concern.raiser_name not in body


def test_the_communications_objectives_of_each_theme_are_in_the_report(demo):
    from pcplan.engagement import report
    from pcplan.engagement.models import CommsObjective

    assert CommsObjective.objects.count() == 12  # seed 002 item 6 §11
    html = report.report_html(report.ReportRequest(dt.date(2022, 3, 1), dt.date(2023, 2, 28)))
    assert "10. STRATEGIC OBJECTIVES" in html
    assert "40 × Press release" in html
    assert "5 District Days" in html


def test_the_rural_crime_round_table_names_its_partners_as_organisations(demo, client):
    rural = Event.objects.get(title="Rural Crime Round Table")
    # Seed 002 item 6 §5.1: held by the office with the Constabulary's Rural Crime Action
    # Team, the National Farmers Union and Cambridgeshire Countryside Watch.
    assert {o.key for o in rural.organisations.all()} == {
        "opcc",
        "cambridgeshire-constabulary",
        "national-farmers-union",
        "cambridgeshire-countryside-watch",
    }
    assert "National Farmers Union" not in rural.attended_by  # no longer free text
    leaders = Event.objects.get(title="Round table with minority ethnic community leaders")
    assert [o.key for o in leaders.organisations.all()] == ["opcc"]
    assert "community leaders" in leaders.attended_by  # people, kept staff-only
    body = client.get(reverse("engagement:public-home")).content.decode()
    assert "Cambridgeshire Countryside Watch" in body
    assert "community leaders representing" not in body
