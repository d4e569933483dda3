"""The demo holds the Panel of seed 002."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.core.models import User
from pcplan.panel.deadlines import LONDON
from pcplan.panel.models import (
    AgendaItem,
    Attendance,
    ForwardPlanItem,
    Meeting,
    MinuteItem,
    PanelMember,
    Precept,
    Recommendation,
    members_on,
)
from pcplan.reports.meeting_reports import ANNUAL_REPORT, COMMISSIONING_AND_GRANTS
from tests.demo_snapshot import load_demo_database


@pytest.fixture
def demo(db):
    load_demo_database()


def test_the_membership_of_seed_002(demo):
    members = members_on(dt.date(2023, 2, 1))
    assert members.count() == 13
    assert PanelMember.objects.get(office="chair").name == "Edward Leigh"
    assert PanelMember.objects.get(office="vice-chair").name == "Claire George"
    assert PanelMember.objects.filter(kind="substitute").count() == 9


def test_the_1_february_2023_minutes_run_40_to_46(demo):
    meeting = Meeting.objects.get(date=dt.date(2023, 2, 1))
    assert list(meeting.minute_items.values_list("number", flat=True)) == list(range(40, 47))
    precept_minute = MinuteItem.objects.get(number=45)
    assert precept_minute.questions.count() == 24
    assert "unanimously AGREED to NOT exercise its veto power" in precept_minute.resolution_text
    apologies = meeting.attendances.filter(status=Attendance.Status.APOLOGIES)
    assert sorted(a.member.name for a in apologies) == [
        "Councillor A Gilderdale",
        "Councillor S Tierney",
    ]
    assert meeting.attendances.filter(status=Attendance.Status.PRESENT).count() == 11


def test_the_precept_decision_and_response_letter(demo):
    the_precept = Precept.objects.get(financial_year_start=2023)
    assert the_precept.notified_on == dt.date(2023, 1, 23)
    assert the_precept.report_date == dt.date(2023, 2, 2)
    assert the_precept.response_date == dt.date(2023, 2, 3)
    assert the_precept.outcome == Precept.Outcome.NO_VETO and the_precept.unanimous
    assert the_precept.members_at_decision == 13
    assert the_precept.response_text.startswith("Dear Edward")


def test_the_social_care_recommendation_is_open_for_the_march_review(demo):
    rec = Recommendation.objects.get()
    assert "adult and children's social care" in rec.text
    march = Meeting.objects.get(date=dt.date(2023, 3, 15))
    from pcplan.panel.review import open_recommendations

    assert list(open_recommendations(march)) == [rec]


def test_the_15_march_2023_agenda_and_its_question_deadline(demo, client):
    march = Meeting.objects.get(date=dt.date(2023, 3, 15))
    items = {i.number: i for i in march.agenda_items.all()}
    assert sorted(items) == list(range(1, 11))
    assert items[3].page_range == "3 - 10"
    assert items[8].title == "Trust in Policing - Culture Statement"
    assert items[10].page_range == "79 - 80"
    assert items[3].kind == AgendaItem.Kind.PREVIOUS_MINUTES
    assert march.question_deadline == dt.datetime(2023, 3, 10, 12, tzinfo=LONDON)
    page = client.get(reverse("panel:meeting", args=[march.pk])).content.decode()
    assert "Trust in Policing - Culture Statement" in page


def test_the_forward_plan_runs_to_march_2024(demo, client):
    planned = ForwardPlanItem.objects.select_related("meeting", "requested_at")
    assert max(p.meeting.date for p in planned) == dt.date(2024, 3, 13)
    titles = {p.title for p in planned}
    assert "If needed (Veto)" in titles
    assert "Precept Report 2024/2025 (full meeting – given importance)" in titles
    assert any(p.requested_at and p.requested_at.date == dt.date(2023, 2, 1) for p in planned)
    # The demo's year has passed: the public forward plan lists coming meetings only.
    page = client.get(reverse("panel:forward-plan")).content.decode()
    assert "13 March 2024" not in page


def test_the_29_november_2023_commissioning_and_grants_item_is_for_the_grants_report(demo, client):
    item = ForwardPlanItem.objects.get(title="Commissioning and Grants")
    assert item.meeting.date == dt.date(2023, 11, 29)
    assert item.report == COMMISSIONING_AND_GRANTS
    annual = ForwardPlanItem.objects.get(title="Police and Crime Commissioner’s Annual Report")
    assert annual.report == ANNUAL_REPORT
    assert ForwardPlanItem.objects.exclude(report="").count() == 2
    client.force_login(User.objects.get(username="editor"))
    page = client.get(reverse("grants:home")).content.decode()
    assert "Commissioning and Grants, 29 November 2023" in page
    client.force_login(User.objects.get(username="admin"))
    page = client.get(reverse("panel:staff-meeting", args=[item.meeting_id])).content.decode()
    assert "Generate the “Commissioning and Grants” report" in page


def test_the_demo_has_a_secretariat_login(demo):
    assert User.objects.get(username="secretariat").role == User.Role.PANEL_SECRETARIAT


def test_the_plan_progress_report_covers_the_delivery_plan(demo, client):
    march = Meeting.objects.get(date=dt.date(2023, 3, 15))
    item = march.agenda_items.get(number=9)
    assert item.deliverables.count() == 43
    page = client.get(reverse("panel:meeting", args=[march.pk])).content.decode()
    assert "Deliverables this report covers" in page
