"""What the performance dashboard shows, read in a fixed number of queries.

However many months are loaded, the dashboard reads: the measures, one grouped sum of the
street-level crime aggregates (by month, district, crime type and last outcome, shared with
the trends: pcplan.performance.street), and the observations.
Everything else (derived series, rolling totals, change against baseline) is computed here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from pcplan.core.dates import long_date, month_year
from pcplan.performance import rules, svg
from pcplan.performance.derivations import DERIVATIONS
from pcplan.performance.models import (
    Measure,
    Observation,
    PoliceMonthlyCrime,
    PublishedFigure,
)
from pcplan.performance.street import StreetTotals, street_totals

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
    note: str = ""


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
    # Where the baseline comes from, or why it is not known.
    baseline_source: str = ""
    not_known_reason: str = ""
    # The same period a year before the latest, and the change against it.
    year_before: Decimal | None = None
    year_before_label: str = ""
    change_year: Decimal | None = None
    judgement_year: rules.Judgement = rules.Judgement.NOT_KNOWN
    # Small trend line of the latest figures (12-month totals where they add up), drawn once
    # when the figures are computed, never per request (pcplan.performance.svg).
    sparkline: svg.Line | None = None
    chart: svg.Line | None = None
    chart_is_rolling: bool = False
    figures: list[PublishedFigure] = field(default_factory=list)

    @property
    def has_data(self) -> bool:
        return bool(self.points)

    @property
    def shows_rolling(self) -> bool:
        return self.granularity == Observation.Granularity.MONTH and self.measure.is_summed

    @property
    def judgement_label(self) -> str:
        return str(JUDGEMENT_LABELS[self.judgement])

    @property
    def judgement_year_label(self) -> str:
        return str(YEAR_JUDGEMENT_LABELS[self.judgement_year])


# The judgements in words, in the visitor's language (rules.py holds no Django).
JUDGEMENT_LABELS = {
    rules.Judgement.BETTER: gettext_lazy("Better than baseline"),
    rules.Judgement.WORSE: gettext_lazy("Worse than baseline"),
    rules.Judgement.NO_CHANGE: gettext_lazy("No significant change"),
    rules.Judgement.NOT_KNOWN: gettext_lazy("Not known"),
}
YEAR_JUDGEMENT_LABELS = {
    rules.Judgement.BETTER: gettext_lazy("Better than a year before"),
    rules.Judgement.WORSE: gettext_lazy("Worse than a year before"),
    rules.Judgement.NO_CHANGE: gettext_lazy("No significant change"),
    rules.Judgement.NOT_KNOWN: gettext_lazy("Not known"),
}


def period_label(start: dt.date, granularity: str) -> str:
    if granularity == Observation.Granularity.QUARTER:
        return f"Quarter from {month_year(start)}"
    if granularity == Observation.Granularity.YEAR:
        return f"Year from {month_year(start)}"
    return month_year(start)


def crime_counts(street: StreetTotals, districts: list[str] | None = None) -> CrimeCounts:
    """Street-level crimes by month and police.uk crime type.

    `districts` are those a Community Safety Partnership covers; None means the whole force.
    """
    counts: CrimeCounts = defaultdict(dict)
    for row in street.of(districts):
        by_type = counts[row.month]
        by_type[row.crime_type] = by_type.get(row.crime_type, 0) + row.n
    return dict(counts)


def outcome_counts(
    street: StreetTotals, months: Iterable[dt.date], districts: list[str] | None = None
) -> list[tuple[str, int]]:
    """Crimes by last outcome category over the given months, most frequent first."""
    chosen = set(months)
    totals: dict[str, int] = defaultdict(int)
    for row in street.of(districts):
        if row.month in chosen:
            totals[row.last_outcome_category] += row.n
    return [
        (category or "No outcome recorded (anti-social behaviour)", n)
        for category, n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
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


def _baseline(
    series: MeasureSeries,
    values: dict[dt.date, Decimal],
    area: str,
    figures: list[PublishedFigure],
    loaded: list[dt.date],
) -> None:
    """The baseline with where it comes from, in this order: a published figure marked as
    the baseline (for this area); the value an editor entered (whole force only); the
    data.police.uk total over the baseline period when every month of it is loaded. Otherwise
    the reason it is not known."""
    measure = series.measure
    series.figures = figures
    marked = next((f for f in figures if f.is_baseline and f.area == area), None)
    if marked is not None:
        series.baseline = Decimal(marked.value)
        series.baseline_source = (
            f"{marked.period_label}: {marked.source}, published {long_date(marked.source_date)}"
        )
        return
    if measure.baseline_value is not None and not area:
        series.baseline = Decimal(measure.baseline_value)
        series.baseline_source = "Entered by the office"
        return
    if not measure.is_derived:
        series.not_known_reason = (
            f"No baseline has been entered for {area}."
            if area
            else "No baseline has been entered yet."
        )
        return
    if not (measure.baseline_start and measure.baseline_end):
        series.not_known_reason = "No baseline period is set for this measure."
        return
    months = months_between(measure.baseline_start, measure.baseline_end)
    if all(m in values for m in months):
        series.baseline = sum((values[m] for m in months), Decimal(0))
        series.baseline_source = (
            "Calculated by pcplan from data.police.uk for the baseline period "
            f"({month_year(months[0])} to {month_year(months[-1])})."
        )
        series.baseline_note = "Calculated from data.police.uk for the baseline period."
        return
    earliest = f" (the earliest month loaded is {month_year(loaded[0])})" if loaded else ""
    series.not_known_reason = (
        f"data.police.uk keeps 36 months, and the baseline period "
        f"({month_year(months[0])} to {month_year(months[-1])}) is not all loaded{earliest}; "
        "enter the baseline from the Home Office tables."
    )


def _judge(series: MeasureSeries) -> None:
    series.change = rules.change_percent(series.current, series.baseline)
    series.judgement = rules.judge(series.change, series.measure.direction)
    series.change_year = rules.change_percent(series.current, series.year_before)
    series.judgement_year = rules.judge(series.change_year, series.measure.direction)


def _draw(series: MeasureSeries) -> None:
    """The trend lines, from the figures just computed: 12-month totals where values add up."""
    rolling = [(p.label, p.rolling) for p in series.points]
    # With fewer than two 12-month totals (under 13 months loaded), the months themselves.
    series.chart_is_rolling = series.shows_rolling and sum(r is not None for _, r in rolling) > 1
    if series.chart_is_rolling:
        trend = rolling
    else:
        trend = [(p.label, p.value) for p in series.points]
    series.sparkline = svg.line(trend[-24:], width=120, height=28)
    baseline = series.baseline if series.chart_is_rolling or not series.shows_rolling else None
    series.chart = svg.line(trend, width=640, height=220, baseline=baseline)


def derived_series(
    measure: Measure,
    counts: CrimeCounts,
    area: str,
    figures: list[PublishedFigure] | None = None,
) -> MeasureSeries:
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
        _, series.year_before, _ = rules.year_on_year(values, last.period_start)
        series.year_before_label = (
            f"12 months to {month_year(rules.add_months(last.period_start, -12))}"
        )
    _baseline(series, {m: Decimal(v) for m, v in values}, area, figures or [], sorted(counts))
    _judge(series)
    _draw(series)
    return series


def observed_series(
    measure: Measure,
    observations: list[Observation],
    area: str = "",
    figures: list[PublishedFigure] | None = None,
) -> MeasureSeries:
    series = MeasureSeries(measure)
    present = {o.granularity for o in observations}
    granularity = next((g for g in GRANULARITY_ORDER if g in present), "")
    series.granularity = granularity
    chosen = sorted(
        (o for o in observations if o.granularity == granularity), key=lambda o: o.period_start
    )
    values = [(o.period_start, Decimal(o.value)) for o in chosen]
    rolling = dict(rules.rolling_totals(values)) if series.shows_rolling else {}
    notes = {o.period_start: o.note for o in chosen}
    series.points = [
        Point(start, period_label(start, granularity), v, rolling.get(start), notes[start])
        for start, v in values
    ]
    if series.points:
        last = series.points[-1]
        a_year_before = rules.add_months(last.period_start, -12)
        if series.shows_rolling:
            series.current, series.current_label = last.rolling, f"12 months to {last.label}"
            _, series.year_before, _ = rules.year_on_year(values, last.period_start)
            series.year_before_label = f"12 months to {month_year(a_year_before)}"
        else:
            series.current, series.current_label = last.value, last.label
            earlier = dict(values).get(a_year_before)
            series.year_before = earlier
            series.year_before_label = period_label(a_year_before, granularity)
    _baseline(series, dict(values), area, figures or [], [])
    _judge(series)
    _draw(series)
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
        return f"{month_year(first)} to {month_year(last)}"


def build_dashboard(
    measures: QuerySet[Measure],
    *,
    force: str,
    area: str = "",
    districts: list[str] | None = None,
    street: StreetTotals | None = None,
) -> Dashboard:
    """The dashboard for the force, or for one CSP `area` summing the `districts` it covers.
    `street`: the force's street-level totals, when already read (figures.warm)."""
    measure_list = list(measures)
    if area and districts is None:
        districts = []  # an area that covers no district has no police-recorded crime
    street = street or street_totals(force)
    counts = crime_counts(street, districts if area else None)
    observations: dict[int, list[Observation]] = defaultdict(list)
    manual_ids = [m.pk for m in measure_list if not m.is_derived]
    if manual_ids:
        for o in Observation.objects.filter(measure_id__in=manual_ids, area=area):
            observations[o.measure_id].append(o)
    figures: dict[int, list[PublishedFigure]] = defaultdict(list)
    for f in PublishedFigure.objects.filter(measure__in=measure_list, area=area):
        figures[f.measure_id].append(f)
    series = [
        derived_series(m, counts, area, figures[m.pk])
        if m.is_derived
        else observed_series(m, observations[m.pk], area, figures[m.pk])
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
        outcomes=outcome_counts(street, latest, districts if area else None) if latest else [],
        latest_months=latest,
    )


def loaded_forces() -> list[str]:
    """Every force with street-level crimes loaded, in order: the first is the one the
    performance pages open on before the office profile names any."""
    return list(
        PoliceMonthlyCrime.objects.values_list("force", flat=True).distinct().order_by("force")
    )
