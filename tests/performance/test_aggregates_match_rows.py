"""The stored aggregates equal an independent count of the rows, per crime type and month."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db.models import Sum

from pcplan.performance.importer import import_police_data
from pcplan.performance.models import PoliceMonthlyCrime, PoliceMonthlyStopSearch
from tests.performance.conftest import FIXTURES, count_street_rows


def stored_counts() -> Counter[tuple[str, str]]:
    rows = PoliceMonthlyCrime.objects.values("month", "crime_type").annotate(n=Sum("count"))
    return Counter({(f"{r['month']:%Y-%m}", r["crime_type"]): r["n"] for r in rows})


@pytest.mark.django_db
def test_aggregates_of_the_fixture_files_equal_a_csv_module_count():
    import_police_data([FIXTURES])
    expected = count_street_rows(sorted(FIXTURES.rglob("*-street.csv")))
    assert sum(expected.values()) == 13
    assert stored_counts() == expected


@pytest.mark.slow
@pytest.mark.django_db
def test_aggregates_of_the_real_extracts_equal_a_csv_module_count(shared_police_data):
    street = sorted(shared_police_data.glob("2024-*/2024-*-cambridgeshire-street.csv"))
    searches = sorted(shared_police_data.glob("2024-*/2024-*-cambridgeshire-stop-and-search.csv"))
    assert len(street) == 12
    import_police_data(street + searches)
    expected = count_street_rows(street)
    assert sum(expected.values()) == 83_021  # SOURCE.md: group A street rows
    assert stored_counts() == expected
    stored_searches = PoliceMonthlyStopSearch.objects.aggregate(n=Sum("count"))["n"]
    assert stored_searches == 2_855  # SOURCE.md: group A stop-and-search rows
