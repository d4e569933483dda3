""" "Fill in page ranges" counts the pages of the whole agenda pack, which takes seconds: it runs
in `pcplan worker`, and the officer follows it on the job's page (issue 15: "the officer is never
kept waiting on a request longer than a second"). The ranges are written all at once, or not at
all when the meeting or its agenda changed meanwhile, and each item's history says who filled
them in."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from pcplan.core.models import BackgroundJob
from pcplan.panel import documents, services
from pcplan.panel.models import AgendaItem, Meeting
from tests.htmlforms import served_form
from tests.panel.packs import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def fill_from_the_meeting_page(secretariat: Any, meeting: Meeting, before_posting: Any = None):
    """Open the staff meeting page, then press "Fill in page ranges" as it was served."""
    client = Client()
    client.force_login(secretariat)
    action = reverse("panel:fill-page-ranges", args=[meeting.pk])
    page = client.get(reverse("panel:staff-meeting", args=[meeting.pk])).content.decode()
    form = served_form(page, action=action)
    if before_posting is not None:
        before_posting()
    return client, client.post(action, form)


def ranges(meeting: Meeting) -> dict[int, tuple[int | None, int | None]]:
    return {i.number: (i.first_page, i.last_page) for i in meeting.agenda_items.all()}


def test_the_ranges_are_filled_in_by_the_worker_while_the_officer_follows_the_job(
    secretariat, next_meeting, media_root, monkeypatch
):
    built: list[int] = []
    real = documents.agenda_pack
    monkeypatch.setattr(
        documents, "agenda_pack", lambda m, **kw: built.append(m.pk) or real(m, **kw)
    )
    client, answer = fill_from_the_meeting_page(secretariat, next_meeting)

    job = BackgroundJob.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == reverse("core:job", args=[job.pk])
    assert built == []  # nothing built in the request
    assert ranges(next_meeting) == {1: (None, None), 2: (None, None)}
    assert job.started_by == secretariat

    run_worker()

    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE, job.problems
    assert ranges(next_meeting) == {1: (2, 4), 2: (5, 6)}
    page = client.get(reverse("core:job", args=[job.pk])).content.decode()
    assert "The page ranges of 2 papers were filled in." in page
    assert reverse("panel:staff-meeting", args=[next_meeting.pk]) in page
    audit = AgendaItem.objects.get(meeting=next_meeting, number=1).history.first()
    assert audit.history_user == secretariat
    assert audit.history_change_reason == "Page ranges filled in"


def test_ranges_asked_for_from_a_page_older_than_a_change_to_the_meeting_are_refused(
    secretariat, next_meeting, media_root
):
    def someone_else_edits_the_meeting() -> None:
        next_meeting.venue = "Council Chamber"
        services.save_meeting(secretariat, next_meeting)

    client, answer = fill_from_the_meeting_page(
        secretariat, next_meeting, before_posting=someone_else_edits_the_meeting
    )
    assert answer.status_code == 302
    run_worker()

    job = BackgroundJob.objects.get()
    assert job.status == BackgroundJob.Status.FAILED
    assert any("changed" in problem for problem in job.problems), job.problems
    assert ranges(next_meeting) == {1: (None, None), 2: (None, None)}
    page = client.get(reverse("core:job", args=[job.pk])).content.decode()
    assert "There is a problem" in page


def test_an_agenda_changed_while_its_pages_are_counted_is_refused_and_nothing_is_written(
    secretariat, next_meeting, media_root, monkeypatch
):
    real = documents.agenda_pack

    def a_paper_added_meanwhile(meeting: Meeting, **kwargs: Any) -> documents.AgendaPack:
        pack = real(meeting, **kwargs)
        AgendaItem.objects.create(meeting=meeting, number=3, title="Late item")
        return pack

    monkeypatch.setattr(documents, "agenda_pack", a_paper_added_meanwhile)
    _client, answer = fill_from_the_meeting_page(secretariat, next_meeting)
    assert answer.status_code == 302
    run_worker()

    job = BackgroundJob.objects.get()
    assert job.status == BackgroundJob.Status.FAILED
    assert job.problems == [
        "The agenda changed while its pages were being counted, so no page range was filled "
        "in. Fill them in again."
    ]
    assert ranges(next_meeting) == {1: (None, None), 2: (None, None), 3: (None, None)}
