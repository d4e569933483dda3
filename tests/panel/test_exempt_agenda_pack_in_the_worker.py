"""The agenda pack with exempt papers is built by `pcplan worker`, as the public pack is: the
member or officer who asks for it is told it is being prepared, on a page that updates itself
until it is ready, and is never kept waiting on the request (issue 15: "the officer is never
kept waiting on a request longer than a second" for agenda packs). It is kept apart from the
public packs, served only to those who may read exempt papers, and made again whenever an item,
a paper or an exemption changes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from pcplan.panel import documents, packs, services
from pcplan.panel.models import AgendaItem, Meeting
from tests.panel.packs import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool]]:
    """Each pack built from scratch: (meeting, with exempt papers)."""
    built: list[tuple[int, bool]] = []
    real = documents.agenda_pack

    def counting(meeting: Meeting, *, include_exempt: bool = False) -> documents.AgendaPack:
        built.append((meeting.pk, include_exempt))
        return real(meeting, include_exempt=include_exempt)

    monkeypatch.setattr(documents, "agenda_pack", counting)
    return built


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def queued(task: Any) -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=task.module_path).count()


def files_in(media_root: Path, folder: str) -> list[str]:
    where = media_root / folder
    return sorted(p.name for p in where.iterdir()) if where.exists() else []


def test_a_member_asking_for_the_pack_is_told_it_is_being_prepared_until_the_worker_keeps_it(
    panel_member, next_meeting, builds, media_root
):
    member = signed_in(panel_member)
    url = reverse("panel:agenda-pack", args=[next_meeting.pk])

    answers = [member.get(url) for _ in range(2)]

    assert builds == []  # not built in the request
    assert queued(packs.build_exempt_agenda_pack) == 1  # however often asked
    assert queued(packs.build_agenda_pack) == 0
    for answer in answers:
        assert answer.status_code == 503
        assert answer["Retry-After"]
        assert "no-store" in answer["Cache-Control"]
        page = answer.content.decode()
        assert "The agenda pack with exempt papers is being prepared" in page
        assert "Waiting for the worker" in page
        assert 'hx-trigger="every 2s"' in page  # the page updates itself
    polled = member.get(url, HTTP_HX_REQUEST="true")
    assert polled.status_code == 200  # htmx swaps only successful answers
    assert "Waiting for the worker" in polled.content.decode()

    run_worker()

    assert builds == [(next_meeting.pk, True)]
    ready = member.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "The agenda pack is ready" in ready
    assert "every 2s" not in ready  # it stops asking
    served = member.get(url)
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert "private" in served["Cache-Control"]
    assert "no-store" in served["Cache-Control"]
    assert "Exempt report page 2" in text_of(served.content)
    assert builds == [(next_meeting.pk, True)]  # served as kept


def test_the_exempt_pack_is_kept_apart_and_never_reaches_the_public(
    client, editor, panel_member, next_meeting, builds, media_root
):
    # Signed in first: a sign-in saves the user, which moves the public version on.
    member, as_editor = signed_in(panel_member), signed_in(editor)
    url = reverse("panel:agenda-pack", args=[next_meeting.pk])
    member.get(url)
    run_worker()
    assert member.get(url).status_code == 200

    assert files_in(media_root, "agenda-packs") == []
    assert len(files_in(media_root, packs.EXEMPT_FOLDER)) == 1
    # The public, and a signed-in editor who may not read exempt papers, get the public pack.
    for visitor in (client, as_editor):
        assert visitor.get(url).status_code == 503
    assert queued(packs.build_exempt_agenda_pack) == 1
    run_worker()
    for visitor in (client, as_editor):
        public = visitor.get(url)
        assert public.status_code == 200
        assert "Public report page 3" in text_of(public.content)
        assert "Exempt report" not in text_of(public.content)


def test_the_exempt_pack_is_made_again_when_an_exemption_changes(
    secretariat, panel_member, next_meeting, builds, media_root
):
    member = signed_in(panel_member)
    url = reverse("panel:agenda-pack", args=[next_meeting.pk])
    member.get(url)
    run_worker()
    assert member.get(url).status_code == 200

    item = AgendaItem.objects.get(meeting=next_meeting, number=1)
    item.is_exempt = True
    services.save_agenda_item(secretariat, item)

    assert member.get(url).status_code == 503
    run_worker()
    assert member.get(url).status_code == 200
    assert builds == [(next_meeting.pk, True), (next_meeting.pk, True)]
    assert len(files_in(media_root, packs.EXEMPT_FOLDER)) == 1  # the stale one removed


def test_a_pack_is_not_kept_when_the_agenda_changes_while_it_is_built(
    client, secretariat, next_meeting, monkeypatch, media_root
):
    """An item made exempt while the worker builds the public pack: the pack, built with the
    item's paper, must not be kept as the pack of the agenda after the change."""
    real = documents.agenda_pack
    changed: list[bool] = []

    def made_exempt_meanwhile(meeting: Meeting, **kwargs: Any) -> documents.AgendaPack:
        pack = real(meeting, **kwargs)
        if not changed:
            item = AgendaItem.objects.get(meeting=meeting, number=1)
            item.is_exempt = True
            services.save_agenda_item(secretariat, item)
            changed.append(True)
        return pack

    monkeypatch.setattr(documents, "agenda_pack", made_exempt_meanwhile)
    url = reverse("panel:agenda-pack", args=[next_meeting.pk])
    assert client.get(url).status_code == 503
    run_worker()

    assert client.get(url).status_code == 503  # not the pack built before the change
    run_worker()
    public = client.get(url)
    assert public.status_code == 200
    assert "Public report" not in text_of(public.content)
