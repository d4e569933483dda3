"""Baselines and published figures with their source and date: recorded by hand or imported
(CSV or Excel), all or nothing; computed from data.police.uk where enough months are loaded;
"Not known" only with the reason."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pcplan.performance.models import Measure, PoliceMonthlyCrime, PublishedFigure
from pcplan.performance.rules import add_months
from tests.htmlforms import served_form
from tests.performance.test_observations import csv_file, date_fields, xlsx_file

HEADER = "Period,Period start,Period end,Value,Source,Source date,Area,Baseline,Source address\n"
HOME_OFFICE = (
    "Year ending June 2019,2018-07-01,2019-06-30,10250,"
    "Home Office police recorded crime tables,2019-10-17,,yes,"
    "https://www.gov.uk/government/statistics/police-recorded-crime-and-outcomes-open-data-tables\n"
)


@pytest.fixture
def neighbourhood(national_measures):
    return Measure.objects.get(key="reduce-neighbourhood-crime")


def upload_url(measure: Measure) -> str:
    return f"/staff/performance/measures/{measure.pk}/figures/upload/"


@pytest.mark.django_db
def test_an_editor_records_the_home_office_baseline_and_the_public_page_names_its_source(
    client, client_for, editor, neighbourhood
):
    staff = client_for(editor)
    url = f"/staff/performance/measures/{neighbourhood.pk}/figures/new/"
    form = served_form(staff.get(url).content.decode())
    form |= {
        "period_label": "Year ending June 2019",
        "value": "10250",
        "is_baseline": "on",
        "source": "Home Office police recorded crime tables",
    }
    form |= date_fields("period_start", "1", "7", "2018") | date_fields(
        "period_end", "30", "6", "2019"
    )
    form |= date_fields("source_date", "17", "10", "2019")
    response = staff.post(url, form)
    assert response.status_code == 302
    figure = PublishedFigure.objects.get(measure=neighbourhood)
    assert (figure.value, figure.is_baseline, figure.recorded_by) == (Decimal(10250), True, editor)
    assert figure.history.count() == 1
    client.logout()
    html = client.get(f"/performance/measures/{neighbourhood.key}/").content.decode()
    assert "10,250" in html or "10250" in html
    assert (
        "Year ending June 2019: Home Office police recorded crime tables, published 17 October 2019"
        in html
    )


@pytest.mark.django_db
def test_a_contributor_may_not_record_a_baseline(client_for, contributor, neighbourhood):
    url = f"/staff/performance/measures/{neighbourhood.pk}/figures/new/"
    assert client_for(contributor).get(url).status_code == 403
    assert not PublishedFigure.objects.exists()


@pytest.mark.django_db
def test_importing_the_same_csv_twice_adds_nothing_the_second_time(
    client_for, editor, neighbourhood
):
    staff = client_for(editor)
    for _ in range(2):
        response = staff.post(upload_url(neighbourhood), {"file": csv_file(HEADER + HOME_OFFICE)})
        assert response.status_code == 302
    figure = PublishedFigure.objects.get()
    assert figure.is_baseline and figure.source_url.startswith("https://www.gov.uk/")
    assert figure.source_date == dt.date(2019, 10, 17)


@pytest.mark.django_db
def test_an_excel_import_with_a_bad_row_saves_nothing_and_names_row_and_column(
    client_for, editor, neighbourhood
):
    rows = [
        ["Period", "Period start", "Period end", "Value", "Source", "Source date"],
        [
            "Year ending June 2019",
            dt.date(2018, 7, 1),
            dt.date(2019, 6, 30),
            10250,
            "Home Office",
            dt.date(2019, 10, 17),
        ],
        [
            "Year ending June 2020",
            dt.date(2019, 7, 1),
            dt.date(2020, 6, 30),
            "many",
            "Home Office",
            dt.date(2020, 10, 1),
        ],
        [
            "Year ending June 2021",
            dt.date(2020, 7, 1),
            dt.date(2021, 6, 30),
            9000,
            "",
            dt.date(2021, 10, 1),
        ],
    ]
    response = client_for(editor).post(upload_url(neighbourhood), {"file": xlsx_file(rows)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Row 3, column Value" in html
    assert "Row 4, column Source: this cannot be blank" in html
    assert not PublishedFigure.objects.exists()


@pytest.mark.django_db
def test_the_baseline_is_computed_from_police_data_when_every_month_is_loaded_and_says_so(
    client, neighbourhood
):
    rows = [
        PoliceMonthlyCrime(
            force="cambridgeshire",
            month=add_months(dt.date(2018, 7, 1), i),
            crime_type="Burglary",
            count=100,
        )
        for i in range(12)
    ]
    PoliceMonthlyCrime.objects.bulk_create(rows)
    response = client.get(f"/performance/measures/{neighbourhood.key}/")
    series = response.context["s"]
    assert series.baseline == Decimal(1200)  # 100 a month from July 2018 to June 2019
    assert (
        "Calculated by pcplan from data.police.uk for the baseline period"
        in response.content.decode()
    )


@pytest.mark.django_db
def test_not_known_always_comes_with_its_reason(client, national_measures):
    html = client.get("/performance/").content.decode()
    assert "data.police.uk keeps 36 months" in html  # the derived measure
    assert "No baseline has been entered yet." in html  # the measures entered by hand


@pytest.mark.django_db
def test_a_published_figure_dated_9999_is_refused_on_the_form_and_in_the_upload_alike(
    client_for, editor, neighbourhood
):
    """The same date limits as observations, whichever way a figure arrives."""
    staff = client_for(editor)
    url = f"/staff/performance/measures/{neighbourhood.pk}/figures/new/"
    form = served_form(staff.get(url).content.decode())
    form |= {"period_label": "Year ending 9999", "value": "10", "source": "Home Office"}
    form |= date_fields("period_start", "1", "1", "9999") | date_fields(
        "period_end", "31", "12", "9999"
    )
    form |= date_fields("source_date", "17", "10", "2019")
    response = staff.post(url, form)
    assert response.status_code == 400
    assert "Enter a date between 1 January 1900 and" in response.content.decode()

    far = HOME_OFFICE.replace("2019-10-17", "9999-10-17")
    response = staff.post(upload_url(neighbourhood), {"file": csv_file(HEADER + far)})
    assert response.status_code == 400
    assert "Row 2, column Source date: enter a date between 1 January 1900" in (
        response.content.decode()
    )
    assert not PublishedFigure.objects.exists()
