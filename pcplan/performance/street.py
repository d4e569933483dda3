"""A force's street-level crimes, read once for the dashboard and the trends alike.

The dashboard sums the street-level aggregates by month and crime type, then by last outcome
category; the trends by month, district and crime type, then by crime type and outcome. Each
was a grouped query of the same rows of the force: four reads of them for one force's
figures (0.27 s of the 0.42 s a force's figures took after a national import,
docs/PERFORMANCE.md). One grouped query by all four columns gives each of those sums, added
up here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Sum

from pcplan.performance.models import PoliceMonthlyCrime


class StreetRow(NamedTuple):
    month: dt.date
    district: str
    crime_type: str
    last_outcome_category: str
    n: int


@dataclass(frozen=True)
class StreetTotals:
    """Street-level crimes of one force by month, district, crime type and last outcome."""

    force: str
    rows: list[StreetRow]

    def of(self, districts: list[str] | None) -> Iterator[StreetRow]:
        """The rows of the `districts` (a CSP area's); None: the whole force."""
        if districts is None:
            yield from self.rows
            return
        chosen = set(districts)
        yield from (r for r in self.rows if r.district in chosen)


def street_totals(force: str) -> StreetTotals:
    """One grouped query of the force's street-level aggregates."""
    rows = (
        PoliceMonthlyCrime.objects.filter(force=force)
        .values_list("month", "district", "crime_type", "last_outcome_category")
        .annotate(n=Sum("count"))
        .order_by()
    )
    return StreetTotals(force, list(map(StreetRow._make, rows)))
