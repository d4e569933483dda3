"""Stop and search by CSP area: each search is placed at import in the district of the nearest
street-crime map point of its force, in the files imported with it or kept from earlier imports,
and only that district is kept. Checked against an independent placement with the csv module on
the real Cambridgeshire 2024 and Bedfordshire 2022-23 files."""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from pcplan.core.office import csp_areas
from pcplan.performance.importer import import_police_data
from pcplan.performance.models import AreaPopulation, PoliceMapPoint, PoliceMonthlyStopSearch
from pcplan.performance.stopsearch import OUTSIDE, UNKNOWN, stop_search_figures

BEDFORDSHIRE_CSPS = {
    "Bedford": ["Bedford"],
    "Central Bedfordshire": ["Central Bedfordshire"],
    "Luton": ["Luton"],
}
LSOA = re.compile(r"^(.+) [0-9]{3}[A-Z]$")
CELL = 0.02  # degrees: the neighbourhood docs/DECISIONS.md states (3 x 3 cells around a search)


def police_files(root: Path, force: str, years: tuple[str, ...], kind: str) -> list[Path]:
    return sorted(p for y in years for p in root.glob(f"{y}-*/{y}-*-{force}-{kind}.csv"))


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def located(paths: list[Path]) -> int:
    """Searches with coordinates."""
    return sum(
        1 for path in paths for row in csv_rows(path) if row["Latitude"] and row["Longitude"]
    )


def map_points(street: list[Path]) -> dict[tuple[int, int], list[tuple[float, float, str]]]:
    """Every street-crime map point with its district, by grid cell."""
    points: set[tuple[float, float, str]] = set()
    for path in street:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for row in csv.DictReader(stream):
                match = LSOA.match(row["LSOA name"])
                if row["Latitude"] and row["Longitude"] and match:
                    points.add((float(row["Latitude"]), float(row["Longitude"]), match.group(1)))
    cells: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for lat, lon, district in points:
        cells[(math.floor(lat / CELL), math.floor(lon / CELL))].append((lat, lon, district))
    return cells


def place(lat: float, lon: float, cells: dict) -> str:
    """The district of the nearest map point in the 3 x 3 cells around (lat, lon); "" if none.
    Ties go to the district first in alphabetical order."""
    cy, cx = math.floor(lat / CELL), math.floor(lon / CELL)
    scale = math.cos(math.radians(lat))
    candidates = [
        p for dy in (-1, 0, 1) for dx in (-1, 0, 1) for p in cells.get((cy + dy, cx + dx), [])
    ]
    if not candidates:
        return ""
    best = min(candidates, key=lambda p: ((p[0] - lat) ** 2 + ((p[1] - lon) * scale) ** 2, p[2]))
    return best[2]


def independent_count(stops: list[Path], street: list[Path]) -> tuple[Counter, Counter]:
    """Searches and finds per district ("" for no area), counted row by row."""
    cells = map_points(street)
    searches: Counter = Counter()
    finds: Counter = Counter()
    for path in stops:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for row in csv.DictReader(stream):
                district = ""
                if row["Latitude"] and row["Longitude"]:
                    district = place(float(row["Latitude"]), float(row["Longitude"]), cells)
                searches[district] += 1
                finds[district] += (
                    row["Outcome"] != "A no further action disposal"
                    and row["Outcome linked to object of search"] == "True"
                )
    return searches, finds


def months_of(paths: list[Path]) -> list[dt.date]:
    return sorted({dt.date(int(p.name[:4]), int(p.name[5:7]), 1) for p in paths})


def check(
    force: str,
    years: tuple[str, ...],
    csp: dict[str, list[str]],
    root: Path,
    *,
    street_first: bool = False,
) -> None:
    """Import the force's street and stop and search files together, or (street_first) the
    street files in one import and the searches alone in a later one."""
    stops = police_files(root, force, years, "stop-and-search")
    street = police_files(root, force, years, "street")
    if street_first:
        import_police_data(street)
        _run, summary = import_police_data(stops)
    else:
        _run, summary = import_police_data([*street, *stops])
    searches, finds = independent_count(stops, street)
    stored: Counter[str] = Counter()
    for r in PoliceMonthlyStopSearch.objects.filter(force=force):
        stored[r.district] += r.count
    assert stored == searches
    figures = stop_search_figures(force, months_of(stops), csp)
    rows = {r.label if r.kind not in (OUTSIDE, UNKNOWN) else r.kind: r for r in figures.by_area}
    covered = {d for districts in csp.values() for d in districts}
    for name, districts in csp.items():
        assert rows[name].searches == sum(searches[d] for d in districts), name
        assert rows[name].finds == sum(finds[d] for d in districts), name
    outside = [d for d in searches if d and d not in covered]
    assert rows[OUTSIDE].searches == sum(searches[d] for d in outside)
    assert rows[UNKNOWN].searches == searches[""]
    assert rows[UNKNOWN].finds == finds[""]
    assert sum(r.searches for r in figures.by_area) == figures.total == sum(searches.values())
    without_location = sum(len(csv_rows(p)) for p in stops) - located(stops)
    assert summary.searches_not_placed == searches[""] - without_location


@pytest.mark.slow
@pytest.mark.django_db
def test_cambridgeshire_2024_searches_by_area_equal_an_independent_placement(shared_police_data):
    check("cambridgeshire", ("2024",), csp_areas(), shared_police_data)


@pytest.mark.slow
@pytest.mark.django_db
def test_bedfordshire_2022_and_2023_searches_by_area_equal_an_independent_placement(
    shared_police_data,
):
    check("bedfordshire", ("2022", "2023"), BEDFORDSHIRE_CSPS, shared_police_data)


def test_a_searchs_location_is_kept_only_as_its_district():
    stored = {f.name for f in PoliceMonthlyStopSearch._meta.get_fields()}
    assert "district" in stored
    for personal in ("latitude", "longitude", "gender", "age_range", "legislation"):
        assert personal not in stored


@pytest.mark.slow
@pytest.mark.django_db
def test_searches_imported_after_their_street_files_are_placed_by_the_kept_map_points(
    shared_police_data,
):
    """A stop and search file imported alone, months after the street files of the same
    months, is placed as if they had been imported together."""
    check("cambridgeshire", ("2024",), csp_areas(), shared_police_data, street_first=True)


@pytest.mark.django_db
def test_each_map_point_is_kept_once_whatever_the_imports(shared_police_data):
    street = police_files(shared_police_data, "bedfordshire", ("2023",), "street")[:2]
    import_police_data(street[:1])
    import_police_data(street)
    _run, summary = import_police_data(street)
    expected = {
        ("bedfordshire", lat, lon, district)
        for cell in map_points(street).values()
        for lat, lon, district in cell
    }
    kept = list(PoliceMapPoint.objects.values_list("force", "latitude", "longitude", "district"))
    assert len(kept) == len(set(kept)) == len(expected)
    assert set(kept) == expected
    assert summary.new_map_points == 0


@pytest.mark.django_db
def test_searches_imported_without_street_files_have_no_area_and_the_import_says_so(
    shared_police_data,
):
    stops = police_files(shared_police_data, "cambridgeshire", ("2024",), "stop-and-search")[:1]
    _run, summary = import_police_data(stops)
    searches, _finds = independent_count(stops, [])
    assert set(searches) == {""}
    assert summary.searches_not_placed == located(stops) > 0
    assert set(PoliceMonthlyStopSearch.objects.values_list("district", flat=True)) == {""}


@pytest.mark.django_db
def test_the_public_page_shows_searches_and_find_rate_by_area_in_a_table(
    client, shared_police_data
):
    stops = police_files(shared_police_data, "cambridgeshire", ("2024",), "stop-and-search")[-2:]
    street = police_files(shared_police_data, "cambridgeshire", ("2024",), "street")[-2:]
    import_police_data([*street, *stops])
    searches, finds = independent_count(stops, street)
    response = client.get("/performance/stop-and-search/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<table class="govuk-table" id="by-area">' in html
    table = html.split('id="by-area"', 1)[1].split("</table>", 1)[0]
    fenland = table.split(">Fenland</th>", 1)[1].split("</tr>", 1)[0]
    rate = (Decimal(finds["Fenland"] * 100) / Decimal(searches["Fenland"])).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    assert f">{searches['Fenland']}</td>" in fenland
    assert f">{rate}%</td>" in fenland  # the figure in words, never colour alone
    assert "Not known" in fenland  # no population recorded
    assert "no area populations have been recorded" in html
    assert "Area not known" in table


@pytest.mark.django_db
def test_searches_per_1000_residents_a_year_use_the_areas_population(shared_police_data):
    stops = police_files(shared_police_data, "cambridgeshire", ("2024",), "stop-and-search")[-2:]
    street = police_files(shared_police_data, "cambridgeshire", ("2024",), "street")[-2:]
    import_police_data([*street, *stops])
    AreaPopulation.objects.create(area="Cambridge", population=150_000, source="Test", year=2022)
    searches, _finds = independent_count(stops, street)
    figures = stop_search_figures("cambridgeshire", months_of(stops), csp_areas())
    cambridge = next(r for r in figures.by_area if r.label == "Cambridge")
    # Two months scaled to a year: six times the searches, per 1,000 of 150,000 residents.
    expected = (Decimal(searches["Cambridge"] * 6) * 1000 / 150_000).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    assert (cambridge.population, cambridge.rate) == (150_000, expected)
    assert figures.area_population_source == "Test"
