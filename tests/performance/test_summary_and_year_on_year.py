"""The summary first: latest 12 months, change against baseline and a year before, judged in
words, with a trend line; unknown (never zero) when a month is missing. Hand-computed on the
real Cambridgeshire 2024 and Bedfordshire 2022-23 files."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pcplan.core.models import Force, Office
from pcplan.performance.derivations import NEIGHBOURHOOD_CRIME
from pcplan.performance.importer import import_police_data
from pcplan.performance.models import Measure
from pcplan.performance.rules import Judgement, rolling_total_at, year_on_year
from pcplan.performance.series import build_dashboard
from pcplan.performance.svg import line

# Counted by hand (a csv-module count, repeated inside the tests) from the real files:
# Bedfordshire neighbourhood crime (burglary, robbery, theft from the person, vehicle crime).
BEDS_NEIGHBOURHOOD_2022 = 8771
BEDS_NEIGHBOURHOOD_2023 = 8336  # (8336 - 8771) / 8771 = -4.96% -> -5.0%, lower is better
BEDS_ALL_CRIME_2022 = 50705
BEDS_ALL_CRIME_2023 = 49764  # -1.86% -> -1.9%: inside the ±2% band
CAMBS_NEIGHBOURHOOD_2024 = 8896


def monthly(paths: list[Path], crime_types: tuple[str, ...]) -> list[tuple[dt.date, int]]:
    """An independent count: crimes of the given types per month, with the csv module."""
    counts: Counter[dt.date] = Counter()
    for path in paths:
        month = dt.date(int(path.name[:4]), int(path.name[5:7]), 1)
        counts[month] += 0
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for row in csv.DictReader(stream):
                if row["Crime type"] in crime_types:
                    counts[month] += 1
    return sorted(counts.items())


def street_files(root: Path, force: str, years: tuple[str, ...]) -> list[Path]:
    return sorted(p for y in years for p in root.glob(f"{y}-*/{y}-*-{force}-street.csv"))


def test_year_on_year_of_bedfordshire_neighbourhood_crime_counted_by_hand(shared_police_data):
    series = monthly(
        street_files(shared_police_data, "bedfordshire", ("2022", "2023")), NEIGHBOURHOOD_CRIME
    )
    assert len(series) == 24
    current, before, change = year_on_year(series, dt.date(2023, 12, 1))
    assert (current, before) == (BEDS_NEIGHBOURHOOD_2023, BEDS_NEIGHBOURHOOD_2022)
    assert change == Decimal("-5.0")


def test_a_missing_month_makes_the_rolling_and_year_on_year_figures_unknown_not_zero(
    shared_police_data,
):
    series = monthly(
        street_files(shared_police_data, "cambridgeshire", ("2024",)), NEIGHBOURHOOD_CRIME
    )
    assert rolling_total_at(series, dt.date(2024, 12, 1)) == CAMBS_NEIGHBOURHOOD_2024
    # Only 2024 is loaded: the same 12 months a year before are unknown, so is the change.
    assert year_on_year(series, dt.date(2024, 12, 1)) == (CAMBS_NEIGHBOURHOOD_2024, None, None)
    without_june = [(m, n) for m, n in series if m != dt.date(2024, 6, 1)]
    assert rolling_total_at(without_june, dt.date(2024, 12, 1)) is None
    beds = monthly(
        street_files(shared_police_data, "bedfordshire", ("2022", "2023")), NEIGHBOURHOOD_CRIME
    )
    beds_gap = [(m, n) for m, n in beds if m != dt.date(2022, 3, 1)]
    assert year_on_year(beds_gap, dt.date(2023, 12, 1)) == (BEDS_NEIGHBOURHOOD_2023, None, None)


def test_a_trend_line_breaks_at_an_unknown_value_rather_than_dropping_to_zero():
    drawn = line(
        [
            ("Jan", Decimal(10)),
            ("Feb", Decimal(20)),
            ("Mar", None),
            ("Apr", Decimal(30)),
            ("May", Decimal(40)),
        ],
        width=100,
        height=20,
    )
    assert drawn is not None
    assert len(drawn.segments) == 2
    assert (drawn.low, drawn.high) == (Decimal(10), Decimal(40))
    assert line([("Jan", Decimal(1)), ("Feb", None)], width=100, height=20) is None


@pytest.mark.slow
@pytest.mark.django_db
def test_the_bedfordshire_summary_shows_both_comparisons_judged_in_words(
    client, shared_police_data, national_measures, office
):
    Force.objects.create(
        office=Office.objects.get(), police_uk_id="bedfordshire", name="Bedfordshire", position=9
    )
    import_police_data(street_files(shared_police_data, "bedfordshire", ("2022", "2023")))
    response = client.get("/performance/", {"force": "bedfordshire"})
    assert response.status_code == 200
    html = response.content.decode()
    crime = next(
        s
        for s in response.context["dashboard"].series
        if s.measure.key == "reduce-neighbourhood-crime"
    )
    assert crime.current == BEDS_NEIGHBOURHOOD_2023
    assert crime.year_before == BEDS_NEIGHBOURHOOD_2022
    assert crime.change_year == Decimal("-5.0")
    assert crime.judgement_year == Judgement.BETTER
    assert "Better than a year before" in html
    assert "-5.0% (12 months to December 2022: 8,771)" in html.replace("8771", "8,771")
    # The baseline months (July 2018 to June 2019) are not loaded: not known, with the reason.
    assert crime.baseline is None
    assert "data.police.uk keeps 36 months" in html
    assert "How better or worse is decided" in html and "2%" in html


@pytest.mark.django_db
def test_a_change_within_two_per_cent_of_a_year_before_is_no_significant_change(
    shared_police_data, national_measures
):
    import_police_data(street_files(shared_police_data, "bedfordshire", ("2022", "2023")))
    all_crime = Measure.objects.create(
        key="all-crime",
        name="All crime",
        unit="crimes",
        direction=Measure.Direction.LOWER_IS_BETTER,
        source=Measure.Source.POLICE_DATA,
        derivation="all-crime",
        is_published=True,
    )
    dashboard = build_dashboard(Measure.objects.filter(pk=all_crime.pk), force="bedfordshire")
    series = dashboard.series[0]
    assert (series.current, series.year_before) == (BEDS_ALL_CRIME_2023, BEDS_ALL_CRIME_2022)
    assert series.change_year == Decimal("-1.9")
    assert series.judgement_year == Judgement.NO_CHANGE


@pytest.mark.django_db
def test_the_figures_are_computed_once_and_reused_until_the_data_changes(
    client, police_files, national_measures
):
    import_police_data([police_files])
    with CaptureQueriesContext(connection) as first:
        client.get("/performance/")
    with CaptureQueriesContext(connection) as second:
        client.get("/performance/")
    assert len(second) < len(first)
    measure = Measure.objects.get(key="reduce-murder-and-other-homicide")
    measure.baseline_value = Decimal(7)
    measure.save()  # a change to a measure is a new data version
    response = client.get("/performance/")
    series = next(s for s in response.context["dashboard"].series if s.measure.key == measure.key)
    assert series.baseline == Decimal(7)


def test_reading_police_data_modules_does_not_load_duckdb_until_a_file_is_read(tmp_path):
    script = (
        "import sys, django; django.setup();"
        "import pcplan.performance.police, pcplan.performance.importer;"
        "from django.core.management import load_command_class;"
        "load_command_class('pcplan.performance', 'import_police_data');"
        "print('duckdb' in sys.modules)"
    )
    env = {
        **os.environ,
        "PCPLAN_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "pcplan.settings",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.django_db
def test_with_twelve_months_the_trend_shows_the_months_and_from_thirteen_the_rolling_total(
    shared_police_data, national_measures
):
    import_police_data(street_files(shared_police_data, "cambridgeshire", ("2024",)))
    measures = Measure.objects.filter(key="reduce-neighbourhood-crime")
    series = build_dashboard(measures, force="cambridgeshire").series[0]
    assert not series.chart_is_rolling  # one 12-month total: the months are drawn instead
    assert series.sparkline is not None and series.sparkline.last_label == "December 2024"
    assert series.sparkline.high == 824  # August 2024, the busiest month (csv count)
    assert series.chart is not None and series.chart.baseline_y is None
