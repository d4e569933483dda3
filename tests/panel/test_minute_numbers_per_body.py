"""Each body numbers its own minutes (issue 11): the Board's minute 1 does not collide with
the Panel's, and the Panel's numbers run on as before (seed 002: 40-46, then 47)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError

from pcplan.core.models import User
from pcplan.panel import services
from pcplan.panel.models import Meeting, MinuteItem, last_minute_number_used
from tests.factories import BodyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(db):
    return UserFactory(username="secretariat", role=User.Role.PANEL_SECRETARIAT)


def held(body=None, day=dt.date(2023, 2, 1)):
    values = {"date": day, "status": Meeting.Status.HELD}
    if body is not None:
        values["body"] = body
    return Meeting.objects.create(**values)


def test_two_bodies_each_number_their_minutes_from_one(secretariat, editor):
    panel = held()
    board = held(BodyFactory(key="business-board"))
    panel_minutes = [services.add_minute(secretariat, panel, title=f"Panel {n}") for n in "ab"]
    board_minutes = [services.add_minute(editor, board, title=f"Board {n}") for n in "abc"]
    assert [m.number for m in panel_minutes] == [1, 2]
    assert [m.number for m in board_minutes] == [1, 2, 3]
    assert {m.body for m in board_minutes} == {board.body}


def test_a_bodys_numbers_run_on_across_its_own_meetings_only(secretariat, editor):
    board = BodyFactory(key="business-board")
    first = held(board, dt.date(2023, 1, 10))
    second = held(board, dt.date(2023, 4, 10))
    services.add_minute(editor, first, title="Apologies")
    services.add_minute(secretariat, held(), title="Panel business")
    assert services.add_minute(editor, second, title="Apologies").number == 2


def test_the_panels_numbers_continue_from_its_paper_record(secretariat, editor):
    panel = held()
    for number in range(40, 47):
        MinuteItem.objects.create(meeting=panel, number=number, title=f"Minute {number}")
    board = held(BodyFactory(key="business-board"))
    assert services.add_minute(editor, board, title="Board business").number == 1
    assert services.add_minute(secretariat, panel, title="Apologies").number == 47
    assert last_minute_number_used() == 47
    assert last_minute_number_used(board.body) == 1


def test_a_deleted_board_minute_number_is_never_reused(editor):
    board = held(BodyFactory(key="business-board"))
    services.add_minute(editor, board, title="Apologies")
    services.add_minute(editor, board, title="Declarations").delete()
    assert services.add_minute(editor, board, title="Declarations").number == 3


def test_the_database_refuses_a_number_twice_within_a_body_only():
    panel = held()
    board = held(BodyFactory(key="business-board"))
    MinuteItem.objects.create(meeting=panel, number=1, title="Panel")
    MinuteItem.objects.create(meeting=board, number=1, title="Board")
    with pytest.raises(IntegrityError):
        MinuteItem.objects.create(meeting=held(board.body, dt.date(2023, 6, 1)), number=1)
