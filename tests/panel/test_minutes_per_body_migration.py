"""The migration that numbers minutes per body (panel 0010) keeps every existing minute's
number, exempt flag and meeting, gives each minute (and its history, a deleted minute's too)
its meeting's body, and leaves attendance as it was. The data is shaped like the demo's:
the Panel's minutes 40-46 with an exempt one, attendance, and a board meeting whose minute
took the next number of the one sequence before."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.old_migrations import (
    migrate,
    migrate_from_nothing_to,
    migrate_to_the_end,
    on_sqlite_only,
)

BEFORE = [
    ("panel", "0009_forward_plan_item_report"),
    ("partnerships", "0002_local_issues_and_funded_posts"),
]
AFTER = [("panel", "0010_minutes_and_attendance_per_body")]


def build_demo_shaped(apps):
    Body = apps.get_model("partnerships", "Body")
    panel = Body.objects.create(key="police-and-crime-panel", name="Panel", kind="scrutiny-panel")
    board = Body.objects.create(key="business-board", name="Board", kind="strategic-board")
    Meeting = apps.get_model("panel", "Meeting")
    held = Meeting.objects.create(body=panel, date=dt.date(2023, 2, 1), status="held")
    board_meeting = Meeting.objects.create(body=board, date=dt.date(2023, 3, 1), status="held")
    Minute = apps.get_model("panel", "MinuteItem")
    for number in range(40, 47):
        Minute.objects.create(
            meeting=held, number=number, title=f"Minute {number}", is_exempt=number == 44
        )
    Minute.objects.create(meeting=board_meeting, number=47, title="Board minute")
    apps.get_model("panel", "HistoricalMinuteItem").objects.create(
        id=999,
        meeting_id=held.id,
        number=48,
        title="Deleted",
        history_type="-",
        history_date=timezone.now(),
        is_exempt=False,
    )
    Member = apps.get_model("panel", "PanelMember")
    chair = Member.objects.create(
        name="A Chair", kind="independent", office="chair", start_date=dt.date(2022, 7, 20)
    )
    apps.get_model("panel", "Attendance").objects.create(
        meeting=held, member=chair, status="present"
    )
    return panel, board


def snapshot(apps):
    return {
        "minutes": list(
            apps.get_model("panel", "MinuteItem")
            .objects.order_by("meeting_id", "number")
            .values_list("meeting_id", "number", "is_exempt", "title")
        ),
        "attendance": list(
            apps.get_model("panel", "Attendance")
            .objects.order_by("id")
            .values_list("meeting_id", "member__name", "status")
        ),
        "history": apps.get_model("panel", "HistoricalMinuteItem").objects.count(),
    }


@on_sqlite_only
@pytest.mark.django_db(transaction=True)
def test_minutes_keep_their_numbers_and_take_their_meetings_body():
    try:
        old = migrate_from_nothing_to(BEFORE)
        panel, board = build_demo_shaped(old)
        before = snapshot(old)

        new = migrate(AFTER)
        assert snapshot(new) == before
        Minute = new.get_model("panel", "MinuteItem")
        assert set(Minute.objects.filter(number__lt=47).values_list("body_id", flat=True)) == {
            panel.id
        }
        assert Minute.objects.get(number=47).body_id == board.id
        history = new.get_model("panel", "HistoricalMinuteItem").objects
        assert history.get(number=48).body_id == panel.id
        assert not history.filter(body_id=None).exists()
        # The Board may now use 1, which the Panel's minutes would not allow twice.
        board_meeting = Minute.objects.get(number=47).meeting_id
        Minute.objects.create(meeting_id=board_meeting, body_id=board.id, number=1, title="One")
    finally:
        migrate_to_the_end()
