"""Agenda packs kept in the file storage until anything they might show changes.

A pack is one PDF of the front sheet and every paper, built with WeasyPrint and pypdf: seconds
for a full meeting. It is kept per public version (pcplan.core.keptfiles), so an edited item, a
new paper, a changed exemption or office profile builds it again and nothing stale is ever
served. When a meeting's agenda is published, `pcplan worker` builds its public pack at once, so
the public's first request finds it ready.

A request that finds no pack for the current version (an item changed since) does not build
it: it queues the build (`queue_build`: once, however many requests arrive) and is told the pack
is being prepared; the pack is served as soon as the worker keeps it. Two packs are kept per
meeting, each by its own task and in its own folder: the public one, and the one with exempt
papers for those who may read them (Panel members and those who run the meeting). Neither
folder is served directly (MEDIA_ROOT never is): only the agenda pack view reads them, after
its permission check, and it reads the exempt folder only for those allowed.
"""

from __future__ import annotations

import datetime as dt
import logging
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from pcplan.core import keptfiles
from pcplan.panel import documents
from pcplan.panel.models import Meeting

logger = logging.getLogger(__name__)

FOLDER = "agenda-packs"
# Confidential: apart from the public packs, so that no listing or clean-up of those reaches it.
EXEMPT_FOLDER = "agenda-packs-with-exempt-papers"


def _where(meeting: Meeting, include_exempt: bool) -> tuple[str, str]:
    if include_exempt:
        return EXEMPT_FOLDER, f"{meeting.pk}-with-exempt-"
    return FOLDER, f"{meeting.pk}-public-"


def kept_pack(meeting: Meeting, *, include_exempt: bool = False) -> bytes | None:
    """The pack kept for the current public version, or None when there is none yet."""
    folder, prefix = _where(meeting, include_exempt)
    return keptfiles.read(folder, prefix, "pdf")


def _build_and_keep(meeting: Meeting, *, include_exempt: bool) -> bool:
    """Build the pack and keep it, unless anything changed while it was built; whether kept."""
    built_at = keptfiles.version()
    pdf = documents.agenda_pack(meeting, include_exempt=include_exempt).pdf
    folder, prefix = _where(meeting, include_exempt)
    return keptfiles.keep(folder, prefix, "pdf", pdf, built_at=built_at) is not None


@task()
def build_agenda_pack(meeting_id: int) -> None:
    """Build and keep the public pack of a meeting whose agenda was just published, or that a
    public request found missing. Never the exempt papers: that is another task."""
    meeting = Meeting.objects.filter(pk=meeting_id).first()
    if meeting is None or not meeting.agenda_is_public:
        return
    kept = _build_and_keep(meeting, include_exempt=False)
    logger.info("Agenda pack of %s %s", meeting, "built" if kept else "built, changed since")


@task()
def build_exempt_agenda_pack(meeting_id: int) -> None:
    """Build and keep the pack with exempt papers that one of those allowed to read them asked
    for (the agenda pack view checked them); it is kept in its own folder."""
    meeting = Meeting.objects.filter(pk=meeting_id).first()
    if meeting is None:
        return
    kept = _build_and_keep(meeting, include_exempt=True)
    logger.info(
        "Agenda pack with exempt papers of %s %s", meeting, "built" if kept else "changed since"
    )


def _task(include_exempt: bool) -> Any:
    return build_exempt_agenda_pack if include_exempt else build_agenda_pack


def _pending_build(meeting: Meeting, include_exempt: bool) -> Any:
    """The build of this pack of the meeting waiting or running, or None. A build left
    "running" by a worker that died is not counted once older than `PCPLAN_JOB_STALE_SECONDS`."""
    from django_tasks_db.models import DBTaskResult

    stale = timezone.now() - dt.timedelta(seconds=settings.PCPLAN_JOB_STALE_SECONDS)
    pending = DBTaskResult.objects.filter(task_path=_task(include_exempt).module_path).filter(
        Q(status="READY") | Q(status="RUNNING", started_at__gte=stale)
    )
    return next((r for r in pending if r.args_kwargs.get("args") == [meeting.pk]), None)


def queue_build(meeting: Meeting, *, include_exempt: bool = False, asked_by: Any = None) -> bool:
    """Queue the build of the meeting's pack (public, or with exempt papers) unless a build of
    it is already waiting or running; whether this call queued it.

    Requests that ask at the same moment are taken one at a time: the meeting's row is locked
    on PostgreSQL, and SQLite runs one writing transaction at a time (pcplan opens them
    IMMEDIATE). A build left "running" by a worker that died is not waited for once it is
    older than `PCPLAN_JOB_STALE_SECONDS`.
    """
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        if _pending_build(meeting, include_exempt) is not None:
            return False
        _task(include_exempt).enqueue(meeting.pk)
    logger.info(
        "Agenda pack%s of %s queued for a request%s that found none",
        " with exempt papers" if include_exempt else "",
        meeting,
        f" by user {asked_by.pk}" if getattr(asked_by, "pk", None) else "",
    )
    return True


class BuildState(StrEnum):
    READY = "ready"  # kept for the current version (`kept_pack`)
    WAITING = "waiting"  # queued, the worker has not started it
    RUNNING = "running"
    NONE = "none"  # no build waiting or running: it failed, or the agenda changed meanwhile


def build_state(meeting: Meeting, *, include_exempt: bool = False) -> BuildState:
    """Where the build of the meeting's pack is, for the page that waits for it (which asks
    `kept_pack` first: READY is never answered here)."""
    pending = _pending_build(meeting, include_exempt)
    if pending is None:
        return BuildState.NONE
    return BuildState.RUNNING if pending.status == "RUNNING" else BuildState.WAITING
