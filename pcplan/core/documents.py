"""The words of a stored document, kept beside it for search (issue 14 item 4): one way for
every record whose file the public may download. A record mixes in `WithDocumentText`; the
service that stores its file calls `read_document` with the bytes (or the upload) before
saving; `pcplan index-documents` reads the files stored before their words were read. The
reading itself, with its limits, is pcplan.lib.document_text.

The words are not part of the audit trail (each history leaves out DOCUMENT_TEXT_FIELDS): the
history names the file, from which they are read again."""

from __future__ import annotations

from django.db import models
from django.db.models.fields.files import FieldFile

from pcplan.lib.document_text import MAX_BYTES, Reading, read_text

DOCUMENT_TEXT_FIELDS = ["document_text", "document_text_unreadable"]


class WithDocumentText(models.Model):
    # Read once when the file is stored; searched only as the record's public rule allows.
    document_text = models.TextField(blank=True, default="", editable=False)
    document_text_unreadable = models.BooleanField(default=False, editable=False)

    class Meta:
        abstract = True

    def read_document(self, name: str, data: bytes) -> Reading:
        """Keep the words of `data` (not saved yet); a file that cannot be read leaves none and
        is marked unreadable."""
        reading = read_text(name, data)
        self.document_text = reading.text
        self.document_text_unreadable = reading.unreadable
        return reading

    def forget_document(self) -> None:
        self.document_text = ""
        self.document_text_unreadable = False


def stored_bytes(file: FieldFile) -> bytes:
    """A file field's bytes, a just-uploaded file's or a stored one's, read to one byte past
    the reading's limit (a larger file is not read, and nothing more is held)."""
    file.open("rb")
    try:
        file.seek(0)
        data: bytes = file.read(MAX_BYTES + 1)
        file.seek(0)
    finally:
        if getattr(file, "_committed", True):  # a stored file is closed; an upload stays open
            file.close()
    return data


def read_file_field(record: WithDocumentText, file: FieldFile) -> Reading:
    """`record.read_document` from the file in `file`; no file, no words."""
    if not file:
        record.forget_document()
        return Reading()
    return record.read_document(file.name or "", stored_bytes(file))
