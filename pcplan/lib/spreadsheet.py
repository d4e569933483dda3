"""CSV that a spreadsheet opens as data, never as a formula (OWASP "CSV Injection").

A text cell starting with =, +, -, @, tab or carriage return is read by Excel and LibreOffice
as a formula, which can fetch a URL or run a command when the file is opened. Such cells are
prefixed with a single quote. Numbers are left alone: -3 is a value, not a formula, and the
prefix would turn it into text. Plain Python; every CSV pcplan writes goes through `writer`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

T = TypeVar("T")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def csv_safe(cell: T) -> T | str:
    """`cell`, with a leading ' if it is text a spreadsheet would take as a formula."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


class SafeWriter:
    """csv.writer whose rows are made safe cell by cell."""

    def __init__(self, stream: _Writable) -> None:
        self._writer = csv.writer(stream)

    def writerow(self, row: Iterable[Any]) -> Any:
        """Writes the row; returns what the stream's `write` returned (a streamed download
        hands the line on: pcplan.core.exports)."""
        return self._writer.writerow([csv_safe(cell) for cell in row])


def writer(stream: _Writable) -> SafeWriter:
    return SafeWriter(stream)
