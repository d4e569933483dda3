"""Every public list page also downloads as CSV and Excel, with its filters applied (issue 14
item 3): one way to do it.

A list names its columns once (`Column`: a heading and how to read the cell from a row);
`download` writes the rows as a CSV or Excel file through the CSV-safe writer, so no cell is
read as a formula (pcplan.lib.spreadsheet). The page links to `<list URL>.csv` and `.xlsx`
with its query string (the `export_links` template tag), so the file has the rows the page's
filters leave. The list's view passes the same queryset it shows, never a wider one: a public
list's file holds published records only; a staff list's file may hold drafts, each marked in a
"Published" column (`published_column`).

A file holds every row the filters leave, never a silently cut list (docs/DECISIONS.md,
"Downloads hold every row"): the CSV is streamed as it is read, CHUNK_ROWS records at a time,
in constant memory; the Excel file is written row by row (openpyxl's write-only mode) to a
temporary file and sent from there, up to XLSX_MAX_ROWS rows; a longer list is refused with
its count and a link to the CSV, which has no limit.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import io
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any, Generic, TypeVar

from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import register_converter
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, ngettext

from pcplan.lib.spreadsheet import csv_safe, writer

T = TypeVar("T")

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A download is one file, not a page: all the rows the filters leave. Records are read from
# the database this many at a time (each chunk with its own prefetches), so memory stays
# constant and the queries grow by a fixed number per chunk, never per row.
CHUNK_ROWS = 2_000
# An Excel file holds at most this many rows (measured: docs/DECISIONS.md); a longer list is
# refused with its count, and its CSV offered, which streams any number.
XLSX_MAX_ROWS = 100_000
# CSV lines sent together, so a long file is not sent a line at a time.
LINES_PER_WRITE = 200


class FormatConverter:
    """`<export:fmt>` in a URL: csv or xlsx."""

    regex = "csv|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        if value not in FORMATS:
            raise ValueError(value)
        return value


register_converter(FormatConverter, "export")


@dataclass(frozen=True)
class Column(Generic[T]):
    heading: str | Promise
    value: Callable[[T], Any]


def published_column(is_public: Callable[[T], bool]) -> Column[T]:
    """A staff download holds drafts too: this column says which rows the public sees."""
    return Column(
        gettext_lazy("Published"),
        lambda record: gettext("Yes") if is_public(record) else gettext("No (draft)"),
    )


def _plain(value: Any) -> Any:
    """A cell a spreadsheet reads as the value it is: dates as dates, amounts as numbers."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float, Decimal, dt.date)):
        return value
    return str(value)


def rows_of(columns: Sequence[Column[T]], records: Iterable[T]) -> Iterable[list[Any]]:
    for record in records:
        yield [_plain(column.value(record)) for column in columns]


def each_record(records: Iterable[T]) -> Iterator[T]:
    """The records one by one: a queryset read CHUNK_ROWS rows at a time (its prefetches
    made per chunk), never all held at once."""
    if isinstance(records, QuerySet):
        return records.iterator(chunk_size=CHUNK_ROWS)
    return iter(records)


class _Line:
    """A stream whose `write` hands back what it was given: csv writes one line into it."""

    def write(self, text: str) -> str:
        return text


def csv_lines(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """A CSV file as it is written, header first: UTF-8 with a byte order mark (so that
    Excel reads the pound sign and accents), every cell through the formula guard."""
    out = writer(_Line())
    yield codecs.BOM_UTF8 + str(out.writerow([str(cell) for cell in header])).encode()
    lines: list[str] = []
    for row in rows:
        lines.append(out.writerow(row))
        if len(lines) == LINES_PER_WRITE:
            yield "".join(lines).encode()
            lines = []
    if lines:
        yield "".join(lines).encode()


class TooManyRows(Exception):
    """More rows than an Excel download holds: `count` of them (None when not counted)."""

    def __init__(self, count: int | None) -> None:
        super().__init__(count)
        self.count = count


def write_xlsx(
    header: Sequence[Any], rows: Iterable[Sequence[Any]], sheet: str, out: IO[bytes]
) -> None:
    """An Excel workbook of one sheet into `out`, row by row (openpyxl's write-only mode holds
    no row in memory), each cell through the same formula guard as the CSV. Raises
    TooManyRows past XLSX_MAX_ROWS rows, before anything is written to `out`."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    # Excel refuses sheet titles over 31 characters or with []:*?/\
    title = "".join(ch for ch in sheet if ch not in "[]:*?/\\")[:31] or "Sheet"
    out_sheet = book.create_sheet(title)
    out_sheet.append([str(cell) for cell in header])
    for n, row in enumerate(rows, start=1):
        if n > XLSX_MAX_ROWS:
            # Finish the sheet's temporary file and remove it before refusing.
            with contextlib.suppress(Exception):
                out_sheet.close()
                out_sheet._writer.cleanup()
            raise TooManyRows(None)
        # A text starting with "=" stays text.
        out_sheet.append([csv_safe(cell) for cell in row])
    book.save(out)


def _headings(columns: Sequence[Column[T]]) -> list[str]:
    return [str(c.heading) for c in columns]


def as_csv(columns: Sequence[Column[T]], records: Iterable[T]) -> bytes:
    return b"".join(csv_lines(_headings(columns), rows_of(columns, each_record(records))))


def as_xlsx(columns: Sequence[Column[T]], records: Iterable[T], sheet: str) -> bytes:
    out = io.BytesIO()
    write_xlsx(_headings(columns), rows_of(columns, each_record(records)), sheet, out)
    return out.getvalue()


def too_many_rows_message(count: int | None) -> str:
    if count is None:
        return gettext(
            "This list has more than %(max)s rows, more than an Excel download holds. "
            "Download it as CSV, which holds every row, or filter the list."
        ) % {"max": f"{XLSX_MAX_ROWS:,}"}
    return ngettext(
        "This list has %(count)s row, more than the %(max)s an Excel download holds. "
        "Download it as CSV, which holds every row, or filter the list.",
        "This list has %(count)s rows, more than the %(max)s an Excel download holds. "
        "Download it as CSV, which holds every row, or filter the list.",
        count,
    ) % {"count": f"{count:,}", "max": f"{XLSX_MAX_ROWS:,}"}


def csv_url_of(request: HttpRequest) -> str:
    """The CSV of the same list, the same filters: this `.xlsx` URL with `.csv`, or the API's
    `?format=xlsx` with `format=csv`."""
    path = request.path
    if path.endswith("." + XLSX):
        path = path[: -len(XLSX)] + CSV
    query = request.META.get("QUERY_STRING", "").replace(f"format={XLSX}", f"format={CSV}")
    return f"{path}?{query}" if query else path


# 422: the request is understood and allowed, but this list is too long for the format asked.
TOO_MANY_ROWS_STATUS = 422


def _too_many_rows(request: HttpRequest, count: int | None) -> HttpResponse:
    return render(
        request,
        "core/download_too_long.html",
        {"message": too_many_rows_message(count), "csv_url": csv_url_of(request)},
        status=TOO_MANY_ROWS_STATUS,
    )


def xlsx_file(header: Sequence[Any], rows: Iterable[Sequence[Any]], sheet: str) -> IO[bytes]:
    """The workbook written to a temporary file (removed when closed), read from its start.
    Raises TooManyRows as `write_xlsx`."""
    spool = tempfile.TemporaryFile()  # closed by the response that sends it
    try:
        write_xlsx(header, rows, sheet, spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def csv_response(
    header: Sequence[Any], rows: Iterable[Sequence[Any]], filename: str
) -> StreamingHttpResponse:
    """The CSV of `rows` streamed as the attachment `filename` (`csv_lines`)."""
    response = StreamingHttpResponse(csv_lines(header, rows), content_type=CONTENT_TYPES[CSV])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(spool: IO[bytes], filename: str) -> FileResponse:
    """A workbook written by `xlsx_file`, sent as the attachment `filename`."""
    return FileResponse(
        spool, as_attachment=True, filename=filename, content_type=CONTENT_TYPES[XLSX]
    )


def attachment_name(name: str, fmt: str) -> str:
    return f"{name}-{timezone.localdate():%Y-%m-%d}.{fmt}"


def download(
    request: HttpRequest,
    fmt: str,
    columns: Sequence[Column[T]],
    records: Iterable[T],
    *,
    name: str,
    sheet: str | Promise,
) -> HttpResponseBase:
    """`records` as a CSV or Excel file named `<name>-<today>.<fmt>`, every one of them: the
    CSV streamed; the Excel file, or, past XLSX_MAX_ROWS, a page saying how many rows there
    are and linking to the CSV."""
    filename = attachment_name(name, fmt)
    if fmt == CSV:
        return csv_response(_headings(columns), rows_of(columns, each_record(records)), filename)
    if fmt != XLSX:
        raise Http404(gettext("Downloads are CSV or Excel (xlsx)."))
    if isinstance(records, QuerySet):
        count = records.count()
        if count > XLSX_MAX_ROWS:
            return _too_many_rows(request, count)
    try:
        spool = xlsx_file(_headings(columns), rows_of(columns, each_record(records)), str(sheet))
    except TooManyRows as refused:
        return _too_many_rows(request, refused.count)
    return xlsx_response(spool, filename)
