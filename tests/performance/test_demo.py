"""The demo ships its own police.uk data: Cambridgeshire 2024, without ../shared."""

from __future__ import annotations

import pytest
from django.db.models import Sum

from pcplan.demo.performance import DEMO_DATA
from pcplan.performance.models import (
    AreaPopulation,
    Measure,
    PoliceMonthlyCrime,
    PoliceMonthlyStopSearch,
)
from tests.demo_snapshot import load_demo_database


def test_the_demo_police_data_is_shipped_inside_pcplan_and_small():
    assert DEMO_DATA.is_file()
    assert "shared" not in DEMO_DATA.parts
    assert DEMO_DATA.stat().st_size < 5 * 1024 * 1024


@pytest.mark.slow
@pytest.mark.django_db
def test_the_demo_loads_twelve_months_of_cambridgeshire_crime(client):
    # Loading it again adds nothing: tests/demo/test_demo.py loads it twice.
    load_demo_database()
    assert PoliceMonthlyCrime.objects.aggregate(n=Sum("count"))["n"] == 83_021
    assert PoliceMonthlyStopSearch.objects.aggregate(n=Sum("count"))["n"] == 2_855
    assert PoliceMonthlyCrime.objects.values("month").distinct().count() == 12
    national = Measure.objects.filter(is_national=True)
    assert all(
        m.deliverables.filter(title__startswith="Ensure Constabulary progress").exists()
        for m in national
    )
    html = client.get("/performance/").content.decode()
    assert "12 months to December 2024" in html


@pytest.mark.slow
@pytest.mark.django_db
def test_the_demo_compares_areas_per_1000_residents_and_places_searches_in_them(client):
    load_demo_database()
    residents = {p.area: p for p in AreaPopulation.objects.filter(group="")}
    assert len(residents) == 6  # one per CSP area of the profile
    fenland = residents["Fenland Community Safety Partnership"]
    assert (fenland.population, fenland.year) == (102_500, 2021)
    assert "Census 2021" in fenland.source
    placed = PoliceMonthlyStopSearch.objects.exclude(district="").aggregate(n=Sum("count"))["n"]
    assert placed > 2_800  # of 2,855: five have no location, a few are near no street crime
    html = client.get("/performance/stop-and-search/").content.decode()
    table = html.split('id="by-area"', 1)[1].split("</table>", 1)[0]
    assert "Safer Peterborough Partnership" in table
    assert "Not known" not in table  # every area has its residents
    trends = client.get("/performance/trends/").content.decode()
    assert "no area populations have been recorded" not in trends
    assert "Census 2021" in trends
