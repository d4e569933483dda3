"""Every public list of the API also as CSV and Excel (`?format=csv`, `?format=xlsx`), with the
filters applied: one row per record, nested values flattened. The files are written by the one
download writer (pcplan.core.exports): the CSV streamed with every row, in constant memory;
the Excel file with every row up to exports.XLSX_MAX_ROWS, a longer list refused with its
count and the CSV's address. No file is ever cut short without a word.

The renderers below are what `?format=` chooses, and write what is not a list (a record, an
error) as a table of one row."""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from django.db.models import QuerySet
from django.http.response import HttpResponseBase
from rest_framework import exceptions, renderers
from rest_framework.request import Request

from pcplan.core import exports
from pcplan.lib import spreadsheet

EXPORT_FORMATS = ("csv", "xlsx")


def _records(data: Any) -> list[Mapping[str, Any]]:
    if isinstance(data, Mapping):
        if "results" in data:
            return list(data["results"])
        if "error" in data:
            return [data["error"]]
        return [data]
    return list(data or [])


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(_cell(item)) for item in value)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _flattened(header: Sequence[str], records: Iterable[Mapping[str, Any]]) -> Iterator[list[Any]]:
    for record in records:
        yield [_cell(record.get(name)) for name in header]


def table(data: Any) -> list[list[Any]]:
    records = _records(data)
    if not records:
        return []
    header = list(records[0].keys())
    return [header, *_flattened(header, records)]


class CSVRenderer(renderers.BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        out = io.StringIO()
        write = spreadsheet.writer(out)
        for row in table(data):
            write.writerow(row)
        return out.getvalue().encode("utf-8-sig")


class XLSXRenderer(renderers.BaseRenderer):
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    format = "xlsx"
    charset = None
    render_style = "binary"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        rows = table(data)
        out = io.BytesIO()
        exports.write_xlsx(rows[0] if rows else [], rows[1:], "Sheet", out)
        return out.getvalue()


# Lists ----------------------------------------------------------------------------------


class TooManyRows(exceptions.APIException):
    """422: an Excel file of more rows than it may hold was asked for."""

    status_code = 422
    default_code = "too_many_rows"


Serialize = Callable[[list[Any]], Iterable[Mapping[str, Any]]]


def _serialized(records: QuerySet[Any], serialize: Serialize) -> Iterator[Mapping[str, Any]]:
    """Each record as the list's serializer gives it, exports.CHUNK_ROWS at a time: the
    queryset's prefetches are made once per chunk, and no more than a chunk is held."""
    chunk: list[Any] = []
    for record in exports.each_record(records):
        chunk.append(record)
        if len(chunk) == exports.CHUNK_ROWS:
            yield from serialize(chunk)
            chunk = []
    if chunk:
        yield from serialize(chunk)


def export(
    request: Request,
    fmt: str,
    records: QuerySet[Any],
    serialize: Serialize,
    *,
    fields: Sequence[str],
    name: str,
) -> HttpResponseBase:
    """Every record of the filtered list as a CSV (streamed) or Excel file named `name`; the
    columns are the serializer's `fields` (the names of a list page's JSON)."""
    if fmt == exports.XLSX:
        count = records.count()
        if count > exports.XLSX_MAX_ROWS:
            raise TooManyRows(
                exports.too_many_rows_message(count)
                + " "
                + request.build_absolute_uri(exports.csv_url_of(request._request))
            )
    serialized = _serialized(records, serialize)
    first = next(serialized, None)
    header = list(first.keys()) if first is not None else list(fields)
    rows = _flattened(header, itertools.chain([first] if first is not None else [], serialized))
    filename = f"{name}.{fmt}"
    if fmt == exports.CSV:
        return exports.csv_response(header, rows, filename)
    try:
        spool = exports.xlsx_file(header, rows, name)
    except exports.TooManyRows as refused:  # rows added since they were counted
        raise TooManyRows(exports.too_many_rows_message(refused.count)) from refused
    return exports.xlsx_response(spool, filename)
