"""Year-on-year change by crime type and by CSP area, areas compared per 1,000 residents, and
the share of each crime type's crimes by last outcome category.

Computed from the street-level aggregates in one grouped query (pcplan.performance.street),
and the outcomes files in two, whatever the months loaded. A change is unknown (not zero)
when any of the 24 months it needs is missing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from pcplan.core.dates import month_year
from pcplan.performance import rules
from pcplan.performance.derivations import ANTI_SOCIAL_BEHAVIOUR
from pcplan.performance.models import AreaPopulation, PoliceMonthlyOutcome
from pcplan.performance.street import StreetTotals, street_totals

NO_OUTCOME = "No outcome recorded (anti-social behaviour)"


@dataclass(frozen=True)
class Change:
    label: str
    current: Decimal | None
    before: Decimal | None
    change: Decimal | None


@dataclass(frozen=True)
class AreaRow:
    area: str
    crimes: Decimal | None
    population: int | None
    rate: Decimal | None


@dataclass(frozen=True)
class OutcomeShares:
    crime_type: str
    total: int
    shares: list[tuple[str, int, Decimal | None]]


@dataclass
class Trends:
    force: str
    area: str
    latest: dt.date | None
    by_crime_type: list[Change] = field(default_factory=list)
    by_area: list[Change] = field(default_factory=list)
    areas_compared: list[AreaRow] = field(default_factory=list)
    outcome_shares: list[OutcomeShares] = field(default_factory=list)
    outcomes_files: list[tuple[str, int]] = field(default_factory=list)
    outcomes_period: str = ""
    population_source: str = ""

    @property
    def current_label(self) -> str:
        return f"12 months to {month_year(self.latest)}" if self.latest else ""

    @property
    def before_label(self) -> str:
        return (
            f"12 months to {month_year(rules.add_months(self.latest, -12))}" if self.latest else ""
        )


def _change(
    label: str, monthly: dict[dt.date, int], loaded: list[dt.date], latest: dt.date
) -> Change:
    # A loaded month without a crime of this type counts 0; a month not loaded is unknown.
    series = [(m, monthly.get(m, 0)) for m in loaded]
    current, before, change = rules.year_on_year(series, latest)
    return Change(label, current, before, change)


def build_trends(
    force: str,
    *,
    area: str = "",
    districts: list[str] | None = None,
    csp: dict[str, list[str]],
    street: StreetTotals | None = None,
) -> Trends:
    """Trends for the force, or for one CSP `area` (its `districts`), and every CSP compared.
    `street`: the force's street-level totals, when already read (figures.warm)."""
    street = street or street_totals(force)
    loaded: set[dt.date] = set()
    by_type: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    by_district: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    chosen = set(districts or []) if area else None
    for r in street.rows:
        loaded.add(r.month)
        if chosen is None or r.district in chosen:
            by_type[r.crime_type][r.month] += r.n
        if r.crime_type != ANTI_SOCIAL_BEHAVIOUR:
            by_district[r.district][r.month] += r.n
    months = sorted(loaded)
    trends = Trends(force=force, area=area, latest=months[-1] if months else None)
    if not months:
        return trends
    latest = months[-1]
    trends.by_crime_type = [_change(t, by_type[t], months, latest) for t in sorted(by_type)]
    populations = AreaPopulation.objects.residents_of(csp)
    trends.population_source = "; ".join(sorted({p.source for p in populations.values()}))
    for name, covered in csp.items():
        monthly: dict[dt.date, int] = defaultdict(int)
        for district in covered:
            for m, n in by_district.get(district, {}).items():
                monthly[m] += n
        change = _change(name, monthly, months, latest)
        trends.by_area.append(change)
        people = populations[name].population if name in populations else None
        trends.areas_compared.append(
            AreaRow(name, change.current, people, rules.rate_per_thousand(change.current, people))
        )
    last_year = months[-12:]
    trends.outcome_shares = outcome_shares(street, last_year, districts if area else None)
    trends.outcomes_files, trends.outcomes_period = _outcomes_files(force)
    return trends


def outcome_shares(
    street: StreetTotals, months: list[dt.date], districts: list[str] | None = None
) -> list[OutcomeShares]:
    """For each crime type, its crimes by last outcome category as a share, largest first."""
    chosen = set(months)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in street.of(districts):
        if r.month in chosen:
            counts[r.crime_type][r.last_outcome_category or NO_OUTCOME] += r.n
    result = []
    for crime_type in sorted(counts):
        total = sum(counts[crime_type].values())
        shares = sorted(
            (
                (outcome, n, rules.share_percent(n, total))
                for outcome, n in counts[crime_type].items()
            ),
            key=lambda s: (-s[1], s[0]),
        )
        result.append(OutcomeShares(crime_type, total, shares))
    return result


def _outcomes_files(force: str) -> tuple[list[tuple[str, int]], str]:
    """Outcomes recorded (the -outcomes.csv files), over every month loaded."""
    rows = PoliceMonthlyOutcome.objects.filter(force=force)
    months = sorted(set(rows.values_list("month", flat=True).distinct().order_by()))
    if not months:
        return [], ""
    totals = rows.values("outcome_type").annotate(n=Sum("count")).order_by("-n", "outcome_type")
    period = f"{month_year(months[0])} to {month_year(months[-1])}"
    return [(r["outcome_type"], r["n"]) for r in totals], period
