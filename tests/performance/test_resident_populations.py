"""Editors import resident populations (CSV or Excel), all or nothing; the trends page then
gives crimes per 1,000 residents and stop and search its disproportionality."""

from __future__ import annotations

import pytest

from pcplan.performance.importer import import_police_data
from pcplan.performance.models import AreaPopulation
from tests.performance.test_observations import csv_file

URL = "/staff/performance/populations/"
GOOD = (
    "Area,Group,Population,Source,Year\n"
    'Cambridge,,"145,700",Census 2021 (test figure),2021\n'
    "cambridgeshire,White,700000,Census 2021 (test figure),2021\n"
    "cambridgeshire,Black,20000,Census 2021 (test figure),2021\n"
)


@pytest.mark.django_db
def test_an_editor_imports_populations_once_however_often_the_file_is_imported(client_for, editor):
    staff = client_for(editor)
    for _ in range(2):
        assert staff.post(URL, {"file": csv_file(GOOD)}).status_code == 302
    city = AreaPopulation.objects.get(area="Cambridge")
    assert (city.group, city.population, city.year) == ("", 145_700, 2021)
    assert city.history.count() == 1
    assert AreaPopulation.objects.count() == 3
    assert "145700" in staff.get(URL).content.decode()


@pytest.mark.django_db
def test_a_bad_row_saves_nothing_and_names_its_row_and_column(client_for, editor):
    bad = GOOD + "Atlantis,,100,Test,2021\ncambridgeshire,Martian,5,Test,2021\n"
    response = client_for(editor).post(URL, {"file": csv_file(bad)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Row 5, column Area" in html and "Row 6, column Group" in html
    assert not AreaPopulation.objects.exists()


@pytest.mark.django_db
def test_only_editors_record_populations(client, client_for, contributor):
    assert client_for(contributor).post(URL, {"file": csv_file(GOOD)}).status_code == 403
    client.logout()
    assert client.get(URL).status_code == 302
    assert not AreaPopulation.objects.exists()


@pytest.mark.django_db
def test_populations_give_rates_per_thousand_and_disproportionality(
    client_for, editor, client, shared_police_data
):
    import_police_data(sorted(shared_police_data.glob("2024-*/2024-*-cambridgeshire-*.csv")))
    client_for(editor).post(URL, {"file": csv_file(GOOD)})
    client.logout()
    trends = client.get("/performance/trends/").context["t"]
    city = next(a for a in trends.areas_compared if a.area == "Cambridge")
    assert city.population == 145_700 and city.rate is not None
    assert city.rate == round(city.crimes * 1000 / 145_700, 1)
    stop = client.get("/performance/stop-and-search/").context["s"]
    black = next(r for r in stop.officer_defined if r.label == "Black")
    assert black.ratio is not None and black.ratio > 1
