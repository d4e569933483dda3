"""The six National Crime and Policing Measures come preloaded (seed 002 item 9 footnote 1)."""

from __future__ import annotations

import pytest

from pcplan.performance.models import Measure
from pcplan.performance.national import NATIONAL_MEASURES, ensure_national_measures


@pytest.mark.usefixtures("national_measures")
def test_the_six_national_measures_are_preloaded_with_the_june_2019_baseline():
    national = list(Measure.objects.filter(is_national=True))
    assert [m.name for m in national] == [
        "Reduce murder and other homicide",
        "Reduce serious violence",
        "Disrupt drugs supply and county lines",
        "Reduce neighbourhood crime",
        "Improve satisfaction among victims, with a particular focus on victims of domestic abuse",
        "Tackle cyber crime",
    ]
    assert {m.baseline_label for m in national} == {"Year ending June 2019"}
    assert all(m.is_public for m in national)


@pytest.mark.usefixtures("national_measures")
def test_neighbourhood_crime_is_derived_from_police_data_and_lower_is_better():
    measure = Measure.objects.get(key="reduce-neighbourhood-crime")
    assert measure.is_derived
    assert measure.derivation == "neighbourhood-crime"
    assert measure.direction == Measure.Direction.LOWER_IS_BETTER


@pytest.mark.usefixtures("national_measures")
def test_victim_satisfaction_is_better_when_higher():
    measure = Measure.objects.get(key="improve-victim-satisfaction")
    assert measure.direction == Measure.Direction.HIGHER_IS_BETTER


def test_the_data_migration_loads_the_same_six_measures():
    import importlib

    migration = importlib.import_module("pcplan.performance.migrations.0002_national_measures")
    assert migration.ensure_national_measures is ensure_national_measures
    assert len(NATIONAL_MEASURES) == 6
