"""One statutory calendar (issue 13 item 7): a staff page and an iCalendar feed of every
deadline pcplan computes, read back with the `icalendar` package."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from pcplan.engagement.models import Consultation
from pcplan.panel.deadlines import question_deadline
from pcplan.panel.models import Meeting
from pcplan.partnerships.models import BodyKind, Scrutiny
from pcplan.partnerships.rules import scrutiny_due_by
from pcplan.plans.lifecycle import PlanStatus
from pcplan.transparency.deadlines import hmicfrs_comments_due, plan_issue_by
from pcplan.transparency.models import Inspection
from tests.factories import BodyFactory, PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def records(today):
    plan = PlanFactory(
        key="next-plan",
        title="SECRET-DRAFT Police and Crime Plan",
        status=PlanStatus.DRAFTING,
        elected_on=today - dt.timedelta(days=30),
    )
    inspection = Inspection.objects.create(
        title="PEEL 2023-25: an inspection of the force",
        kind=Inspection.Kind.PEEL,
        published_on=today - dt.timedelta(days=10),
    )
    answered = Inspection.objects.create(
        title="ANSWERED thematic report",
        kind=Inspection.Kind.THEMATIC,
        published_on=today - dt.timedelta(days=20),
        comments_published_on=today - dt.timedelta(days=1),
    )
    meeting = Meeting.objects.create(date=today + dt.timedelta(days=20), venue="Town Hall")
    return plan, inspection, answered, meeting


def feed_events(client):
    response = client.get(reverse("transparency:calendar-ics"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    return {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT")}


def test_the_staff_page_lists_every_kind_of_deadline(client_for, editor, records, today):
    plan, inspection, answered, meeting = records
    html = client_for(editor).get(reverse("transparency:staff-calendar")).content.decode()
    assert "Issue the SECRET-DRAFT Police and Crime Plan" in html
    assert "Publish comments on the HMICFRS report: PEEL 2023-25" in html
    assert "Police Act 1996 s.55(5A)" in html
    assert "ANSWERED" not in html
    assert "Public questions for the Panel meeting" in html
    assert "Notify the Panel of the proposed precept" in html
    assert "Monthly specified information" in html


def test_the_staff_page_needs_a_sign_in(client, records):
    response = client.get(reverse("transparency:staff-calendar"))
    assert response.status_code == 302


def test_the_feed_reads_back_with_each_rules_date(client, records, today):
    plan, inspection, answered, meeting = records
    events = feed_events(client)
    assert events[f"hmicfrs-comments-{inspection.pk}"].decoded("dtstart") == (
        hmicfrs_comments_due(inspection.published_on)
    )
    assert events[f"plan-issue-{plan.pk}"].decoded("dtstart") == plan_issue_by(plan.elected_on)
    question = events[f"panel-questions-{meeting.pk}"].decoded("dtstart")
    assert question == question_deadline(meeting.date)
    assert f"hmicfrs-comments-{answered.pk}" not in events
    fy = today.year if today.month >= 4 else today.year - 1
    assert events[f"precept-proposal-{fy + 1}"].decoded("dtstart") == dt.date(fy + 1, 2, 1)


def test_the_public_feed_does_not_name_a_plan_not_yet_public(client, records):
    plan = records[0]
    response = client.get(reverse("transparency:calendar-ics"))
    assert b"SECRET" not in response.content
    event = feed_events(client)[f"plan-issue-{plan.pk}"]
    assert str(event["summary"]) == "Issue the police and crime plan"


@pytest.fixture
def consultations(today):
    open_one = Consultation.objects.create(
        key="plan-survey",
        title="Police and Crime Plan survey",
        purpose=Consultation.Purpose.PLAN,
        opens_on=today - dt.timedelta(days=5),
        closes_on=today + dt.timedelta(days=25),
        is_published=True,
    )
    draft = Consultation.objects.create(
        key="draft-survey",
        title="SECRET-UNPUBLISHED precept survey",
        purpose=Consultation.Purpose.PRECEPT,
        opens_on=today + dt.timedelta(days=40),
        closes_on=today + dt.timedelta(days=70),
    )
    return open_one, draft


@pytest.fixture
def csps(today):
    scrutinised = BodyFactory(name="City Community Safety Partnership", kind=BodyKind.CSP)
    Scrutiny.objects.create(
        body=scrutinised, committee="Overview and Scrutiny", held_on=today - dt.timedelta(days=300)
    )
    Scrutiny.objects.create(
        body=scrutinised, committee="Overview and Scrutiny", held_on=today - dt.timedelta(days=700)
    )
    hidden = BodyFactory(name="SECRET-UNPUBLISHED CSP", kind=BodyKind.CSP, is_published=False)
    Scrutiny.objects.create(
        body=hidden, committee="Scrutiny", held_on=today - dt.timedelta(days=200)
    )
    never = BodyFactory(name="Never scrutinised CSP", kind=BodyKind.CSP)
    return scrutinised, hidden, never


def test_engagement_consultations_open_and_close_on_the_calendar(
    client_for, editor, consultations, today
):
    open_one, draft = consultations
    html = client_for(editor).get(reverse("transparency:staff-calendar")).content.decode()
    assert "Consultation closes: Police and Crime Plan survey" in html
    assert "Consultation opens: SECRET-UNPUBLISHED precept survey" in html  # staff see drafts
    assert "Police Act 1996 s.96" in html


def test_the_public_feed_has_published_consultations_only(client, consultations, today):
    open_one, draft = consultations
    events = feed_events(client)
    closes = events[f"consultation-closes-{open_one.pk}"]
    assert closes.decoded("dtstart") == today + dt.timedelta(days=25)
    assert f"consultation-opens-{draft.pk}" not in events
    assert b"SECRET" not in client.get(reverse("transparency:calendar-ics")).content


def test_each_csps_next_scrutiny_is_a_year_after_its_last(client, csps, today):
    scrutinised, hidden, never = csps
    events = feed_events(client)
    event = events[f"csp-scrutiny-{scrutinised.pk}"]
    assert event.decoded("dtstart") == scrutiny_due_by(today - dt.timedelta(days=300))
    assert "SI 2009/942" in str(event["description"])
    assert f"csp-scrutiny-{hidden.pk}" not in events  # unpublished: staff page only
    assert f"csp-scrutiny-{never.pk}" not in events  # no scrutiny on record: no date


def test_the_staff_page_shows_an_unpublished_csps_scrutiny(client_for, editor, csps):
    html = client_for(editor).get(reverse("transparency:staff-calendar")).content.decode()
    assert "Crime and disorder committee scrutiny of SECRET-UNPUBLISHED CSP" in html
