"""Year-on-year change by crime type and by CSP area, areas compared per 1,000 residents, and
outcomes by crime type: equal to a csv-module count of the real Bedfordshire 2022-23 files."""

from __future__ import annotations

import csv
import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from pcplan.performance.importer import import_police_data
from pcplan.performance.models import AreaPopulation
from pcplan.performance.trends import build_trends

BEDFORDSHIRE_CSPS = {
    "Bedford": ["Bedford"],
    "Central Bedfordshire": ["Central Bedfordshire"],
    "Luton": ["Luton"],
}
LSOA = re.compile(r"^(.+) [0-9]{3}[A-Z]$")


def street(root: Path, force: str, years: tuple[str, ...]) -> list[Path]:
    return sorted(p for y in years for p in root.glob(f"{y}-*/{y}-*-{force}-street.csv"))


def count(paths: list[Path]) -> tuple[Counter, Counter, Counter]:
    """(year, crime type), (year, district) excluding ASB, (crime type, last outcome) in 2023."""
    by_type: Counter = Counter()
    by_district: Counter = Counter()
    outcomes: Counter = Counter()
    for path in paths:
        year = path.name[:4]
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for row in csv.DictReader(stream):
                by_type[(year, row["Crime type"])] += 1
                match = LSOA.match(row["LSOA name"])
                if row["Crime type"] != "Anti-social behaviour" and match:
                    by_district[(year, match.group(1))] += 1
                if year == "2023":
                    outcomes[(row["Crime type"], row["Last outcome category"])] += 1
    return by_type, by_district, outcomes


def change(now: int, before: int) -> Decimal:
    return (Decimal(now - before) * 100 / Decimal(before)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


@pytest.mark.slow
@pytest.mark.django_db
def test_bedfordshire_year_on_year_by_crime_type_and_area_equals_an_independent_count(
    shared_police_data,
):
    paths = street(shared_police_data, "bedfordshire", ("2022", "2023"))
    import_police_data(paths)
    AreaPopulation.objects.create(area="Luton", population=225_000, source="Test", year=2021)
    by_type, by_district, outcomes = count(paths)
    trends = build_trends("bedfordshire", csp=BEDFORDSHIRE_CSPS)
    assert trends.current_label == "12 months to December 2023"
    for row in trends.by_crime_type:
        now, before = by_type[("2023", row.label)], by_type[("2022", row.label)]
        assert (row.current, row.before, row.change) == (now, before, change(now, before))
    assert len(trends.by_crime_type) == 14
    for row in trends.by_area:
        now, before = by_district[("2023", row.label)], by_district[("2022", row.label)]
        assert (row.current, row.before, row.change) == (now, before, change(now, before))
    luton = next(a for a in trends.areas_compared if a.area == "Luton")
    assert luton.rate == (Decimal(by_district[("2023", "Luton")]) * 1000 / 225_000).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    bedford = next(a for a in trends.areas_compared if a.area == "Bedford")
    assert (bedford.population, bedford.rate) == (None, None)  # no population: not known
    shoplifting = next(o for o in trends.outcome_shares if o.crime_type == "Shoplifting")
    assert {outcome: n for outcome, n, _ in shoplifting.shares} == {
        outcome: n for (t, outcome), n in outcomes.items() if t == "Shoplifting"
    }
    assert sum(n for _, n, _ in shoplifting.shares) == shoplifting.total


@pytest.mark.django_db
def test_with_one_year_loaded_every_change_is_not_known_and_never_zero(client, shared_police_data):
    import_police_data(street(shared_police_data, "cambridgeshire", ("2024",)))
    response = client.get("/performance/trends/", {"area": "Cambridge"})
    assert response.status_code == 200
    trends = response.context["t"]
    assert trends.by_crime_type and all(
        c.change is None and c.before is None for c in trends.by_crime_type
    )
    assert all(c.current is not None for c in trends.by_area)
    html = response.content.decode()
    assert "12 months to December 2023" in html and "Not known" in html
    assert "Rates per 1,000 residents are not known" in html
    assert "Outcomes by crime type" in html


@pytest.mark.django_db
def test_the_outcomes_files_are_shown_where_loaded(client, shared_police_data):
    paths = sorted(shared_police_data.glob("2019-0[12]/*-cambridgeshire-outcomes.csv"))
    street_paths = [shared_police_data / "2019-08" / "2019-08-cambridgeshire-street.csv"]
    import_police_data(paths + street_paths)
    expected: Counter = Counter()
    for path in paths:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for row in csv.DictReader(stream):
                expected[row["Outcome type"]] += 1
    trends = client.get("/performance/trends/").context["t"]
    assert dict(trends.outcomes_files) == dict(expected)
    assert trends.outcomes_period == "January 2019 to February 2019"
