"""Observations uploaded as CSV or Excel: read, check every row, then save all or nothing.

Columns (first row, any order, case-insensitive): Granularity (month, quarter or year),
Period start (a date: 2024-01-01, or 2024-01 for a month), Value, and optionally Area (one of
the office profile's Community Safety Partnerships, given by the caller; blank for the whole
force area). Each period and value passes the same limits as the form (limits.py).
No Django here beyond translation and the upload size setting.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.utils.translation import gettext as _

from pcplan.performance.limits import period_problem, value_problem

GRANULARITIES = ("month", "quarter", "year")
REQUIRED = ("granularity", "period start", "value")
OPTIONAL = ("area",)
MAX_ROWS = 10_000
MAX_COLUMNS = 50
# An xlsx is a zip of XML. Real workbooks inflate to some tens of times their size; a bomb
# (one repeated row) to thousands. Both limits are checked on the zip's directory, before
# openpyxl inflates anything.
MAX_COMPRESSION_RATIO = 100
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024


class UploadError(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class UploadedObservation:
    row: int
    granularity: str
    period_start: dt.date
    value: Decimal
    area: str


def max_upload_bytes() -> int:
    from django.conf import settings

    return int(settings.PCPLAN_MAX_UPLOAD_BYTES)


def _size(stream: IO[bytes]) -> int:
    """The size of an upload without reading it (Django's files know it; others seek)."""
    size = getattr(stream, "size", None)
    if isinstance(size, int):
        return size
    position = stream.tell()
    end = stream.seek(0, io.SEEK_END)
    stream.seek(position)
    return end


def _check_size(name: str, stream: IO[bytes]) -> None:
    limit = max_upload_bytes()
    if _size(stream) > limit:
        raise UploadError(
            [_("%(name)s is larger than %(limit)s MB") % {"name": name, "limit": _mb(limit)}]
        )


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g}"


def _check_zip(name: str, stream: IO[bytes]) -> None:
    """Refuse a workbook that would inflate far beyond its size, from the zip's directory."""
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        message = _("%(name)s could not be read as an Excel workbook") % {"name": name}
        raise UploadError([message]) from None
    finally:
        stream.seek(0)
    uncompressed = sum(m.file_size for m in members)
    compressed = max(sum(m.compress_size for m in members), 1)
    if uncompressed > MAX_UNCOMPRESSED_BYTES or uncompressed > MAX_COMPRESSION_RATIO * compressed:
        raise UploadError(
            [
                _(
                    "%(name)s would take %(size)s MB once uncompressed, far more than a "
                    "spreadsheet of observations needs; it has not been read"
                )
                % {"name": name, "size": _mb(uncompressed)}
            ]
        )


def _xlsx_rows(name: str, stream: IO[bytes], max_rows: int | None = None) -> list[list[Any]]:
    from openpyxl import load_workbook

    limit = MAX_ROWS if max_rows is None else max_rows

    _check_zip(name, stream)
    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        raise UploadError([f"{name} could not be read as an Excel workbook ({exc})"]) from None
    sheet = workbook.worksheets[0]
    # Sheet rows read before refusing, blank rows included (a sheet may format rows it leaves
    # empty); parse() then holds the rows with data to MAX_ROWS (or the caller's `max_rows`).
    sheet_rows = 2 * limit
    too_many_rows = UploadError(
        [_("%(name)s has more than %(max)s rows") % {"name": name, "max": f"{limit:,}"}]
    )
    rows: list[list[Any]] = []
    try:
        if (sheet.max_row or 0) > sheet_rows:  # declared by the <dimension> tag
            raise too_many_rows
        # Read-only mode trusts the sheet's <dimension> tag, which a program writing the file
        # may understate: forget it and read every row there is, up to the limits.
        sheet.reset_dimensions()
        for row in sheet.iter_rows(values_only=True):
            if len(rows) >= sheet_rows:
                raise too_many_rows
            cells = list(row)
            while cells and cells[-1] in (None, ""):
                cells.pop()
            if len(cells) > MAX_COLUMNS:
                raise UploadError(
                    [
                        _("Row %(row)s: %(name)s has more than %(max)s columns")
                        % {"row": len(rows) + 1, "name": name, "max": MAX_COLUMNS}
                    ]
                )
            rows.append(cells)
    finally:
        workbook.close()
    return rows


def read_rows(name: str, stream: IO[bytes], max_rows: int | None = None) -> list[list[Any]]:
    """The rows of a CSV or of an Excel file's first sheet, read in openpyxl's read-only
    (streaming) mode. An Excel sheet is refused past twice `max_rows` rows, blank ones
    included (MAX_ROWS unless the caller, such as the survey import, allows more)."""
    _check_size(name, stream)
    if name.lower().endswith(".xlsx"):
        return _xlsx_rows(name, stream, max_rows)
    if name.lower().endswith(".csv"):
        try:
            text = stream.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UploadError([f"{name} is not UTF-8 text; save it as CSV UTF-8"]) from None
        return list(csv.reader(io.StringIO(text)))  # each row is a new list already
    raise UploadError([f"{name} is not a .csv or .xlsx file"])


@dataclass(frozen=True)
class FileRows:
    """The rows of a file that hold something, header first, each with its number in the
    file: the row a spreadsheet program shows, blank rows counted. Every importer reading
    through `read_rows` names a problem's row from `numbers`, never by counting the rows it
    kept (which named the wrong row after a blank line)."""

    rows: list[list[Any]]
    numbers: Sequence[int]  # rows[i] is row numbers[i] of the file

    def __bool__(self) -> bool:
        return bool(self.rows)

    def body(self) -> Iterator[tuple[int, list[Any]]]:
        """The rows under the header, each with its number in the file."""
        return zip(self.numbers[1:], self.rows[1:], strict=True)


def _holds_something(row: Sequence[Any]) -> bool:
    # A row of text cells (every CSV row) is settled by C loops; only a sheet's row of other
    # values is looked at cell by cell (0 is something; None or spaces are not).
    try:
        return any(map(str.strip, row))
    except TypeError:
        return any(c is not None and str(c).strip() for c in row)


def filled_rows(rows: list[list[Any]]) -> FileRows:
    """The rows of `read_rows` that hold something, numbered as the file numbers them."""
    kept = [i for i, row in enumerate(rows) if _holds_something(row)]
    if len(kept) == len(rows):
        return FileRows(rows, range(1, len(rows) + 1))
    return FileRows([rows[i] for i in kept], [i + 1 for i in kept])


def _period_start(value: Any, granularity: str) -> dt.date:
    if isinstance(value, dt.datetime):
        start = value.date()
    elif isinstance(value, dt.date):
        start = value
    else:
        text = str(value or "").strip()
        if len(text) == 7:
            text += "-01"
        start = dt.date.fromisoformat(text)
    if granularity == "month" and start.day != 1:
        raise ValueError("a month starts on its first day")
    return start


def parse(
    name: str, stream: IO[bytes], areas: Collection[str] = (), today: dt.date | None = None
) -> list[UploadedObservation]:
    today = today or dt.date.today()
    filled = filled_rows(read_rows(name, stream))
    rows = filled.rows
    if not rows:
        raise UploadError([f"{name} is empty"])
    header = [str(c or "").strip().lower() for c in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        expected = ", ".join(c.capitalize() for c in REQUIRED + OPTIONAL)
        raise UploadError(
            [
                f"Row 1: the columns {', '.join(m.capitalize() for m in missing)} are missing "
                f"(expected {expected})"
            ]
        )
    if len(rows) - 1 > MAX_ROWS:
        raise UploadError([f"{name} has more than {MAX_ROWS:,} rows"])
    where = {c: header.index(c) for c in REQUIRED + OPTIONAL if c in header}
    problems: list[str] = []
    result: list[UploadedObservation] = []
    seen: dict[tuple[str, dt.date, str], int] = {}
    for number, row in filled.body():
        cells = {c: (row[i] if i < len(row) else None) for c, i in where.items()}
        granularity = str(cells["granularity"] or "").strip().lower()
        if granularity not in GRANULARITIES:
            problems.append(f"Row {number}, column Granularity: enter month, quarter or year")
            continue
        try:
            start = _period_start(cells["period start"], granularity)
        except ValueError:
            problems.append(
                f"Row {number}, column Period start: enter a date such as 2024-01-01 "
                "(or 2024-01 for a month)"
            )
            continue
        if problem := period_problem(start, today):
            problems.append(f"Row {number}, column Period start: {problem}")
            continue
        try:
            value = Decimal(str(cells["value"]).strip().replace(",", ""))
        except (InvalidOperation, ValueError):
            value = Decimal("NaN")
        if problem := value_problem(value):
            problems.append(f"Row {number}, column Value: {problem}")
            continue
        area = str(cells.get("area") or "").strip()
        if area and area not in areas:
            known = f"one of {', '.join(areas)}, or leave it" if areas else "nothing: leave it"
            problems.append(
                f"Row {number}, column Area: enter {known} blank for the whole force area"
            )
            continue
        key = (granularity, start, area)
        if key in seen:
            problems.append(f"Row {number}: the same period and area as row {seen[key]}")
            continue
        seen[key] = number
        result.append(UploadedObservation(number, granularity, start, value, area))
    if problems:
        raise UploadError(problems)
    return result
