"""Agenda item reports are files on the default storage, shared by every app server, and
only ever downloaded through the permission-checked view."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from pcplan.panel.models import AgendaItem
from tests.old_migrations import (
    migrate,
    migrate_from_nothing_to,
    migrate_to_the_end,
    on_sqlite_only,
)
from tests.panel.conftest import make_pdf


def test_an_uploaded_report_is_a_file_on_the_default_storage(next_meeting, media_root):
    item = AgendaItem.objects.get(meeting=next_meeting, number=1)
    assert default_storage.exists(item.report_file.name)
    assert (media_root / item.report_file.name).read_bytes().startswith(b"%PDF")
    assert item.report_file.name.startswith(f"panel/meetings/{next_meeting.pk}/")


def test_the_media_url_is_not_how_reports_are_reached(client, next_meeting):
    item = AgendaItem.objects.get(meeting=next_meeting, number=2)
    assert client.get("/media/" + item.report_file.name).status_code == 404
    assert (
        client.get(reverse("panel:agenda-item-report", args=[next_meeting.pk, 2])).status_code
        == 404
    )


@on_sqlite_only
@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_stored_report_bytes_into_files(media_root):
    before = [("panel", "0003_deliverable_links_in_history")]
    after = [("panel", "0004_agenda_reports_on_default_storage")]
    try:
        old = migrate_from_nothing_to(before)
        meeting = old.get_model("panel", "Meeting").objects.create(date=dt.date(2023, 3, 15))
        pdf = make_pdf(2, "Stored in the database")
        old.get_model("panel", "AgendaItem").objects.create(
            meeting=meeting,
            number=8,
            title="Culture",
            report_pdf=pdf,
            report_filename="culture.pdf",
        )
        old.get_model("panel", "AgendaItem").objects.create(meeting=meeting, number=9, title="None")

        new = migrate(after)
        moved = new.get_model("panel", "AgendaItem").objects.get(number=8)
        assert (media_root / moved.report_file.name).read_bytes() == pdf
        assert new.get_model("panel", "AgendaItem").objects.get(number=9).report_file.name == ""
    finally:
        # The whole schema again for the tests that run after this one in the same process.
        migrate_to_the_end()
