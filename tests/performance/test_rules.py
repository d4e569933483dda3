"""Rolling totals, change against baseline and judgements, on hand-computed examples."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pcplan.performance.areas import district_of
from pcplan.performance.rules import (
    NO_CHANGE_BAND_PERCENT,
    Direction,
    Judgement,
    add_months,
    change_percent,
    judge,
    rolling_totals,
)


def month(m: int, year: int = 2024) -> dt.date:
    return add_months(dt.date(year, 1, 1), m - 1)


def test_add_months_crosses_year_ends_both_ways():
    assert add_months(dt.date(2024, 11, 1), 3) == dt.date(2025, 2, 1)
    assert add_months(dt.date(2024, 1, 1), -1) == dt.date(2023, 12, 1)
    assert add_months(dt.date(2024, 1, 1), -12) == dt.date(2023, 1, 1)


def test_rolling_total_of_three_months_adds_each_month_and_the_two_before():
    series = [(month(1), 10), (month(2), 20), (month(3), 30), (month(4), 40)]
    assert rolling_totals(series, window=3) == [
        (month(1), None),
        (month(2), None),
        (month(3), Decimal(60)),  # 10 + 20 + 30
        (month(4), Decimal(90)),  # 20 + 30 + 40
    ]


def test_twelve_month_rolling_total_starts_at_the_twelfth_month():
    series = [(month(m), m) for m in range(1, 14)]  # Jan 2024 .. Jan 2025, values 1..13
    totals = dict(rolling_totals(series))
    assert totals[month(11)] is None
    assert totals[month(12)] == Decimal(78)  # 1 + 2 + ... + 12
    assert totals[month(13)] == Decimal(90)  # 2 + 3 + ... + 13


def test_a_missing_month_makes_the_rolling_total_unknown_not_smaller():
    series = [(month(1), 5), (month(3), 5), (month(4), 5)]
    assert dict(rolling_totals(series, window=2)) == {
        month(1): None,
        month(3): None,  # February is missing
        month(4): Decimal(10),
    }


def test_rolling_totals_do_not_depend_on_the_order_given():
    series = [(month(3), 3), (month(1), 1), (month(2), 2)]
    assert rolling_totals(series, window=3)[-1] == (month(3), Decimal(6))


@pytest.mark.parametrize(
    ("value", "baseline", "expected"),
    [
        (110, 100, Decimal("10.0")),
        (90, 100, Decimal("-10.0")),
        (100, 100, Decimal("0.0")),
        (2, 3, Decimal("-33.3")),  # -1/3 = -33.33...
        (5, 3, Decimal("66.7")),  # 2/3 = 66.66... rounds half up
        (Decimal("81.5"), Decimal("80"), Decimal("1.9")),  # 1.875 -> 1.9
    ],
)
def test_change_against_baseline_in_per_cent(value, baseline, expected):
    assert change_percent(value, baseline) == expected


def test_change_is_unknown_without_a_value_or_a_non_zero_baseline():
    assert change_percent(None, 100) is None
    assert change_percent(100, None) is None
    assert change_percent(100, 0) is None


def test_the_no_change_band_is_two_per_cent_either_way():
    assert Decimal("2") == NO_CHANGE_BAND_PERCENT


@pytest.mark.parametrize(
    ("change", "direction", "expected"),
    [
        (Decimal("-10.0"), Direction.LOWER_IS_BETTER, Judgement.BETTER),  # fewer crimes
        (Decimal("10.0"), Direction.LOWER_IS_BETTER, Judgement.WORSE),
        (Decimal("10.0"), Direction.HIGHER_IS_BETTER, Judgement.BETTER),  # more satisfied
        (Decimal("-10.0"), Direction.HIGHER_IS_BETTER, Judgement.WORSE),
        (Decimal("2.0"), Direction.LOWER_IS_BETTER, Judgement.NO_CHANGE),  # edge of the band
        (Decimal("-2.0"), Direction.HIGHER_IS_BETTER, Judgement.NO_CHANGE),
        (Decimal("2.1"), Direction.LOWER_IS_BETTER, Judgement.WORSE),
        (Decimal("-2.1"), Direction.LOWER_IS_BETTER, Judgement.BETTER),
        (None, Direction.LOWER_IS_BETTER, Judgement.NOT_KNOWN),
    ],
)
def test_judgement_uses_the_direction_of_improvement(change, direction, expected):
    assert judge(change, direction) == expected


def test_judgement_accepts_the_direction_as_stored_in_the_database():
    assert judge(Decimal("-5"), "lower") == Judgement.BETTER


@pytest.mark.parametrize(
    ("lsoa_name", "district"),
    [
        ("Cambridge 007A", "Cambridge"),
        ("South Cambridgeshire 012C", "South Cambridgeshire"),
        ("East Cambridgeshire 003B", "East Cambridgeshire"),
        ("Peterborough 021F", "Peterborough"),
        ("King's Lynn and West Norfolk 001A", "King's Lynn and West Norfolk"),
        ("", ""),
        (None, ""),
        ("Cambridge", ""),
    ],
)
def test_the_district_is_the_lsoa_name_without_its_code(lsoa_name, district):
    assert district_of(lsoa_name) == district
