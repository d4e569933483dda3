"""Every public list of the API also as CSV and Excel (`?format=csv`, `?format=xlsx`), with the
filters applied: one row per record, nested values flattened. CSV goes through the CSV-safe
writer (no cell read as a formula), and Excel cells are made safe the same way."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from typing import Any

from rest_framework import renderers

from pcplan.lib import spreadsheet

EXPORT_FORMATS = ("csv", "xlsx")
# An export is one file, not a page: it has all the rows the filters leave, up to this many.
EXPORT_MAX_ROWS = 10_000


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


def table(data: Any) -> list[list[Any]]:
    records = _records(data)
    if not records:
        return []
    header = list(records[0].keys())
    return [header] + [[_cell(record.get(name)) for name in header] for record in records]


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
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        for row in table(data):
            sheet.append([spreadsheet.csv_safe(cell) for cell in row])
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()
