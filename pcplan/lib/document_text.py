"""The words of a stored document, for search (issue 14 item 4: "documents' text"): read once,
when the file is stored (or by `pcplan index-documents` for files stored before), never on a
search.

PDF through pypdf (already used for the agenda packs), Word (.docx) through python-docx (which
writes the reports), OpenDocument text (.odt) and HTML with the standard library's parsers. A
file is anything anyone uploaded, so every reading has limits: the file's size, the pages read,
the bytes a zip may unpack to, the characters kept, and a deadline checked between pages and
paragraphs, so that no file can hold a request for long. A file that cannot be read gives a
Reading with no text and the reason; the caller stores the file all the same and says so.
"""

from __future__ import annotations

import io
import logging
import re
import time
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Any, cast
from xml.etree.ElementTree import Element, XMLPullParser  # noqa: S405 (entities refused below)

logger = logging.getLogger(__name__)

# Enough for any paper's words; a longer text is cut, not refused.
MAX_CHARACTERS = 1_000_000
# A larger file is stored but its words are not read.
MAX_BYTES = 50 * 1024 * 1024
# Pages of a PDF read; the rest of a longer one is not searched.
MAX_PAGES = 2_000
# A .docx or .odt is a zip: what it may unpack to in all (a "zip bomb" is refused).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
# Reading stops here, keeping the words read so far.
MAX_SECONDS = 20.0

# Control characters (all but tab and newlines), which no search or snippet wants.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Reading:
    """A document's words, or why they could not be read (`problem`, for the staff)."""

    text: str = ""
    problem: str = ""

    @property
    def unreadable(self) -> bool:
        return bool(self.problem)


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds

    def passed(self) -> bool:
        return time.monotonic() > self.ends


def clean(parts: Iterable[str]) -> str:
    """The parts as one line of words: control characters gone, whitespace collapsed, at most
    MAX_CHARACTERS."""
    kept: list[str] = []
    size = 0
    for part in parts:
        kept.append(part)
        size += len(part) + 1
        if size > MAX_CHARACTERS * 2:
            break
    text = _SPACE.sub(" ", _CONTROL.sub(" ", " ".join(kept))).strip()
    return text[:MAX_CHARACTERS]


def _pdf_pages(data: bytes, deadline: _Deadline) -> Iterator[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise ValueError("the PDF is encrypted")
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES or deadline.passed():
            logger.info("PDF text read to page %s of %s", number, len(reader.pages))
            return
        yield page.extract_text() or ""


def _unzipped(data: bytes, member: str) -> bytes:
    """One member of a zip file, after checking what the whole zip unpacks to."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
            raise ValueError(f"the file unpacks to more than {MAX_UNZIPPED_BYTES:,} bytes")
        return archive.read(member)


_NO_ENTITIES = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _xml_text(xml: bytes, paragraph_tags: tuple[str, ...], deadline: _Deadline) -> Iterator[str]:
    """The text of an XML document, paragraph by paragraph, read as it is parsed. A document
    declaring a DTD or entities is refused ("billion laughs")."""
    if _NO_ENTITIES.search(xml[:4096]) or b"<!ENTITY" in xml:
        raise ValueError("the document declares XML entities")
    parser: XMLPullParser[Any] = XMLPullParser(events=("end",))
    step = 1 << 20
    for start in range(0, len(xml), step):
        parser.feed(xml[start : start + step])
        for event in parser.read_events():
            _kind, element = cast("tuple[str, Element]", event)
            if element.tag.rsplit("}", 1)[-1] in paragraph_tags:
                yield "".join(element.itertext())
                element.clear()
        if deadline.passed():
            return
    parser.close()


def _docx_paragraphs(data: bytes, deadline: _Deadline) -> Iterator[str]:
    """A Word file's paragraphs through python-docx (its parser resolves no entities), those
    in tables included, in the order they are in the document."""
    from docx import Document
    from docx.oxml.ns import qn

    _unzipped(data, "word/document.xml")  # the size check, before python-docx unpacks it
    body = Document(io.BytesIO(data)).element.body
    for paragraph in body.iter(qn("w:p")):
        if deadline.passed():
            return
        yield "".join(t.text or "" for t in paragraph.iter(qn("w:t")))


def _odt_paragraphs(data: bytes, deadline: _Deadline) -> Iterator[str]:
    yield from _xml_text(_unzipped(data, "content.xml"), ("p", "h"), deadline)


class _HTMLWords(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.words.append(data)


def _html_words(data: bytes, deadline: _Deadline) -> Iterator[str]:
    parser = _HTMLWords()
    parser.feed(data.decode("utf-8", errors="replace"))
    parser.close()
    yield from parser.words


KINDS = {
    "pdf": _pdf_pages,
    "docx": _docx_paragraphs,
    "odt": _odt_paragraphs,
    "html": _html_words,
}


def kind_of(name: str, data: bytes) -> str:
    """pdf, docx, odt or html by the file's first bytes (and, for a zip, its name), or ""."""
    suffix = PurePath(name).suffix.lower().lstrip(".")
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return suffix if suffix in ("docx", "odt") else ""
    if suffix in ("html", "htm"):
        return "html"
    return ""


def read_text(name: str, data: bytes, *, seconds: float = MAX_SECONDS) -> Reading:
    """The words of the document `data` named `name` (PDF, .docx, .odt or HTML)."""
    if len(data) > MAX_BYTES:
        return Reading(problem=f"the file is larger than {MAX_BYTES >> 20} MB")
    kind = kind_of(name, data)
    if not kind:
        return Reading(problem="not a PDF, Word (.docx), OpenDocument (.odt) or HTML file")
    try:
        text = clean(KINDS[kind](data, _Deadline(seconds)))
    except Exception as exc:  # noqa: BLE001 (a hostile file may raise anything)
        logger.info("%s text not read: %s", kind, exc)
        return Reading(
            problem=f"the {kind} file could not be read ({type(exc).__name__}: {exc})"[:300]
        )
    return Reading(text=text)


def pdf_text(data: bytes) -> str | None:
    """The text of a PDF's pages, whitespace collapsed; None when the file cannot be read
    (damaged, encrypted, or not a PDF). A scanned PDF with no text layer gives ""."""
    if not data.startswith(b"%PDF"):
        return None
    reading = read_text("paper.pdf", data)
    return None if reading.unreadable else reading.text
