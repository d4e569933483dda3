"""Minutes are numbered consecutively across meetings and never reuse a number (seed 002:
the 1 February 2023 meeting runs 40-46, continuing from the previous meeting)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError

from pcplan.panel import services
from pcplan.panel.models import Meeting, MinuteItem
from pcplan.panel.rules import next_minute_number


def test_next_minute_number_follows_the_highest_ever_used() -> None:
    assert next_minute_number(39) == 40
    assert next_minute_number(0) == 1


def test_minute_numbers_continue_from_one_meeting_to_the_next(secretariat, held_meeting):
    later = Meeting.objects.create(date=dt.date.today(), status=Meeting.Status.HELD)
    first = [services.add_minute(secretariat, held_meeting, title=f"Item {n}") for n in range(3)]
    second = [services.add_minute(secretariat, later, title=f"Item {n}") for n in range(2)]
    assert [m.number for m in first] == [1, 2, 3]
    assert [m.number for m in second] == [4, 5]


def test_a_deleted_minute_number_is_never_reused(secretariat, held_meeting):
    services.add_minute(secretariat, held_meeting, title="Apologies for Absence")
    last = services.add_minute(secretariat, held_meeting, title="Declarations of Interest")
    last.delete()
    again = services.add_minute(secretariat, held_meeting, title="Declarations of Interest")
    assert again.number == 3


def test_seed_002_minutes_40_to_46_continue_with_47(secretariat, held_meeting):
    for number in range(40, 47):
        MinuteItem.objects.create(meeting=held_meeting, number=number, title=f"Minute {number}")
    minute = services.add_minute(secretariat, held_meeting, title="Apologies for Absence")
    assert minute.number == 47


def test_the_database_refuses_two_minutes_with_the_same_number(held_meeting):
    MinuteItem.objects.create(meeting=held_meeting, number=40, title="Apologies")
    with pytest.raises(IntegrityError):
        MinuteItem.objects.create(meeting=held_meeting, number=40, title="Again")


def test_numbered_questions_are_kept_in_order(secretariat, held_meeting):
    minute = services.add_minute(
        secretariat,
        held_meeting,
        title="Precept Report 2023/24",
        resolution=MinuteItem.Resolution.AGREED,
        questions=["First question.", "Second question."],
    )
    assert [(q.number, q.text) for q in minute.questions.all()] == [
        (1, "First question."),
        (2, "Second question."),
    ]
    assert minute.history.first().history_user == secretariat
