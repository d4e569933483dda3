"""The demo ships its own police.uk data: Cambridgeshire 2024, without ../shared."""

from __future__ import annotations

import pytest
from django.db.models import Sum

from pcplan.demo.performance import DEMO_DATA
from pcplan.performance.models import Measure, PoliceMonthlyCrime, PoliceMonthlyStopSearch
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
