"""Stop and search by month, object, outcome, find rate and ethnicity, with disproportionality:
each figure equals an independent csv-module count of the real Cambridgeshire 2024 and
Bedfordshire 2022-23 files."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from pcplan.performance.importer import import_police_data
from pcplan.performance.models import AreaPopulation
from pcplan.performance.stopsearch import stop_search_figures

# Resident populations for the test only (round numbers, not an office's real figures).
POPULATIONS = {"White": 800_000, "Asian": 60_000, "Black": 20_000, "Mixed": 25_000, "Other": 15_000}


def files(root: Path, force: str, years: tuple[str, ...]) -> list[Path]:
    return sorted(p for y in years for p in root.glob(f"{y}-*/{y}-*-{force}-stop-and-search.csv"))


def independent_count(paths: list[Path]) -> dict[str, Counter]:
    counts: dict[str, Counter] = {
        k: Counter()
        for k in ("total", "finds", "object", "object_finds", "outcome", "officer", "self", "month")
    }
    for path in paths:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for row in csv.DictReader(stream):
                found = (
                    row["Outcome"] != "A no further action disposal"
                    and row["Outcome linked to object of search"] == "True"
                )
                counts["total"]["all"] += 1
                counts["finds"]["all"] += found
                counts["object"][row["Object of search"] or "Not recorded"] += 1
                counts["object_finds"][row["Object of search"] or "Not recorded"] += found
                counts["outcome"][row["Outcome"] or "Not recorded"] += 1
                counts["officer"][row["Officer-defined ethnicity"] or "Not recorded"] += 1
                counts["self"][row["Self-defined ethnicity"] or "Not recorded"] += 1
                counts["month"][path.name[:7]] += 1
    return counts


def ratio(group: int, group_pop: int, white: int, white_pop: int) -> Decimal:
    exact = Fraction(group, group_pop) / Fraction(white, white_pop)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def check(force: str, paths: list[Path]) -> None:
    expected = independent_count(paths)
    months = sorted({dt.date(int(p.name[:4]), int(p.name[5:7]), 1) for p in paths})
    for group, people in POPULATIONS.items():
        AreaPopulation.objects.create(
            area=force, group=group, population=people, source="Test", year=2021
        )
    figures = stop_search_figures(force, months)
    assert figures.total == expected["total"]["all"]
    assert figures.finds == expected["finds"]["all"]
    assert {r.label: r.searches for r in figures.by_object} == dict(expected["object"])
    assert {r.label: r.finds for r in figures.by_object} == dict(expected["object_finds"])
    for r in figures.by_object:
        exact = Fraction(expected["object_finds"][r.label] * 100, expected["object"][r.label])
        assert r.find_rate == (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
    assert {r.label: r.searches for r in figures.by_outcome} == dict(expected["outcome"])
    assert {r.label: r.searches for r in figures.self_defined} == dict(expected["self"])
    assert [r.searches for r in figures.by_month] == [
        expected["month"][f"{m:%Y-%m}"] for m in months
    ]
    officer = {r.label: r for r in figures.officer_defined}
    assert {k: r.searches for k, r in officer.items()} == dict(expected["officer"])
    white = expected["officer"]["White"]
    for group in ("Asian", "Black", "Other"):
        assert officer[group].ratio == ratio(
            expected["officer"][group], POPULATIONS[group], white, POPULATIONS["White"]
        ), group
    assert officer["White"].ratio is None  # the comparison group itself


@pytest.mark.slow
@pytest.mark.django_db
def test_cambridgeshire_2024_stop_and_search_equals_an_independent_count(shared_police_data):
    paths = files(shared_police_data, "cambridgeshire", ("2024",))
    assert len(paths) == 12
    import_police_data(paths)
    check("cambridgeshire", paths)


@pytest.mark.slow
@pytest.mark.django_db
def test_bedfordshire_2022_and_2023_stop_and_search_equals_an_independent_count(shared_police_data):
    paths = files(shared_police_data, "bedfordshire", ("2022", "2023"))
    assert len(paths) == 24
    import_police_data(paths)
    check("bedfordshire", paths)


@pytest.mark.django_db
def test_the_public_page_shows_the_find_rate_and_states_its_caveats(client, shared_police_data):
    paths = files(shared_police_data, "cambridgeshire", ("2024",))[-2:]
    import_police_data(paths)
    expected = independent_count(paths)
    response = client.get("/performance/stop-and-search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{expected['total']['all']} searches from November 2024 to December 2024" in html
    rate = (Decimal(expected["finds"]["all"] * 100) / Decimal(expected["total"]["all"])).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    assert f'<dd class="govuk-summary-list__value" id="find-rate">{rate}%</dd>' in html
    assert "it does not on its own show unfair treatment" in html
    # No populations are recorded: the page says the ratios are not known, and why.
    assert "no resident populations by ethnic group have been recorded" in html
