"""Police outcomes and stop and search in the API (issue 14): the counts pcplan stores from
data.police.uk, as the crime counts are given; counts only, never one search's details; in the
OpenAPI schema, filtered by month and force, dated by the last import."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.http import parse_http_date

from pcplan.performance.models import ImportRun, PoliceMonthlyOutcome, PoliceMonthlyStopSearch

pytestmark = pytest.mark.django_db


@pytest.fixture
def police_counts(db):
    for month, count in ((dt.date(2023, 1, 1), 4), (dt.date(2023, 2, 1), 6)):
        PoliceMonthlyOutcome.objects.create(
            force="a-force",
            month=month,
            district="Cambridge",
            lsoa_code="E01000001",
            lsoa_name="Cambridge 001A",
            outcome_type="Suspect charged",
            count=count,
        )
        PoliceMonthlyStopSearch.objects.create(
            force="a-force",
            month=month,
            object_of_search="Controlled drugs",
            outcome="Arrest",
            outcome_linked="True",
            officer_defined_ethnicity="White",
            self_defined_ethnicity="White - English/Welsh/Scottish/Northern Irish/British",
            count=count,
        )
    PoliceMonthlyOutcome.objects.create(
        force="another-force", month=dt.date(2023, 1, 1), outcome_type="Caution", count=1
    )
    return ImportRun.objects.create(files=["2023-02-a-force-outcomes.csv"])


def test_outcome_counts_are_listed_newest_month_first_and_filtered(client, police_counts):
    listed = client.get(reverse("api:police-outcome-list")).json()["results"]
    assert [(r["force"], r["month"], r["count"]) for r in listed] == [
        ("a-force", "2023-02-01", 6),
        ("a-force", "2023-01-01", 4),
        ("another-force", "2023-01-01", 1),
    ]
    assert listed[0]["outcome_type"] == "Suspect charged"
    assert listed[0]["lsoa_name"] == "Cambridge 001A"
    only = client.get(
        reverse("api:police-outcome-list"), {"force": "a-force", "month_from": "2023-02-01"}
    ).json()["results"]
    assert [r["count"] for r in only] == [6]


def test_stop_and_search_is_counts_only(client, police_counts):
    listed = client.get(reverse("api:police-stop-search-list")).json()["results"]
    assert [r["count"] for r in listed] == [6, 4]
    # What a published stop-and-search row holds beyond these counts is not stored or given.
    one_search = {"date", "latitude", "longitude", "age_range", "gender", "legislation", "type"}
    assert not one_search & set(listed[0])
    assert listed[0]["self_defined_ethnicity"].startswith("White")
    filtered = client.get(
        reverse("api:police-stop-search-list"), {"month_to": "2023-01-31", "outcome": "Arrest"}
    ).json()["results"]
    assert [r["month"] for r in filtered] == ["2023-01-01"]


@pytest.mark.parametrize("basename", ["police-outcome", "police-stop-search"])
def test_police_counts_are_dated_by_the_last_import(client, police_counts, basename):
    response = client.get(reverse(f"api:{basename}-list"))
    imported = police_counts.started_at.timestamp()
    assert abs(parse_http_date(response["Last-Modified"]) - imported) <= 1
    again = client.get(
        reverse(f"api:{basename}-list"), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    assert again.status_code == 304


@pytest.mark.parametrize("basename", ["police-outcome", "police-stop-search"])
def test_police_counts_download_as_csv(client, police_counts, basename):
    response = client.get(reverse(f"api:{basename}-list"), {"format": "csv"})
    assert response.status_code == 200
    assert response.getvalue().decode("utf-8-sig").count("\n") >= 3


def test_the_schema_describes_outcomes_and_stop_and_search(client):
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    assert "/api/v1/police-outcomes/" in schema["paths"]
    assert "/api/v1/police-stop-searches/{id}/" in schema["paths"]
    components = schema["components"]["schemas"]
    assert "outcome_type" in components["PoliceOutcome"]["properties"]
    assert "self_defined_ethnicity" in components["PoliceStopSearch"]["properties"]
