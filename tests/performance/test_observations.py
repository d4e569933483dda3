"""Observations entered by hand and uploaded as CSV or Excel: all or nothing, errors named."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from pcplan.performance.models import Measure, Observation


@pytest.fixture
def satisfaction(national_measures):
    return Measure.objects.get(key="improve-victim-satisfaction")


def new_url(measure: Measure) -> str:
    return f"/staff/performance/measures/{measure.pk}/observations/new/"


def upload_url(measure: Measure) -> str:
    return f"/staff/performance/measures/{measure.pk}/observations/upload/"


def date_fields(name: str, day: str, month: str, year: str) -> dict[str, str]:
    return {f"{name}_day": day, f"{name}_month": month, f"{name}_year": year}


def csv_file(text: str, name: str = "observations.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def xlsx_file(rows: list[list]) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("observations.xlsx", buffer.getvalue())


@pytest.mark.django_db
class TestByHand:
    def test_an_editor_records_a_quarterly_observation(self, client_for, editor, satisfaction):
        response = client_for(editor).post(
            new_url(satisfaction),
            {"granularity": "quarter", "value": "81.5", "area": "Fenland"}
            | date_fields("period_start", "1", "4", "2024"),
        )
        assert response.status_code == 302
        observation = Observation.objects.get(measure=satisfaction)
        assert (observation.granularity, observation.period_start, observation.area) == (
            "quarter",
            dt.date(2024, 4, 1),
            "Fenland",
        )
        assert observation.value == Decimal("81.5")
        assert observation.recorded_by == editor
        assert observation.history.first().history_user == editor

    def test_recording_the_same_period_again_corrects_it(self, client_for, editor, satisfaction):
        client = client_for(editor)
        for value in ("80", "82"):
            client.post(
                new_url(satisfaction),
                {"granularity": "month", "value": value}
                | date_fields("period_start", "1", "5", "2024"),
            )
        assert list(Observation.objects.values_list("value", flat=True)) == [Decimal("82")]

    def test_a_bad_value_shows_the_gov_uk_error_and_saves_nothing(
        self, client_for, editor, satisfaction
    ):
        response = client_for(editor).post(
            new_url(satisfaction),
            {"granularity": "month", "value": "lots"}
            | date_fields("period_start", "15", "5", "2024"),
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert "There is a problem" in html
        assert "Enter a number, such as 1234 or 85.5" in html
        assert not Observation.objects.exists()

    def test_a_constabulary_contributor_may_supply_performance_data(
        self, client_for, contributor, satisfaction
    ):
        response = client_for(contributor).post(
            new_url(satisfaction),
            {"granularity": "year", "value": "79"} | date_fields("period_start", "1", "4", "2023"),
        )
        assert response.status_code == 302
        assert Observation.objects.get().recorded_by == contributor

    def test_a_panel_member_may_not_record_observations(
        self, client_for, panel_member, satisfaction
    ):
        response = client_for(panel_member).post(
            new_url(satisfaction),
            {"granularity": "year", "value": "79"} | date_fields("period_start", "1", "4", "2023"),
        )
        assert response.status_code == 403
        assert not Observation.objects.exists()

    def test_a_measure_derived_from_police_data_takes_no_observations(
        self, client_for, editor, national_measures
    ):
        derived = Measure.objects.get(key="reduce-neighbourhood-crime")
        assert client_for(editor).get(new_url(derived)).status_code == 403


@pytest.mark.django_db
class TestUpload:
    def test_a_csv_upload_saves_every_row(self, client_for, editor, satisfaction):
        text = (
            "Granularity,Period start,Value,Area\r\n"
            "quarter,2024-04-01,81.5,\r\n"
            "quarter,2024-07-01,83,Peterborough\r\n"
            "month,2024-08,84.25,\r\n"
        )
        response = client_for(editor).post(upload_url(satisfaction), {"file": csv_file(text)})
        assert response.status_code == 302
        saved = {
            (o.granularity, o.period_start, o.area): o.value
            for o in Observation.objects.filter(measure=satisfaction)
        }
        assert saved == {
            ("quarter", dt.date(2024, 4, 1), ""): Decimal("81.5"),
            ("quarter", dt.date(2024, 7, 1), "Peterborough"): Decimal("83"),
            ("month", dt.date(2024, 8, 1), ""): Decimal("84.25"),
        }
        satisfaction.refresh_from_db()
        assert satisfaction.source == Measure.Source.UPLOAD

    def test_an_excel_upload_saves_every_row(self, client_for, editor, satisfaction):
        upload = xlsx_file(
            [["Period start", "Granularity", "Value"], [dt.datetime(2023, 4, 1), "year", 78]]
        )
        response = client_for(editor).post(upload_url(satisfaction), {"file": upload})
        assert response.status_code == 302
        observation = Observation.objects.get()
        assert (observation.period_start, observation.value) == (dt.date(2023, 4, 1), 78)

    def test_a_bad_row_names_its_row_and_column_and_nothing_is_saved(
        self, client_for, editor, satisfaction
    ):
        text = (
            "Granularity,Period start,Value,Area\n"
            "quarter,2024-04-01,81.5,\n"
            "quarter,2024-07-01,eighty,\n"
            "fortnight,2024-07-01,80,\n"
            "month,2024-07-01,80,Norwich\n"
        )
        response = client_for(editor).post(upload_url(satisfaction), {"file": csv_file(text)})
        assert response.status_code == 400
        html = response.content.decode()
        assert "There is a problem" in html
        assert "Nothing was saved" in html
        assert "Row 3, column Value: enter a number" in html
        assert "Row 4, column Granularity: enter month, quarter or year" in html
        assert "Row 5, column Area: enter one of Cambridge" in html
        assert not Observation.objects.exists()

    def test_a_bad_excel_date_names_its_row_and_column(self, client_for, editor, satisfaction):
        upload = xlsx_file(
            [
                ["Granularity", "Period start", "Value"],
                ["year", "2023-04-01", 1],
                ["year", "soon", 2],
            ]
        )
        response = client_for(editor).post(upload_url(satisfaction), {"file": upload})
        assert "Row 3, column Period start" in response.content.decode()
        assert not Observation.objects.exists()

    def test_missing_columns_are_named(self, client_for, editor, satisfaction):
        response = client_for(editor).post(
            upload_url(satisfaction), {"file": csv_file("Period,Value\n2024-01,3\n")}
        )
        assert (
            "Row 1: the columns Granularity, Period start are missing" in response.content.decode()
        )

    def test_a_file_that_is_neither_csv_nor_excel_is_refused(
        self, client_for, editor, satisfaction
    ):
        response = client_for(editor).post(
            upload_url(satisfaction), {"file": csv_file("x", name="notes.txt")}
        )
        assert "notes.txt is not a .csv or .xlsx file" in response.content.decode()

    def test_uploaded_observations_appear_on_the_public_dashboard(
        self, client, client_for, editor, satisfaction
    ):
        satisfaction.baseline_value = Decimal("80")
        satisfaction.save()
        text = "Granularity,Period start,Value\nyear,2022-04-01,78\nyear,2023-04-01,85\n"
        client_for(editor).post(upload_url(satisfaction), {"file": csv_file(text)})
        client.logout()
        html = client.get("/performance/").content.decode()
        assert "Year from April 2023" in html
        assert "6.3%" in html  # (85 - 80) / 80 = 6.25% -> 6.3%, higher is better
        assert "Better than baseline" in html


@pytest.mark.django_db
def test_an_editor_defines_a_local_measure_linked_to_a_theme(client_for, editor, theme):
    response = client_for(editor).post(
        "/staff/performance/measures/new/",
        {
            "name": "Cycle theft",
            "unit": "crimes",
            "direction": "lower",
            "is_summed": "on",
            "baseline_label": "Year ending March 2023",
            "baseline_value": "1200",
            "derivation": "crime-type-bicycle-theft",
            "is_published": "on",
            "themes": [theme.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()
    measure = Measure.objects.get(key="cycle-theft")
    assert measure.source == Measure.Source.POLICE_DATA
    assert measure.is_derived
    assert list(measure.themes.all()) == [theme]
    assert measure.history.first().history_user == editor


@pytest.mark.django_db
def test_a_measure_without_a_name_or_direction_is_refused(client_for, editor):
    response = client_for(editor).post("/staff/performance/measures/new/", {"unit": "crimes"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter the measure&#x27;s name" in html
    assert "Select whether higher or lower is better" in html


@pytest.mark.django_db
def test_a_contributor_may_not_define_measures(client_for, contributor):
    assert client_for(contributor).get("/staff/performance/measures/new/").status_code == 403
