"""Documents kept in the file storage until anything they might show changes.

A long document (an agenda pack, a theme report made without saving it) is built once per
**public version** (pcplan.core.pagecache: any saved, deleted or re-linked record moves it on)
and kept under a name holding that version, so a change builds it again and nothing stale is
ever served. Keeping a new one removes the older ones of the same name, so one per document is
kept at most. The worker builds them (pcplan.core.jobs); a request only reads what is kept.

A build reads the database for seconds, outside any transaction, so a change may commit while it
runs. Its builder reads the version first (`version()`) and keeps the document only if the
version is still that one (`keep(..., built_at=)`): otherwise the document, built partly from
before the change, would be kept under the version after it and served as current (an item made
exempt during the public pack's build would leave its paper in the public pack).
"""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from pcplan.core.pagecache import kept_for_this_version, public_version

logger = logging.getLogger(__name__)


def version() -> str:
    """The current public version: read it before building a document to keep."""
    return public_version()


def path(folder: str, prefix: str, ext: str, at: str | None = None) -> str:
    """Where the document named `prefix` is kept for the public version `at` (the current one
    when not given)."""
    return f"{folder}/{prefix}{(at or public_version()).replace('.', '-')}.{ext}"


def read(folder: str, prefix: str, ext: str) -> bytes | None:
    """The document kept for the current public version, or None when there is none yet."""
    kept = path(folder, prefix, ext)
    if not default_storage.exists(kept):
        return None
    with default_storage.open(kept, "rb") as handle:
        return bytes(handle.read())


def keep(
    folder: str, prefix: str, ext: str, data: bytes, *, built_at: str | None = None
) -> str | None:
    """Keep the document for the current public version and forget its older versions; where
    it was kept. `built_at` is the version read before the document was built: if anything
    changed since, the document is not kept (None), and the next request builds it again."""
    if built_at is not None and public_version() != built_at:
        logger.info("%s/%s* not kept: the data changed while it was built", folder, prefix)
        return None
    saved = default_storage.save(path(folder, prefix, ext, built_at), ContentFile(data))
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
