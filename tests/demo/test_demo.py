"""The demo holds the 2021-24 plan exactly as seed 002 agenda item 9 (15 March 2023) reports it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Sum

from pcplan.core.models import (
    CommunitySafetyPartnership,
    District,
    Force,
    Office,
    Organisation,
    User,
)
from pcplan.delivery.models import Deliverable
from pcplan.engagement.models import Concern, Event, SurveyResponse
from pcplan.panel.models import MinuteItem
from pcplan.performance.models import PoliceMonthlyCrime, PoliceMonthlyStopSearch
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Plan
from tests.demo_snapshot import load_demo_database

PREVIOUS_REPORT = dt.date(2022, 9, 14)  # the Panel meeting of seed 004
THIS_REPORT = dt.date(2023, 3, 15)  # seed 002, agenda item 9
SEED_002 = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "002_902911748c536cd0.txt"

# Copied by hand from seed 002 agenda item 9 section 5: theme -> heading -> deliverables.
EXPECTED = {
    "Putting Communities First": {
        "completed": [
            "Recruitment of a Communities Policy Officer",
            "Improving Community Engagement - GovDelivery",
            "Problem solving local issues of concern",
        ],
        "current": [
            "Scope out Visibility/Accessibility Assessment Framework",
            "Community Payback",
            "Improving Community Engagement",
            "Business Engagement",
        ],
        "new": [
            "Respond to the Review into the role of Police and Crime Commissioner",
            "Respond to Governments Review of Anti-Social Behaviour",
        ],
    },
    "Crime Prevention": {
        "completed": [
            "Youth listening project",
            "Serious Violence Duty & Funding",
            "Constabulary prevention strategy",
        ],
        "current": [
            "Fraud and Cyber Crime Awareness Campaigns",
            "Police Race Action Plan",
            "Drug strategy implementation",
            "Review of community remedy framework and role in Community Trigger",
            "Serious Violence Strategy",
        ],
        "new": [],
    },
    "Supporting Victims and Witnesses": {
        "completed": [
            "Domestic Abuse Perpetrator Think Tank",
            "Review Victim Services Outcome Monitoring Guide",
        ],
        "current": [
            "Refresh of Domestic Abuse/Sexual Violence Partnership Strategy",
            "Review of provision for victims of crime requiring mental health support",
            "Remodelling provision of elements of domestic abuse support services in partnership "
            "with Local Authority",
            "Review of Victim and Witness Hub",
            "Support delivery and monitoring of innovative domestic abuse perpetrator programmes",
            "Facilitating joined up working with criminal justice colleagues",
            "Implement the new Ministry of Justice Funding Strategy",
            "Review the support provided to victims of fraud",
            "Victims Provider Forum",
            "Review Major Incident Support Framework",
            "Support for Hourglass",
        ],
        "new": [
            "Child and Adolescent to Parent Violence and Abuse",
            "Explore the potential for support for victims of serious violence",
        ],
    },
    "Ethical Policing": {
        "completed": ["Cambridgeshire Constabulary Culture Statement"],
        "current": [
            "Independent Ethics Board",
            "Review Independent Custody Visitor",
            "Annual Review Scrutiny Panels (Stop & Search and Use of Force)",
            "Develop plans for the ethical use of biometrics in law enforcement "
            "(as APCC national lead)",
            "Independent Custody Visitor Arrangements - Recruit additional Independent Custody "
            "Visitors (ICVs)",
            "Annual Sustainability Report 2022/23",
            "Promoting Access to the Complaints System",
        ],
        "new": ["Produce and publish an Integrity Assurance Annual Report 2022/23"],
    },
    "Robust Enforcement": {
        "completed": [],
        "current": [
            "Ensure Constabulary progress in cutting crime and delivery against the National "
            "Crime & Policing Measures"
        ],
        "new": ["Strategic Policing Requirement 2023"],
    },
}


@pytest.fixture
def demo(db):
    load_demo_database()
    return Plan.objects.get(key="cambs-2021-24")


def heading(d: Deliverable) -> str:
    if d.is_completed_since(PREVIOUS_REPORT, THIS_REPORT):
        return "completed"
    if d.is_new_since(PREVIOUS_REPORT, THIS_REPORT):
        return "new"
    return "current"


def test_the_demo_holds_the_five_themes_in_order_with_their_aims(demo):
    themes = list(demo.themes.all())
    assert [t.title for t in themes] == list(EXPECTED)
    assert themes[1].aim.startswith("We will work in partnership to understand and tackle the root")


def test_the_demo_contains_every_deliverable_heading_of_seed_002_item_9(demo):
    for theme in demo.themes.all():
        found: dict[str, list[str]] = {"completed": [], "current": [], "new": []}
        for d in theme.deliverables.order_by("id"):
            found[heading(d)].append(d.title)
        for name, titles in EXPECTED[theme.title].items():
            assert len(found[name]) == len(titles), f"{theme.title}: {name}: {found[name]}"
            for title, expected in zip(found[name], titles, strict=True):
                # The DA/SV strategy's title runs on in plain text in the seed.
                assert title.startswith(expected), f"{theme.title}: {name}"
    assert Deliverable.objects.for_plan(demo).count() == 43


def test_every_demo_deliverable_has_its_published_update_text(demo):
    for d in Deliverable.objects.for_plan(demo):
        update = d.latest_update(published_only=True)
        assert update is not None and update.text, d.title
        assert update.date <= THIS_REPORT


def test_statuses_leads_and_targets_stated_in_the_seed(demo):
    by_title = {d.title: d for d in Deliverable.objects.for_plan(demo)}
    hub = by_title["Review of Victim and Witness Hub"]
    assert hub.status == "rescheduled"
    assert (
        str(hub.target) == "Q1/Q2 2023/24"
    )  # "Rescheduled to progress deliverable in Q1/Q2, 2023/24"
    assert by_title["Review Major Incident Support Framework"].status == "on-hold"
    assert by_title["Police Race Action Plan"].lead.key == "opcc"  # "OPCC to lead a refresh"
    assert str(by_title["Police Race Action Plan"].target) == "Q3/Q4 2022/23"
    assert (
        by_title["Cambridgeshire Constabulary Culture Statement"].lead.key
        == "cambridgeshire-constabulary"
    )
    assert str(by_title["Annual Sustainability Report 2022/23"].target) == "Q1 2023/24"


def test_the_lifecycle_dates_come_from_the_seeds(demo):
    steps = {c.status: c.date for c in demo.status_changes.all()}
    assert steps[PlanStatus.BOARD_APPROVED] == dt.date(2021, 10, 12)  # seed 000
    assert steps[PlanStatus.PANEL_REPORT_RECEIVED] == dt.date(2021, 11, 15)  # seed 000 §6.1
    assert steps[PlanStatus.ISSUED] == dt.date(2021, 11, 29)  # seed 002 item 9 §4.1
    assert demo.status == PlanStatus.ISSUED
    assert demo.issue_deadline == dt.date(2022, 3, 31)  # seed 000 §3.1


def test_the_organisations_of_seed_004_are_there(demo):
    csps = Organisation.objects.filter(kind=Organisation.Kind.CSP).values_list("name", flat=True)
    assert sorted(csps) == [
        "Cambridge City Community Safety Partnership",
        "East Cambridgeshire Community Safety Partnership",
        "Fenland Community Safety Partnership",
        "Huntingdonshire Community Safety Partnership",
        "Safer Peterborough Partnership",
        "South Cambridgeshire Community Safety Partnership",
    ]
    for key in ["opcc", "cambridgeshire-constabulary", "probation-service", "home-office"]:
        assert Organisation.objects.filter(key=key).exists()


def test_the_earlier_plan_is_there_and_superseded(demo):
    earlier = Plan.objects.get(key="cambs-2017-20")
    assert earlier.status == PlanStatus.SUPERSEDED
    assert [t.title for t in earlier.themes.all()] == [
        "Victims",
        "Offenders",
        "Communities",
        "Transformation",
    ]
    assert earlier.themes.get(title="Victims").priorities.count() == 9


def _everything_the_demo_loads() -> dict[str, object]:
    return {
        "deliverables": Deliverable.objects.count(),
        "deliverable history": Deliverable.history.count(),
        "users": User.objects.count(),
        "office history": [
            m.history.count() for m in (Office, Force, CommunitySafetyPartnership, District)
        ],
        "minute items": MinuteItem.objects.count(),
        "survey responses": SurveyResponse.objects.count(),
        "events": Event.objects.count(),
        "concerns": Concern.objects.count(),
        "crimes": PoliceMonthlyCrime.objects.aggregate(n=Sum("count"))["n"],
        "stops and searches": PoliceMonthlyStopSearch.objects.aggregate(n=Sum("count"))["n"],
    }


def test_loading_the_demo_twice_changes_nothing_and_keeps_the_logins(demo):
    """Plans, the office profile and its history, the Panel, engagement and the police data:
    a second `pcplan demo` adds and changes nothing (one real second load for them all, as a
    demo load is the slowest step of the suite)."""
    before = _everything_the_demo_loads()
    assert before["crimes"] == 83_021
    assert before["minute items"] == 8  # the Panel's 40-46 and the Board's minute 1
    call_command("demo", "--no-serve", verbosity=0)
    assert _everything_the_demo_loads() == before
    assert (
        User.objects.get(username="constabulary").organisation.key == "cambridgeshire-constabulary"
    )


@pytest.mark.skipif(not SEED_002.exists(), reason="../shared/seeds is not beside this checkout")
def test_each_expected_title_is_in_the_seed_itself():
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", SEED_002.read_text(encoding="utf-8")))
    for headings in EXPECTED.values():
        for titles in headings.values():
            for title in titles:
                assert title.replace("&", "&amp;") in text or title in text, title


def test_hourglass_has_the_16_tasks_of_seed_002_twelve_of_them_done(demo):
    """Seed 002 item 9 §5.3: "Twelve of the 16 tasks completed." (issue 18 item 7)."""
    hourglass = Deliverable.objects.get(key="support-for-hourglass")
    assert hourglass.tasks.count() == 16
    assert hourglass.tasks.filter(done=True).count() == 12
