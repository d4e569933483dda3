"""What the performance dashboard shows, read in a fixed number of queries.

However many months are loaded, the dashboard reads: the measures, one grouped sum of the
street-level crime aggregates, one grouped sum of their outcomes, and the observations.
Everything else (derived series, rolling totals, change against baseline) is computed here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet, Sum

from pcplan.performance import rules
from pcplan.performance.derivations import DERIVATIONS
from pcplan.performance.models import Measure, Observation, PoliceMonthlyCrime

GRANULARITY_ORDER = [
    Observation.Granularity.MONTH,
    Observation.Granularity.QUARTER,
    Observation.Granularity.YEAR,
]

CrimeCounts = dict[dt.date, dict[str, int]]


@dataclass(frozen=True)
class Point:
    period_start: dt.date
    label: str
    value: Decimal | None
    rolling: Decimal | None = None


@dataclass
class MeasureSeries:
    measure: Measure
    granularity: str = ""
    points: list[Point] = field(default_factory=list)
    current: Decimal | None = None
    current_label: str = ""
    baseline: Decimal | None = None
    baseline_note: str = ""
    change: Decimal | None = None
    judgement: rules.Judgement = rules.Judgement.NOT_KNOWN

    @property
    def has_data(self) -> bool:
        return bool(self.points)

    @property
    def shows_rolling(self) -> bool:
        return self.granularity == Observation.Granularity.MONTH and self.measure.is_summed

    @property
    def judgement_label(self) -> str:
        return rules.JUDGEMENT_LABELS[self.judgement]


def period_label(start: dt.date, granularity: str) -> str:
    if granularity == Observation.Granularity.QUARTER:
        return f"Quarter from {start:%B %Y}"
    if granularity == Observation.Granularity.YEAR:
        return f"Year from {start:%B %Y}"
    return f"{start:%B %Y}"


def crime_counts(force: str, districts: list[str] | None = None) -> CrimeCounts:
    """Street-level crimes by month and police.uk crime type: one grouped query.

    `districts` are those a Community Safety Partnership covers; None means the whole force.
    """
    rows = PoliceMonthlyCrime.objects.filter(force=force)
    if districts is not None:
        rows = rows.filter(district__in=districts)
    counts: CrimeCounts = defaultdict(dict)
    for row in rows.values("month", "crime_type").annotate(n=Sum("count")).order_by():
        counts[row["month"]][row["crime_type"]] = row["n"]
    return dict(counts)


def outcome_counts(
    force: str, months: Iterable[dt.date], districts: list[str] | None = None
) -> list[tuple[str, int]]:
    """Crimes by last outcome category over the given months, most frequent first."""
    rows = PoliceMonthlyCrime.objects.filter(force=force, month__in=list(months))
    if districts is not None:
        rows = rows.filter(district__in=districts)
    totals = rows.values("last_outcome_category").annotate(n=Sum("count")).order_by("-n")
    return [
        (r["last_outcome_category"] or "No outcome recorded (anti-social behaviour)", r["n"])
        for r in totals
    ]


def derived_values(derivation_key: str, counts: CrimeCounts) -> list[tuple[dt.date, int]]:
    """Monthly totals of the derivation's crime types; a loaded month with none counts 0."""
    crime_types = DERIVATIONS[derivation_key].crime_types
    return [
        (month, sum(by_type.get(t, 0) for t in crime_types))
        for month, by_type in sorted(counts.items())
    ]


def months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = rules.add_months(month, 1)
    return months


def _derived_baseline(
    measure: Measure, values: dict[dt.date, int], area: str
) -> tuple[Decimal | None, str]:
    """The stored force-wide baseline; for an area, or without one, the police.uk total over
    the baseline period when every month of it is loaded."""
    if measure.baseline_value is not None and not area:
        return Decimal(measure.baseline_value), ""
    if measure.baseline_start and measure.baseline_end:
        months = months_between(measure.baseline_start, measure.baseline_end)
        if all(m in values for m in months):
            total = Decimal(sum(values[m] for m in months))
            return total, "Calculated from data.police.uk for the baseline period."
    return None, ""


def _judge(series: MeasureSeries) -> None:
    series.change = rules.change_percent(series.current, series.baseline)
    series.judgement = rules.judge(series.change, series.measure.direction)


def derived_series(measure: Measure, counts: CrimeCounts, area: str) -> MeasureSeries:
    series = MeasureSeries(measure, granularity=Observation.Granularity.MONTH)
    values = derived_values(measure.derivation, counts)
    rolling = dict(rules.rolling_totals(values))
    series.points = [
        Point(month, period_label(month, series.granularity), Decimal(v), rolling[month])
        for month, v in values
    ]
    if series.points:
        last = series.points[-1]
        series.current = last.rolling
        series.current_label = f"12 months to {last.label}"
    series.baseline, series.baseline_note = _derived_baseline(measure, dict(values), area)
    _judge(series)
    return series


def observed_series(measure: Measure, observations: list[Observation]) -> MeasureSeries:
    series = MeasureSeries(measure)
    present = {o.granularity for o in observations}
    granularity = next((g for g in GRANULARITY_ORDER if g in present), "")
    series.granularity = granularity
    chosen = sorted(
        (o for o in observations if o.granularity == granularity), key=lambda o: o.period_start
    )
    values = [(o.period_start, Decimal(o.value)) for o in chosen]
    rolling = dict(rules.rolling_totals(values)) if series.shows_rolling else {}
    series.points = [
        Point(start, period_label(start, granularity), v, rolling.get(start)) for start, v in values
    ]
    if series.points:
        last = series.points[-1]
        if series.shows_rolling:
            series.current, series.current_label = last.rolling, f"12 months to {last.label}"
        else:
            series.current, series.current_label = last.value, last.label
    if measure.baseline_value is not None:
        series.baseline = Decimal(measure.baseline_value)
    _judge(series)
    return series


@dataclass
class Dashboard:
    force: str
    area: str
    series: list[MeasureSeries]
    crime_types: list[tuple[str, int]]
    outcomes: list[tuple[str, int]]
    latest_months: list[dt.date]

    @property
    def period_label(self) -> str:
        if not self.latest_months:
            return ""
        first, last = self.latest_months[0], self.latest_months[-1]
        return f"{first:%B %Y} to {last:%B %Y}"


def build_dashboard(
    measures: QuerySet[Measure],
    *,
    force: str,
    area: str = "",
    districts: list[str] | None = None,
) -> Dashboard:
    """The dashboard for the force, or for one CSP `area` summing the `districts` it covers."""
    measure_list = list(measures)
    if area and districts is None:
        districts = []  # an area that covers no district has no police-recorded crime
    counts = crime_counts(force, districts if area else None)
    observations: dict[int, list[Observation]] = defaultdict(list)
    manual_ids = [m.pk for m in measure_list if not m.is_derived]
    if manual_ids:
        for o in Observation.objects.filter(measure_id__in=manual_ids, area=area):
            observations[o.measure_id].append(o)
    series = [
        derived_series(m, counts, area) if m.is_derived else observed_series(m, observations[m.pk])
        for m in measure_list
    ]
    latest = sorted(counts)[-12:]
    by_type: dict[str, int] = defaultdict(int)
    for month in latest:
        for crime_type, n in counts[month].items():
            by_type[crime_type] += n
    return Dashboard(
        force=force,
        area=area,
        series=series,
        crime_types=sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])),
        outcomes=outcome_counts(force, latest, districts if area else None) if latest else [],
        latest_months=latest,
    )


def loaded_forces() -> list[str]:
    return list(PoliceMonthlyCrime.objects.values_list("force", flat=True).distinct().order_by())
