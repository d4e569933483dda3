"""Published figures (and baselines) uploaded as CSV or Excel: every row checked, then all
saved or none. Re-importing the same file changes nothing.

Columns (first row, any order, case-insensitive): Period (its name: "Year ending June 2019"),
Period start, Period end (dates: 2018-07-01), Value, Source (who published it, which table),
Source date (when it was published); optionally Area (a CSP area of the profile, blank for the
whole force area), Source address (a web address), Baseline ("yes" for the figure that is the
measure's baseline) and Note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from pcplan.performance.limits import period_problem, value_problem
from pcplan.performance.uploads import MAX_ROWS, UploadError, filled_rows, read_rows

REQUIRED = ("period", "period start", "period end", "value", "source", "source date")
OPTIONAL = ("area", "source address", "baseline", "note")
YES = {"yes", "y", "true", "1", "baseline"}
NO = {"", "no", "n", "false", "0"}


@dataclass(frozen=True)
class UploadedFigure:
    row: int
    period_label: str
    period_start: dt.date
    period_end: dt.date
    value: Decimal
    source: str
    source_date: dt.date
    area: str = ""
    source_url: str = ""
    is_baseline: bool = False
    note: str = ""


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value or "").strip())


def _row(number: int, cells: dict[str, Any], areas: Collection[str]) -> UploadedFigure | str:
    """The figure of one row, or what is wrong with it."""

    def text(column: str) -> str:
        return str(cells.get(column) or "").strip()

    dates: dict[str, dt.date] = {}
    for column in ("period start", "period end", "source date"):
        try:
            dates[column] = _date(cells.get(column))
        except ValueError:
            return _("Row %(row)s, column %(column)s: enter a date such as 2019-06-30") % {
                "row": number,
                "column": column.capitalize(),
            }
    today = timezone.localdate()
    for column, date in dates.items():
        # The same limits as the form's and the observations': no year 9999 stored.
        if problem := period_problem(date, today):
            return _("Row %(row)s, column %(column)s: %(problem)s") % {
                "row": number,
                "column": column.capitalize(),
                "problem": problem,
            }
    if dates["period end"] < dates["period start"]:
        return _("Row %(row)s, column Period end: the period ends before it starts") % {
            "row": number
        }
    try:
        value = Decimal(text("value").replace(",", ""))
    except InvalidOperation:
        value = Decimal("NaN")
    if problem := value_problem(value):
        return _("Row %(row)s, column Value: %(problem)s") % {"row": number, "problem": problem}
    for column in ("period", "source"):
        if not text(column):
            return _("Row %(row)s, column %(column)s: this cannot be blank") % {
                "row": number,
                "column": column.capitalize(),
            }
    area = text("area")
    if area and area not in areas:
        return _(
            "Row %(row)s, column Area: enter one of %(areas)s, or leave it blank for the "
            "whole force area"
        ) % {"row": number, "areas": ", ".join(areas) or _("(no areas in the profile)")}
    url = text("source address")
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            return _("Row %(row)s, column Source address: enter a web address") % {"row": number}
    baseline = text("baseline").lower()
    if baseline not in YES | NO:
        return _("Row %(row)s, column Baseline: enter yes or leave it blank") % {"row": number}
    return UploadedFigure(
        row=number,
        period_label=text("period")[:100],
        period_start=dates["period start"],
        period_end=dates["period end"],
        value=value,
        source=text("source")[:300],
        source_date=dates["source date"],
        area=area,
        source_url=url,
        is_baseline=baseline in YES,
        note=text("note")[:300],
    )


def parse(name: str, stream: IO[bytes], areas: Collection[str] = ()) -> list[UploadedFigure]:
    filled = filled_rows(read_rows(name, stream))
    rows = filled.rows
    if not rows:
        raise UploadError([_("%(name)s is empty") % {"name": name}])
    header = [str(c or "").strip().lower() for c in rows[0]]
    missing = [c.capitalize() for c in REQUIRED if c not in header]
    if missing:
        raise UploadError(
            [
                _("Row 1: the columns %(missing)s are missing (expected %(expected)s)")
                % {
                    "missing": ", ".join(missing),
                    "expected": ", ".join(c.capitalize() for c in REQUIRED + OPTIONAL),
                }
            ]
        )
    if len(rows) - 1 > MAX_ROWS:
        raise UploadError(
            [_("%(name)s has more than %(max)s rows") % {"name": name, "max": MAX_ROWS}]
        )
    where = {c: header.index(c) for c in REQUIRED + OPTIONAL if c in header}
    problems: list[str] = []
    figures: list[UploadedFigure] = []
    seen: dict[tuple[str, dt.date, dt.date], int] = {}
    baselines: dict[str, int] = {}
    for number, row in filled.body():
        cells = {c: (row[i] if i < len(row) else None) for c, i in where.items()}
        result = _row(number, cells, areas)
        if isinstance(result, str):
            problems.append(result)
            continue
        key = (result.area, result.period_start, result.period_end)
        if key in seen:
            problems.append(
                _("Row %(row)s: the same period and area as row %(other)s")
                % {"row": number, "other": seen[key]}
            )
            continue
        seen[key] = number
        if result.is_baseline:
            if result.area in baselines:
                problems.append(
                    _(
                        "Row %(row)s, column Baseline: row %(other)s is already the baseline "
                        "for %(area)s"
                    )
                    % {
                        "row": number,
                        "other": baselines[result.area],
                        "area": result.area or _("the whole force area"),
                    }
                )
                continue
            baselines[result.area] = number
        figures.append(result)
    if problems:
        raise UploadError(problems)
    return figures
