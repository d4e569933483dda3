"""The dashboard's areas and forces are the office profile's: CSPs sum the districts they cover."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pcplan.core.profile import setup_from_text
from pcplan.performance.models import Measure, Observation
from tests.performance.test_dashboard import PUBLIC, load_months
from tests.performance.test_observations import date_fields, new_url

TWO_DISTRICTS = """\
kind: pfcc
name: Testshire Police, Fire and Crime Commissioner
forces:
  - {id: cambridgeshire, name: The Constabulary of the fixtures}
csps:
  - {name: Northern Community Safety Partnership, districts: [Cambridge, Peterborough]}
  - {name: Southern Community Safety Partnership, districts: [Fenland]}
"""
NORTH = "Northern Community Safety Partnership"


@pytest.fixture
def two_district_office(office):
    setup_from_text(TWO_DISTRICTS, "office.yaml")


@pytest.fixture
def neighbourhood_crime(national_measures):
    return Measure.objects.get(key="reduce-neighbourhood-crime")


@pytest.mark.django_db
def test_a_csp_area_sums_every_district_it_covers(client, two_district_office, neighbourhood_crime):
    load_months(12)  # 10 burglaries a month in each of Cambridge and Peterborough

    response = client.get(PUBLIC, {"area": NORTH})

    assert response.status_code == 200
    series = response.context["dashboard"].series
    crime = next(s for s in series if s.measure.key == neighbourhood_crime.key)
    assert crime.current == Decimal(240)
    assert f"Police-recorded crime in {NORTH}" in response.content.decode()


@pytest.mark.django_db
def test_a_csp_area_with_no_crime_loaded_for_its_districts_has_no_data_not_the_forces(
    client, two_district_office, neighbourhood_crime
):
    load_months(12)

    response = client.get(PUBLIC, {"area": "Southern Community Safety Partnership"})

    crime = next(
        s for s in response.context["dashboard"].series if s.measure.key == neighbourhood_crime.key
    )
    assert crime.current is None
    assert not crime.has_data


@pytest.mark.django_db
def test_the_area_filter_lists_the_profiles_partnerships_and_the_force_by_its_name(
    client, two_district_office, national_measures
):
    response = client.get(PUBLIC)
    html = response.content.decode()

    assert f'<option value="{NORTH}">{NORTH}</option>' in html
    assert 'value="Cambridge"' not in html
    form = response.context["filter"]
    assert form.fields["force"].choices == [("cambridgeshire", "The Constabulary of the fixtures")]


@pytest.mark.django_db
def test_an_area_the_profile_does_not_have_is_refused_and_the_whole_force_shown(
    client, two_district_office, national_measures
):
    response = client.get(PUBLIC, {"area": "Cambridge"})

    assert response.context["dashboard"].area == ""


@pytest.mark.django_db
def test_an_observation_is_recorded_for_a_profile_partnership_with_a_long_name(
    client_for, editor, two_district_office
):
    measure = Measure.objects.create(
        key="satisfaction", name="Victim satisfaction", unit="%", direction="higher"
    )
    long_name = "A Community Safety Partnership " + "with a very long name " * 6
    setup_from_text(
        TWO_DISTRICTS + f"  - {{name: {long_name.strip()}, districts: [Huntingdonshire]}}\n",
        "office.yaml",
    )

    response = client_for(editor).post(
        new_url(measure),
        {"granularity": "quarter", "value": "81.5", "area": long_name.strip()}
        | date_fields("period_start", "1", "4", "2024"),
    )

    assert response.status_code == 302
    assert Observation.objects.get(measure=measure).area == long_name.strip()
    assert Observation.objects.get(measure=measure).period_start == dt.date(2024, 4, 1)


@pytest.mark.django_db
def test_an_observation_for_an_area_outside_the_profile_is_refused(
    client_for, editor, two_district_office
):
    measure = Measure.objects.create(
        key="satisfaction", name="Victim satisfaction", unit="%", direction="higher"
    )

    response = client_for(editor).post(
        new_url(measure),
        {"granularity": "quarter", "value": "81.5", "area": "Fenland"}
        | date_fields("period_start", "1", "4", "2024"),
    )

    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not Observation.objects.exists()
