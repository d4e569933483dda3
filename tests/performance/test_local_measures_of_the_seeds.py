"""The local measures the seeds report, loaded from a data file, each with its source
paragraph; nothing the seeds do not state."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pcplan.performance.demo import load_local_measures
from pcplan.performance.models import Measure, Observation
from pcplan.performance.rules import Judgement


@pytest.mark.django_db
def test_the_seeds_local_measures_load_once_with_their_figures(national_measures):
    load_local_measures()
    load_local_measures()
    figures = {
        (o.measure.key, o.period_start): o.value
        for o in Observation.objects.select_related("measure")
    }
    assert figures == {
        ("police-officer-numbers", dt.date(2023, 2, 1)): Decimal(1699),  # 33 short of 1,732
        ("precept-survey-responses", dt.date(2022, 4, 1)): Decimal(640),
        ("youth-listening-project-responses", dt.date(2022, 4, 1)): Decimal(1574),
        ("independent-custody-visitors", dt.date(2023, 2, 1)): Decimal(19),
    }
    officers = Measure.objects.get(key="police-officer-numbers")
    assert officers.target_value == Decimal(1732)
    assert officers.history.count() == 1  # the second load changed nothing
    assert "33 short of the target of 1732 officers" in officers.description
    cycle = Measure.objects.get(key="cycle-theft-cambridge")
    assert cycle.is_derived and "60% drop in cycle thefts" in cycle.description
    assert "neither the period nor the counts" in cycle.description


@pytest.mark.django_db
def test_a_local_measure_page_quotes_its_source_and_says_what_is_not_known(
    client, national_measures
):
    load_local_measures()
    html = client.get("/performance/measures/police-officer-numbers/").content.decode()
    assert "minute 45" in html
    assert "33 short of 1,732 (minute 45, 1 February 2023)" in html  # the figure's own note
    assert "1,699" in html or "1699" in html
    assert "1,732" in html or "1732" in html
    response = client.get("/performance/")
    series = {s.measure.key: s for s in response.context["dashboard"].series}
    # One count and no baseline: no judgement is invented, and the reason is given.
    assert series["precept-survey-responses"].judgement == Judgement.NOT_KNOWN
    assert (
        series["precept-survey-responses"].not_known_reason == "No baseline has been entered yet."
    )
    assert "Youth Listening Project survey responses" in response.content.decode()
