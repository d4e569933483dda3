"""Bad values stop at the boundary: the form and the upload refuse the same things, and no
stored value, however odd, breaks a dashboard."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pcplan.performance.models import Measure, Observation
from tests.performance.test_observations import (
    csv_file,
    date_fields,
    new_url,
    upload_url,
    xlsx_file,
)


@pytest.fixture
def satisfaction(national_measures):
    return Measure.objects.get(key="improve-victim-satisfaction")


@pytest.mark.django_db
class TestUploadBoundary:
    def test_a_far_future_date_is_refused_and_both_dashboards_still_work(
        self, client, client_for, editor, satisfaction
    ):
        text = "Granularity,Period start,Value,Area\nmonth,2024-01-01,3,\nmonth,9999-12-01,1,\n"
        staff = client_for(editor)
        response = staff.post(upload_url(satisfaction), {"file": csv_file(text)})
        assert response.status_code == 400
        html = response.content.decode()
        assert "There is a problem" in html
        assert "Row 3, column Period start: enter a date between 1 January 1900 and" in html
        assert not Observation.objects.exists()
        assert staff.get("/staff/performance/").status_code == 200
        client.logout()
        assert client.get("/performance/").status_code == 200

    def test_a_date_before_1900_in_an_excel_file_is_refused(self, client_for, editor, satisfaction):
        upload = xlsx_file([["Granularity", "Period start", "Value"], ["year", "1899-04-01", 5]])
        response = client_for(editor).post(upload_url(satisfaction), {"file": upload})
        assert response.status_code == 400
        assert "Row 2, column Period start: enter a date between" in response.content.decode()
        assert not Observation.objects.exists()

    @pytest.mark.parametrize("value", ["1e15", "-1e13", "1e400000000", "1234567890123"])
    def test_a_number_too_large_for_the_column_is_refused(
        self, client, client_for, editor, satisfaction, value
    ):
        text = f"Granularity,Period start,Value,Area\nmonth,2024-01-01,{value},\n"
        staff = client_for(editor)
        response = staff.post(upload_url(satisfaction), {"file": csv_file(text)})
        assert response.status_code == 400
        assert (
            "Row 2, column Value: enter a number no larger than 999,999,999,999.99"
            in response.content.decode()
        )
        assert not Observation.objects.exists()
        assert staff.get("/staff/performance/").status_code == 200
        client.logout()
        assert client.get("/performance/").status_code == 200

    def test_more_than_two_decimal_places_is_refused(self, client_for, editor, satisfaction):
        text = "Granularity,Period start,Value\nmonth,2024-01-01,1.005\n"
        response = client_for(editor).post(upload_url(satisfaction), {"file": csv_file(text)})
        assert "Row 2, column Value: enter a number with no more than 2 decimal places" in (
            response.content.decode()
        )
        assert not Observation.objects.exists()

    def test_the_largest_allowed_value_is_saved(self, client_for, editor, satisfaction):
        text = "Granularity,Period start,Value\nmonth,2024-01-01,-999999999999.99\n"
        response = client_for(editor).post(upload_url(satisfaction), {"file": csv_file(text)})
        assert response.status_code == 302
        assert Observation.objects.get().value == Decimal("-999999999999.99")


@pytest.mark.django_db
class TestFormBoundary:
    def test_the_form_refuses_year_9999_with_the_uploads_words(
        self, client_for, editor, satisfaction
    ):
        response = client_for(editor).post(
            new_url(satisfaction),
            {"granularity": "month", "value": "1"} | date_fields("period_start", "1", "12", "9999"),
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert "There is a problem" in html
        assert "Enter a date between 1 January 1900 and" in html
        assert not Observation.objects.exists()

    def test_the_form_refuses_a_number_too_large_for_the_column(
        self, client_for, editor, satisfaction
    ):
        response = client_for(editor).post(
            new_url(satisfaction),
            {"granularity": "month", "value": "1e15"}
            | date_fields("period_start", "1", "1", "2024"),
        )
        assert response.status_code == 400
        assert "Enter a number no larger than 999,999,999,999.99" in response.content.decode()
        assert not Observation.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("period_start", "value"),
    [
        (dt.date(9999, 12, 1), Decimal("999999999999.99")),
        (dt.date(1, 1, 1), Decimal("-999999999999.99")),
    ],
)
def test_the_dashboards_never_fail_on_the_worst_values_the_model_accepts(
    client, client_for, editor, satisfaction, period_start, value
):
    satisfaction.baseline_value = Decimal("999999999999.99")
    satisfaction.target_value = Decimal("-999999999999.99")
    satisfaction.save()
    for granularity in ("month", "quarter", "year"):
        observation = Observation(
            measure=satisfaction, granularity=granularity, period_start=period_start, value=value
        )
        observation.full_clean()
        observation.save()
    Observation.objects.create(
        measure=satisfaction, granularity="month", period_start=dt.date(2024, 1, 1), value=value
    )
    staff = client_for(editor)
    assert staff.get("/staff/performance/").status_code == 200
    assert staff.get(f"/performance/{satisfaction.key}.csv").status_code == 200
    client.logout()
    assert client.get("/performance/").status_code == 200
