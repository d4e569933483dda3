"""The words of a stored document, for search (issue 14 item 4: "documents' text"): read once,
when the file is stored, never on a search.

PDF through pypdf (already used for the agenda packs); a file it cannot read gives None, and
the caller stores the file all the same and says so.
"""

from __future__ import annotations

import io
import logging
import re

logger = logging.getLogger(__name__)

# Enough for any paper's words; a longer text is cut, not refused.
MAX_CHARACTERS = 1_000_000


def pdf_text(data: bytes) -> str | None:
    """The text of a PDF's pages, whitespace collapsed; None when the file cannot be read
    (damaged, encrypted, or not a PDF). A scanned PDF with no text layer gives ""."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return None
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, TypeError, KeyError, OSError, RecursionError) as exc:
        logger.info("PDF text not read: %s", exc)
        return None
    return re.sub(r"\s+", " ", " ".join(pages)).strip()[:MAX_CHARACTERS]
