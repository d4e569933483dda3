"""Every public list page also downloads as CSV and Excel, with its filters applied (issue 14
item 3): one way to do it.

A list names its columns once (`Column`: a heading and how to read the cell from a row);
`download` writes the rows as a CSV or Excel file through the CSV-safe writer, so no cell is
read as a formula (pcplan.lib.spreadsheet). The page links to `<list URL>.csv` and `.xlsx`
with its query string (the `export_links` template tag), so the file has the rows the page's
filters leave. The list's view passes the same queryset it shows, never a wider one: a public
list's file holds published records only; a staff list's file may hold drafts, each marked in a
"Published" column (`published_column`).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.urls import register_converter
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy

from pcplan.lib.spreadsheet import csv_safe, writer

T = TypeVar("T")

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A download is one file, not a page: all the rows the filters leave, up to this many.
MAX_ROWS = 10_000


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


def _records(records: Iterable[T]) -> Iterable[T]:
    if isinstance(records, QuerySet):
        return records[:MAX_ROWS]
    return list(records)[:MAX_ROWS]


def as_csv(columns: Sequence[Column[T]], records: Iterable[T]) -> bytes:
    out = io.StringIO()
    csv_out = writer(out)
    csv_out.writerow([str(c.heading) for c in columns])
    for row in rows_of(columns, _records(records)):
        csv_out.writerow(row)
    # With a byte order mark, so that Excel reads the pound sign and accents as UTF-8.
    return out.getvalue().encode("utf-8-sig")


def as_xlsx(columns: Sequence[Column[T]], records: Iterable[T], sheet: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    # Excel refuses sheet titles over 31 characters or with []:*?/\
    title = "".join(ch for ch in sheet if ch not in "[]:*?/\\")[:31] or "Sheet"
    out_sheet = book.create_sheet(title)
    out_sheet.append([str(c.heading) for c in columns])
    for row in rows_of(columns, _records(records)):
        # Same formula guard as the CSV: a text starting with "=" stays text.
        out_sheet.append([csv_safe(cell) for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def download(
    fmt: str,
    columns: Sequence[Column[T]],
    records: Iterable[T],
    *,
    name: str,
    sheet: str | Promise,
) -> HttpResponse:
    """`records` as a CSV or Excel file named `<name>-<today>.<fmt>`."""
    if fmt == CSV:
        content = as_csv(columns, records)
    elif fmt == XLSX:
        content = as_xlsx(columns, records, str(sheet))
    else:
        raise Http404(gettext("Downloads are CSV or Excel (xlsx)."))
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
