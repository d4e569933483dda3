"""The meetings engine (issue 11): the migration that gives every meeting a body moves the
Panel's existing meetings to the Panel's body without losing anything. The data is shaped like
the demo's (a profile naming its Panel, meetings held and to come, numbered minutes with an
exempt one, attendance, an exempt agenda item, a meeting's history), built with the models as
they were before the migration."""

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
    ("panel", "0004_agenda_reports_on_default_storage"),
    ("partnerships", "0001_initial"),
    ("core", "0004_office_profile_help_texts"),
]
AFTER = [("panel", "0006_meeting_body_required")]
PANEL = "Sample Area Police and Crime Panel"


def build_demo_shaped(apps):
    office = apps.get_model("core", "Office").objects.create(pk=1, panel_name=PANEL)
    Member = apps.get_model("panel", "PanelMember")
    Meeting = apps.get_model("panel", "Meeting")
    chair = Member.objects.create(
        name="A Chair", kind="independent", office="chair", start_date=dt.date(2022, 7, 20)
    )
    member = Member.objects.create(
        name="A Member", kind="councillor", start_date=dt.date(2022, 7, 20)
    )
    held = Meeting.objects.create(
        date=dt.date(2022, 9, 14), status="minutes-approved", minutes_published=True
    )
    later = Meeting.objects.create(date=dt.date(2023, 2, 1), status="held", minutes_published=True)
    coming = Meeting.objects.create(date=dt.date(2030, 3, 15), status="agenda-published")
    Attendance = apps.get_model("panel", "Attendance")
    Attendance.objects.create(meeting=held, member=chair, status="present")
    Attendance.objects.create(meeting=held, member=member, status="apologies")
    Minute = apps.get_model("panel", "MinuteItem")
    Minute.objects.create(meeting=held, number=40, title="Apologies")
    Minute.objects.create(meeting=held, number=41, title="Estates", is_exempt=True)
    Minute.objects.create(meeting=later, number=42, title="Precept")
    Item = apps.get_model("panel", "AgendaItem")
    Item.objects.create(meeting=coming, number=1, title="Delivery Plan")
    Item.objects.create(
        meeting=coming, number=2, title="Estates", is_exempt=True, exempt_paragraph=3
    )
    apps.get_model("panel", "HistoricalMeeting").objects.create(
        id=held.id,
        date=held.date,
        time=held.time,
        status="held",
        minutes_published=False,
        history_date=timezone.now(),
        history_type="~",
    )
    return office


def snapshot(apps):
    Meeting = apps.get_model("panel", "Meeting")
    return {
        "meetings": list(Meeting.objects.order_by("id").values_list("id", "date", "status")),
        "minutes": list(
            apps.get_model("panel", "MinuteItem")
            .objects.order_by("number")
            .values_list("meeting_id", "number", "is_exempt")
        ),
        "attendance": list(
            apps.get_model("panel", "Attendance")
            .objects.order_by("id")
            .values_list("meeting_id", "member__name", "status")
        ),
        "items": list(
            apps.get_model("panel", "AgendaItem")
            .objects.order_by("id")
            .values_list("meeting_id", "number", "is_exempt", "exempt_paragraph")
        ),
    }


@on_sqlite_only
@pytest.mark.django_db(transaction=True)
def test_every_existing_meeting_lands_on_the_panel_body_and_nothing_is_lost():
    try:
        old = migrate_from_nothing_to(BEFORE)
        build_demo_shaped(old)
        before = snapshot(old)

        new = migrate(AFTER)
        assert snapshot(new) == before
        Body = new.get_model("partnerships", "Body")
        panel = Body.objects.get()
        assert (panel.key, panel.name, panel.kind) == (
            "police-and-crime-panel",
            PANEL,
            "scrutiny-panel",
        )
        assert panel.is_published and panel.meetings_public
        meetings = new.get_model("panel", "Meeting").objects.all()
        assert meetings.count() == 3
        assert set(meetings.values_list("body_id", flat=True)) == {panel.id}
        history = new.get_model("panel", "HistoricalMeeting").objects.all()
        assert set(history.values_list("body_id", flat=True)) == {panel.id}
        made = new.get_model("partnerships", "HistoricalBody").objects.get()
        assert made.history_change_reason == "Made for the Panel's meetings"
    finally:
        # The whole schema again for the tests after this one.
        migrate_to_the_end()
