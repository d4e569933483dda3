"""Agenda packs kept in the file storage until anything they might show changes.

A pack is one PDF of the front sheet and every paper, built with WeasyPrint and pypdf: seconds
for a full meeting. It is kept per public version (pcplan.core.keptfiles), so an edited item, a
new paper or a changed office profile builds it again and nothing stale is ever served. When a
meeting's agenda is published, `pcplan worker` builds its pack at once, so the public's first
request finds it ready.

A public request that finds no pack for the current version (an item changed since) does not
build it: it queues the build (`queue_build`: once, however many requests arrive) and the
visitor is told to try again in a minute; the pack is served as soon as the worker keeps it.
Those who may see exempt papers are few, and their pack (never the public's) is still built in
their request.
"""

from __future__ import annotations

import datetime as dt
import logging

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


def _prefix(meeting: Meeting, include_exempt: bool) -> str:
    return f"{meeting.pk}-{'with-exempt' if include_exempt else 'public'}-"


def kept_pack(meeting: Meeting, *, include_exempt: bool = False) -> bytes | None:
    """The pack kept for the current public version, or None when there is none yet."""
    return keptfiles.read(FOLDER, _prefix(meeting, include_exempt), "pdf")


def agenda_pack_pdf(meeting: Meeting, *, include_exempt: bool = False) -> bytes:
    """The meeting's agenda pack: the kept one for the current version, or built and kept."""
    kept = kept_pack(meeting, include_exempt=include_exempt)
    if kept is not None:
        return kept
    pdf = documents.agenda_pack(meeting, include_exempt=include_exempt).pdf
    keptfiles.keep(FOLDER, _prefix(meeting, include_exempt), "pdf", pdf)
    return pdf


@task()
def build_agenda_pack(meeting_id: int) -> None:
    """Build and keep the public pack of a meeting whose agenda was just published, or that a
    public request found missing."""
    meeting = Meeting.objects.filter(pk=meeting_id).first()
    if meeting is None or not meeting.agenda_is_public:
        return
    agenda_pack_pdf(meeting, include_exempt=False)
    logger.info("Agenda pack of %s built", meeting)


def queue_build(meeting: Meeting) -> bool:
    """Queue the build of the meeting's public pack unless a build of it is already waiting
    or running; whether this call queued it.

    Requests that ask at the same moment are taken one at a time: the meeting's row is locked
    on PostgreSQL, and SQLite runs one writing transaction at a time (pcplan opens them
    IMMEDIATE). A build left "running" by a worker that died is not waited for once it is
    older than `PCPLAN_JOB_STALE_SECONDS`.
    """
    from django_tasks_db.models import DBTaskResult

    stale = timezone.now() - dt.timedelta(seconds=settings.PCPLAN_JOB_STALE_SECONDS)
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        pending = DBTaskResult.objects.filter(task_path=build_agenda_pack.module_path).filter(
            Q(status="READY") | Q(status="RUNNING", started_at__gte=stale)
        )
        if any(result.args_kwargs.get("args") == [meeting.pk] for result in pending):
            return False
        build_agenda_pack.enqueue(meeting.pk)
    logger.info("Agenda pack of %s queued for a request that found none", meeting)
    return True
