"""Resident populations uploaded as CSV or Excel, for rates per 1,000 residents and stop and
search disproportionality: every row checked, then all saved or none.

Columns (first row, any order, case-insensitive): Area (a CSP area of the office profile, or a
force's data.police.uk id for the whole force area), Group (blank for all residents, or an
officer-defined ethnicity: Asian, Black, Mixed, Other, White), Population, Source, Year.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _

from pcplan.core.office import csp_areas, force_choices
from pcplan.performance.uploads import MAX_ROWS, UploadError, filled_rows, read_rows

COLUMNS = ("area", "group", "population", "source", "year")
GROUPS = ("", "Asian", "Black", "Mixed", "Other", "White")


def profile_areas() -> list[str]:
    """What the Area column may name: the profile's CSP areas, then its forces' ids."""
    return [*csp_areas(), *(force for force, _ in force_choices())]


@dataclass(frozen=True)
class UploadedPopulation:
    row: int
    area: str
    group: str
    population: int
    source: str
    year: int


def _whole(text: str) -> int | None:
    cleaned = text.replace(",", "").strip()
    if cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    return int(cleaned) if cleaned.isdigit() else None


def parse(name: str, stream: IO[bytes], areas: Collection[str]) -> list[UploadedPopulation]:
    filled = filled_rows(read_rows(name, stream))
    rows = filled.rows
    if not rows:
        raise UploadError([_("%(name)s is empty") % {"name": name}])
    header = [str(c or "").strip().lower() for c in rows[0]]
    missing = [c.capitalize() for c in COLUMNS if c not in header]
    if missing:
        raise UploadError(
            [
                _("Row 1: the columns %(missing)s are missing (expected %(expected)s)")
                % {
                    "missing": ", ".join(missing),
                    "expected": ", ".join(c.capitalize() for c in COLUMNS),
                }
            ]
        )
    if len(rows) - 1 > MAX_ROWS:
        raise UploadError(
            [_("%(name)s has more than %(max)s rows") % {"name": name, "max": MAX_ROWS}]
        )
    where = {c: header.index(c) for c in COLUMNS}
    problems: list[str] = []
    result: list[UploadedPopulation] = []
    seen: dict[tuple[str, str], int] = {}
    for number, row in filled.body():
        cell = {
            c: str(row[i] if i < len(row) and row[i] is not None else "").strip()
            for c, i in where.items()
        }
        if cell["area"] not in areas:
            problems.append(
                _("Row %(row)s, column Area: enter one of %(areas)s")
                % {"row": number, "areas": ", ".join(areas)}
            )
            continue
        if cell["group"] not in GROUPS:
            problems.append(
                _(
                    "Row %(row)s, column Group: enter Asian, Black, Mixed, Other or White, "
                    "or leave it blank for all residents"
                )
                % {"row": number}
            )
            continue
        population = _whole(cell["population"])
        if not population:
            problems.append(
                _("Row %(row)s, column Population: enter a whole number of residents")
                % {"row": number}
            )
            continue
        year = _whole(cell["year"])
        if year is None or not 1800 <= year <= 2200:
            problems.append(
                _("Row %(row)s, column Year: enter a year such as 2021") % {"row": number}
            )
            continue
        if not cell["source"]:
            problems.append(_("Row %(row)s, column Source: this cannot be blank") % {"row": number})
            continue
        key = (cell["area"], cell["group"])
        if key in seen:
            problems.append(
                _("Row %(row)s: the same area and group as row %(other)s")
                % {"row": number, "other": seen[key]}
            )
            continue
        seen[key] = number
        result.append(
            UploadedPopulation(
                number, cell["area"], cell["group"], population, cell["source"][:300], year
            )
        )
    if problems:
        raise UploadError(problems)
    return result
