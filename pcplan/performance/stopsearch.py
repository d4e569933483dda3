"""Stop and search figures from the monthly aggregates: by month, object of search, outcome,
find rate, and by officer-defined and self-defined ethnicity with disproportionality.

Definitions (docs/DECISIONS.md, "Measures (issue 16)"):
- a *find* is a search whose outcome was not "A no further action disposal" and whose
  outcome is recorded as linked to the object of search ("True" in the published column);
- the *find rate* is finds as a per cent of all searches;
- a search's *area* is the CSP area (office profile) covering the district it was placed in at
  import (pcplan.performance.police: the nearest street-crime map point of its force);
- *disproportionality* compares the rate of searches per 1,000 residents of an officer-
  defined ethnic group with that of White residents, where the populations are recorded.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from pcplan.core.dates import month_year
from pcplan.performance import rules
from pcplan.performance.models import AreaPopulation, PoliceMonthlyStopSearch

NO_FURTHER_ACTION = "A no further action disposal"
COMPARISON_GROUP = "White"
NOT_RECORDED = "Not recorded"


def is_find(outcome: str, outcome_linked: str) -> bool:
    """A search that found what it was for (see the module's definitions)."""
    return outcome != NO_FURTHER_ACTION and outcome_linked == "True"


@dataclass(frozen=True)
class Row:
    label: str
    searches: int
    finds: int = 0
    share: Decimal | None = None

    @property
    def find_rate(self) -> Decimal | None:
        return rules.share_percent(self.finds, self.searches)


AREA, OUTSIDE, UNKNOWN = "area", "outside", "unknown"


@dataclass(frozen=True)
class AreaRow(Row):
    """Searches in one CSP area; `kind` says whether the row is an area of the profile, the
    searches placed outside every area, or those with no area (no location, or none near)."""

    kind: str = AREA
    population: int | None = None
    rate: Decimal | None = None


@dataclass(frozen=True)
class EthnicityRow:
    label: str
    searches: int
    share: Decimal | None
    population: int | None = None
    rate: Decimal | None = None
    ratio: Decimal | None = None


@dataclass
class StopSearchFigures:
    force: str
    months: list[dt.date]
    total: int = 0
    finds: int = 0
    by_month: list[Row] = field(default_factory=list)
    by_object: list[Row] = field(default_factory=list)
    by_outcome: list[Row] = field(default_factory=list)
    officer_defined: list[EthnicityRow] = field(default_factory=list)
    self_defined: list[Row] = field(default_factory=list)
    by_area: list[AreaRow] = field(default_factory=list)
    population_source: str = ""
    area_population_source: str = ""

    @property
    def find_rate(self) -> Decimal | None:
        return rules.share_percent(self.finds, self.total)

    @property
    def period_label(self) -> str:
        if not self.months:
            return ""
        return f"{month_year(self.months[0])} to {month_year(self.months[-1])}"


def loaded_months(force: str) -> list[dt.date]:
    return list(
        PoliceMonthlyStopSearch.objects.filter(force=force)
        .values_list("month", flat=True)
        .distinct()
        .order_by("month")
    )


def _rows(counts: dict[str, list[int]], total: int) -> list[Row]:
    rows = [
        Row(label or NOT_RECORDED, n, finds, rules.share_percent(n, total))
        for label, (n, finds) in counts.items()
    ]
    return sorted(rows, key=lambda r: (-r.searches, r.label))


def stop_search_figures(
    force: str, months: list[dt.date], csp: dict[str, list[str]] | None = None
) -> StopSearchFigures:
    """Every figure of the stop and search page, for the force over `months`, with the CSP
    areas `csp` (name: districts) compared: one grouped query of the aggregates and two of
    the populations."""
    figures = StopSearchFigures(force=force, months=sorted(months))
    by_month: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0])
    by_object: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_outcome: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    officer: dict[str, int] = defaultdict(int)
    self_defined: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_district: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = (
        PoliceMonthlyStopSearch.objects.filter(force=force, month__in=figures.months)
        .values(
            "month",
            "district",
            "object_of_search",
            "outcome",
            "outcome_linked",
            "officer_defined_ethnicity",
            "self_defined_ethnicity",
        )
        .annotate(n=Sum("count"))
        .order_by()
    )
    for r in rows:
        n = r["n"]
        found = n if is_find(r["outcome"], r["outcome_linked"]) else 0
        figures.total += n
        figures.finds += found
        for table, key in (
            (by_month, r["month"]),
            (by_object, r["object_of_search"]),
            (by_outcome, r["outcome"]),
            (self_defined, r["self_defined_ethnicity"]),
            (by_district, r["district"]),
        ):
            table[key][0] += n  # type: ignore[index]
            table[key][1] += found  # type: ignore[index]
        officer[r["officer_defined_ethnicity"]] += n
    figures.by_month = [Row(month_year(m), by_month[m][0], by_month[m][1]) for m in figures.months]
    figures.by_object = _rows(by_object, figures.total)
    figures.by_outcome = _rows(by_outcome, figures.total)
    figures.self_defined = _rows(self_defined, figures.total)
    figures.officer_defined, figures.population_source = _ethnicity(force, officer, figures)
    figures.by_area, figures.area_population_source = _areas(by_district, csp or {}, figures)
    return figures


def _areas(
    by_district: dict[str, list[int]], csp: dict[str, list[str]], figures: StopSearchFigures
) -> tuple[list[AreaRow], str]:
    """Each CSP area in the profile's order, then the searches placed outside them all, then
    those with no area; with searches per 1,000 residents a year where populations exist."""
    populations = AreaPopulation.objects.residents_of(csp)
    rows: list[AreaRow] = []
    covered: set[str] = set()
    for name, districts in csp.items():
        covered.update(districts)
        n = sum(by_district[d][0] for d in districts if d in by_district)
        found = sum(by_district[d][1] for d in districts if d in by_district)
        people = populations[name].population if name in populations else None
        # Searches over the months shown, scaled to a year.
        yearly = Decimal(n * 12) / len(figures.months) if figures.months else None
        rate = rules.rate_per_thousand(yearly, people)
        share = rules.share_percent(n, figures.total)
        rows.append(AreaRow(name, n, found, share, AREA, people, rate))
    outside = [v for d, v in by_district.items() if d and d not in covered]
    if outside:
        n, found = sum(v[0] for v in outside), sum(v[1] for v in outside)
        rows.append(AreaRow("", n, found, rules.share_percent(n, figures.total), OUTSIDE))
    if "" in by_district:
        n, found = by_district[""]
        rows.append(AreaRow("", n, found, rules.share_percent(n, figures.total), UNKNOWN))
    source = "; ".join(sorted({p.source for p in populations.values()}))
    return rows, source


def _ethnicity(
    force: str, officer: dict[str, int], figures: StopSearchFigures
) -> tuple[list[EthnicityRow], str]:
    populations = {p.group: p for p in AreaPopulation.objects.filter(area=force)}
    base = populations.get(COMPARISON_GROUP)
    years = len(figures.months) / 12 or 1
    rows = []
    for group, n in sorted(officer.items(), key=lambda kv: (-kv[1], kv[0])):
        population = populations.get(group) if group else None
        people = population.population if population else None
        rate = rules.rate_per_thousand(Decimal(n) / Decimal(str(years)), people)
        ratio = (
            rules.disproportionality(
                n, people, officer.get(COMPARISON_GROUP, 0), base.population if base else None
            )
            if group and group != COMPARISON_GROUP
            else None
        )
        rows.append(
            EthnicityRow(
                group or NOT_RECORDED,
                n,
                rules.share_percent(n, figures.total),
                people,
                rate,
                ratio,
            )
        )
    source = "; ".join(sorted({p.source for p in populations.values()}))
    return rows, source
