"""Who is expected at a meeting (issue 11): one function, `expected_at`. The Panel expects
its members and substitutes on the day; every other body the seats held on the meeting's date
(`Membership` over time), and its minutes name those present as the seats' public labels."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pcplan.panel import services
from pcplan.panel.models import Attendance, Expected, Meeting, PanelMember, expected_at
from pcplan.partnerships.models import MembershipRole
from tests.factories import BodyFactory, MembershipFactory

pytestmark = pytest.mark.django_db

DAY = dt.date(2023, 3, 1)


@pytest.fixture
def board():
    return BodyFactory(key="criminal-justice-board", name="Criminal Justice Board")


def test_a_boards_meeting_expects_the_seats_held_on_its_date_chair_first(board, constabulary):
    member = MembershipFactory(body=board, person="", organisation=constabulary)
    chair = MembershipFactory(body=board, person="The Chair", role=MembershipRole.CHAIR)
    MembershipFactory(body=board, person="Left before", ends_on=dt.date(2023, 2, 28))
    MembershipFactory(body=board, person="Joined after", starts_on=dt.date(2023, 3, 2))
    MembershipFactory(person="On another body")
    PanelMember.objects.create(name="A Panel member", kind="councillor", start_date=DAY)
    meeting = Meeting.objects.create(body=board, date=DAY)
    expected = expected_at(meeting)
    assert [e.membership for e in expected] == [chair, member]
    assert all(e.member is None for e in expected)


def test_the_panel_still_expects_its_members_then_its_substitutes():
    start = dt.date(2022, 7, 20)
    member = PanelMember.objects.create(name="A Councillor", kind="councillor", start_date=start)
    sub = PanelMember.objects.create(name="A Substitute", kind="substitute", start_date=start)
    PanelMember.objects.create(
        name="Gone", kind="councillor", start_date=start, end_date=dt.date(2023, 1, 1)
    )
    meeting = Meeting.objects.create(date=DAY)
    assert expected_at(meeting) == [
        Expected(str(member.pk), "A Councillor", member=member),
        Expected(str(sub.pk), "A Substitute", member=sub, is_substitute=True),
    ]


def test_only_those_expected_are_recorded(editor, board):
    seat = MembershipFactory(body=board, person="The Chair", role=MembershipRole.CHAIR)
    other = MembershipFactory(person="Another body's member")
    meeting = Meeting.objects.create(body=board, date=DAY)
    services.record_attendance(editor, meeting, [(expected_at(meeting)[0], "present", None)])
    assert Attendance.objects.get().membership == seat
    stranger = Expected(f"seat-{other.pk}", str(other), membership=other)
    with pytest.raises(ValidationError):
        services.record_attendance(editor, meeting, [(stranger, "present", None)])
    assert Attendance.objects.get().membership == seat


def test_a_public_boards_minutes_name_its_chair_and_its_members_by_organisation(
    client, editor, board, constabulary
):
    chair = MembershipFactory(body=board, person="The Chair", role=MembershipRole.CHAIR)
    member = MembershipFactory(body=board, person="A Private Person", organisation=constabulary)
    meeting = Meeting.objects.create(
        body=board, date=DAY, status=Meeting.Status.HELD, minutes_published=True
    )
    services.add_minute(editor, meeting, title="Apologies")
    by_seat = {e.membership: e for e in expected_at(meeting)}
    services.record_attendance(
        editor, meeting, [(by_seat[chair], "present", None), (by_seat[member], "present", None)]
    )
    page = " ".join(
        client.get(reverse("panel:meeting", args=[meeting.pk])).content.decode().split()
    )
    assert "The Chair (Chair)" in page
    assert constabulary.name in page
    assert "A Private Person" not in page
