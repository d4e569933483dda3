"""Agenda packs kept in the file storage until anything they might show changes.

A pack is one PDF of the front sheet and every paper, built with WeasyPrint and pypdf: seconds
for a full meeting. It is built once per **public version** (pcplan.core.pagecache: any saved,
deleted or re-linked record moves it on) and kept under a name holding that version, so an
edited item, a new paper or a changed office profile builds it again and nothing stale is ever
served. When a meeting's agenda is published, `pcplan worker` builds its pack at once, so the
public's first request finds it ready; a request that finds none builds it itself.
"""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tasks import task

from pcplan.core.pagecache import kept_for_this_version, public_version
from pcplan.panel import documents
from pcplan.panel.models import Meeting

logger = logging.getLogger(__name__)

FOLDER = "agenda-packs"


def _prefix(meeting: Meeting, include_exempt: bool) -> str:
    return f"{meeting.pk}-{'with-exempt' if include_exempt else 'public'}-"


def agenda_pack_pdf(meeting: Meeting, *, include_exempt: bool = False) -> bytes:
    """The meeting's agenda pack: the kept one for the current version, or built and kept."""
    prefix = _prefix(meeting, include_exempt)
    path = f"{FOLDER}/{prefix}{public_version().replace('.', '-')}.pdf"
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as kept:
            return bytes(kept.read())
    pdf = documents.agenda_pack(meeting, include_exempt=include_exempt).pdf
    saved = default_storage.save(path, ContentFile(pdf))
    kept_for_this_version()
    _forget_older(prefix, keep=saved)
    return pdf


def _forget_older(prefix: str, *, keep: str) -> None:
    """Remove the meeting's earlier packs of the same kind: a new version replaced them."""
    try:
        _folders, files = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    for name in files:
        path = f"{FOLDER}/{name}"
        if name.startswith(prefix) and path != keep:
            default_storage.delete(path)


@task()
def build_agenda_pack(meeting_id: int) -> None:
    """Build and keep the public pack of a meeting whose agenda was just published."""
    meeting = Meeting.objects.filter(pk=meeting_id).first()
    if meeting is None or not meeting.agenda_is_public:
        return
    agenda_pack_pdf(meeting, include_exempt=False)
    logger.info("Agenda pack of %s built", meeting)
