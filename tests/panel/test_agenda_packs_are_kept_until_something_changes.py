"""A meeting's agenda pack is built once and kept until anything it might show changes; when the
agenda is published, `pcplan worker` builds it before anyone asks, and a public request that
finds none queues its build (once) and is told to try again in a minute, never kept waiting
(issue 15: "Generated agenda packs are cached until an item changes"; agenda packs are
background work; "never kept waiting on a request longer than a second")."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from pcplan.panel import documents, packs, services
from pcplan.panel.models import AgendaItem, Meeting
from tests.panel.packs import run_worker, served_pack
from tests.panel.test_concurrent_numbering import on_postgresql_only, overlapping


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
    response = served_pack(client, meeting)
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    # Words only: a long title wraps across lines of the agenda's table.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def kept_packs(media_root: Path) -> list[str]:
    folder = media_root / "agenda-packs"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.django_db(transaction=True)
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

    run_worker()

    assert builds == [meeting.pk]
    assert "Public Questions" in pack_text(client, meeting)
    assert builds == [meeting.pk]  # the request found it built


def queued_pack_builds() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=packs.build_agenda_pack.module_path).count()


@pytest.mark.django_db(transaction=True)
def test_a_public_request_that_finds_no_pack_queues_it_once_and_is_told_to_come_back(
    client, secretariat, next_meeting, builds, media_root
):
    url = reverse("panel:agenda-pack", args=[next_meeting.pk])
    answers = [client.get(url) for _ in range(3)]

    assert builds == []  # no request built it
    assert queued_pack_builds() == 1  # however many asked
    for answer in answers:
        assert answer.status_code == 503
        assert answer["Retry-After"] == "60"
        assert "no-store" in answer["Cache-Control"]
        page = answer.content.decode()
        assert "The agenda pack is being prepared" in page
        assert "Try again in a minute." in page
        assert reverse("panel:meeting", args=[next_meeting.pk]) in page

    run_worker()

    assert builds == [next_meeting.pk]
    served = client.get(url)
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(served.content)).pages)
    assert "Public report page 3" in text
    assert "Exempt report" not in text  # the worker builds the public pack only

    # An item changes: the next request queues one new build, not a second for each visitor.
    item = AgendaItem.objects.get(meeting=next_meeting, number=1)
    item.title = "Approach to Communications, Engagement and Consultation"
    services.save_agenda_item(secretariat, item)
    assert client.get(url).status_code == 503
    assert client.get(url).status_code == 503
    assert queued_pack_builds() == 2
    assert "Engagement and Consultation" in pack_text(client, next_meeting)


@pytest.mark.django_db
def test_a_build_left_running_by_a_dead_worker_is_queued_again(
    client, next_meeting, settings, media_root
):
    from django_tasks_db.models import DBTaskResult

    url = reverse("panel:agenda-pack", args=[next_meeting.pk])
    client.get(url)
    stalled = DBTaskResult.objects.get(task_path=packs.build_agenda_pack.module_path)
    started = timezone.now() - dt.timedelta(seconds=settings.PCPLAN_JOB_STALE_SECONDS + 1)
    DBTaskResult.objects.filter(pk=stalled.pk).update(status="RUNNING", started_at=started)

    assert client.get(url).status_code == 503
    assert queued_pack_builds() == 2


@on_postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_requests_at_the_same_moment_queue_one_build(next_meeting):
    """Two connections: the first has queued the build and not yet committed when the second
    asks; the second waits for it and queues nothing."""
    outcome = overlapping(
        lambda: packs.queue_build(next_meeting), lambda: packs.queue_build(next_meeting)
    )
    assert outcome == {"first": True, "second": False}
    assert queued_pack_builds() == 1
