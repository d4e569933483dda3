"""Documents kept in the file storage until anything they might show changes.

A long document (an agenda pack, a theme report made without saving it) is built once per
**public version** (pcplan.core.pagecache: any saved, deleted or re-linked record moves it on)
and kept under a name holding that version, so a change builds it again and nothing stale is
ever served. Keeping a new one removes the older ones of the same name, so one per document is
kept at most. The worker builds them (pcplan.core.jobs); a request only reads what is kept.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from pcplan.core.pagecache import kept_for_this_version, public_version


def path(folder: str, prefix: str, ext: str) -> str:
    """Where the document named `prefix` is kept for the current public version."""
    return f"{folder}/{prefix}{public_version().replace('.', '-')}.{ext}"


def read(folder: str, prefix: str, ext: str) -> bytes | None:
    """The document kept for the current public version, or None when there is none yet."""
    kept = path(folder, prefix, ext)
    if not default_storage.exists(kept):
        return None
    with default_storage.open(kept, "rb") as handle:
        return bytes(handle.read())


def keep(folder: str, prefix: str, ext: str, data: bytes) -> str:
    """Keep the document for the current public version and forget its older versions."""
    saved = default_storage.save(path(folder, prefix, ext), ContentFile(data))
    kept_for_this_version()
    _forget_older(folder, prefix, keep=saved)
    return saved


def _forget_older(folder: str, prefix: str, *, keep: str) -> None:
    try:
        _folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        stored = f"{folder}/{name}"
        if name.startswith(prefix) and stored != keep:
            default_storage.delete(stored)
