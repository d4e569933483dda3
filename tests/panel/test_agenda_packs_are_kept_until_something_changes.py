"""A meeting's agenda pack is built once and kept until anything it might show changes; when the
agenda is published, `pcplan worker` builds it before anyone asks (issue 15: "Generated agenda
packs are cached until an item changes"; agenda packs are background work)."""

from __future__ import annotations

import datetime as dt
import io
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from pcplan.panel import documents, services
from pcplan.panel.models import AgendaItem, Meeting


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The meetings whose pack was built from scratch, in order."""
    built: list[int] = []
    real = documents.agenda_pack

    def counting(meeting: Meeting, **kwargs: Any) -> documents.AgendaPack:
        built.append(meeting.pk)
        return real(meeting, **kwargs)

    monkeypatch.setattr(documents, "agenda_pack", counting)
    return built


def pack_text(client: Client, meeting: Meeting) -> str:
    response = client.get(reverse("panel:agenda-pack", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    # Words only: a long title wraps across lines of the agenda's table.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def kept_packs(media_root: Path) -> list[str]:
    folder = media_root / "agenda-packs"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.django_db
def test_the_pack_is_built_once_and_again_only_after_an_item_changes(
    client, secretariat, next_meeting, builds, media_root
):
    first = pack_text(client, next_meeting)
    again = pack_text(client, next_meeting)
    assert first == again
    assert builds == [next_meeting.pk]
    assert len(kept_packs(media_root)) == 1

    item = AgendaItem.objects.get(meeting=next_meeting, number=1)
    item.title = "Approach to Communications, Engagement and Consultation"
    services.save_agenda_item(secretariat, item)

    changed = pack_text(client, next_meeting)
    assert "Approach to Communications, Engagement and Consultation" in changed
    assert builds == [next_meeting.pk, next_meeting.pk]
    assert len(kept_packs(media_root)) == 1  # the stale pack was removed


@pytest.mark.django_db(transaction=True)
def test_publishing_an_agenda_has_the_worker_build_its_pack_before_anyone_asks(
    client, secretariat, held_meeting, builds, media_root
):
    meeting = Meeting.objects.create(date=held_meeting.date + dt.timedelta(days=60))
    AgendaItem.objects.create(meeting=meeting, number=1, title="Public Questions")
    services.set_meeting_status(secretariat, meeting, Meeting.Status.AGENDA_PUBLISHED)
    assert builds == []

    call_command("worker", "--batch", "--no-startup-delay", "--interval=0", stdout=StringIO())

    assert builds == [meeting.pk]
    assert "Public Questions" in pack_text(client, meeting)
    assert builds == [meeting.pk]  # the request found it built
