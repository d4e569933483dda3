"""Reading the public record through the API: stable ids, pagination, filters, conditional
GETs, and an error body that says what was wrong."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import parse_http_date

from pcplan.api import urls as api_urls
from pcplan.panel.models import Meeting
from pcplan.performance.models import ImportRun
from tests.factories import DeliverableFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def test_a_deliverable_comes_with_its_latest_published_update(
    client, public_record, constabulary_deliverable
):
    UpdateFactory(deliverable=constabulary_deliverable, text="Older note.", date="2022-01-01")
    response = client.get(reverse("api:deliverable-detail", args=[constabulary_deliverable.pk]))
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == constabulary_deliverable.pk
    assert body["plan_key"] == "cambs-2021-24"
    assert body["lead"] == "Cambridgeshire Constabulary"
    assert body["latest_update"]["text"] == "Needs assessment under way."


def test_lists_are_paginated(client, theme):
    for _ in range(3):
        DeliverableFactory(theme=theme)
    page = client.get(reverse("api:deliverable-list"), {"page_size": 2}).json()
    assert page["count"] == 3
    assert len(page["results"]) == 2
    assert "page=2" in page["next"]


def test_lists_are_filtered(client, public_record, constabulary_deliverable, csp_deliverable):
    rows = client.get(
        reverse("api:deliverable-list"), {"lead": "safer-peterborough-partnership"}
    ).json()
    assert [row["id"] for row in rows["results"]] == [csp_deliverable.pk]
    updates = client.get(reverse("api:update-list"), {"deliverable": csp_deliverable.pk}).json()
    assert updates["count"] == 0


def test_a_bad_filter_is_answered_with_what_was_wrong(client, public_record):
    response = client.get(reverse("api:deliverable-list"), {"status": "finished"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400
    assert "status" in error["fields"]
    assert "finished" in str(error["fields"]["status"])


def test_an_unknown_record_is_a_404_with_a_body(client, public_record):
    response = client.get(reverse("api:plan-detail", args=[999999]))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_an_unchanged_list_answers_304_to_its_etag(client, public_record):
    url = reverse("api:meeting-list")
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize(
    "basename", [basename for _p, _v, basename in api_urls.public_router.registry]
)
def test_every_list_says_when_it_last_changed(client, public_record, basename):
    if basename.startswith("police-"):
        ImportRun.objects.create(files=["2023-01-a-force-street.csv"])
    response = client.get(reverse(f"api:{basename}-list"))
    assert parse_http_date(response["Last-Modified"]) <= time.time() + 1


def test_a_list_answers_304_until_a_record_of_it_changes(client, public_record):
    url = reverse("api:meeting-list")
    meeting = Meeting.objects.get()
    # The meeting was entered a minute ago...
    earlier = timezone.now() - dt.timedelta(minutes=1)
    meeting.history.model.objects.update(history_date=earlier)
    first = client.get(url)
    since = first["Last-Modified"]
    assert parse_http_date(since) == int(earlier.timestamp())
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    # ...and now the Panel's secretariat changes its venue.
    meeting.venue = "Council Chamber"
    meeting.save()
    changed = client.get(url, HTTP_IF_MODIFIED_SINCE=since)
    assert changed.status_code == 200
    assert "Council Chamber" in changed.content.decode()
    assert parse_http_date(changed["Last-Modified"]) > parse_http_date(since)


@pytest.mark.parametrize("name", ["feed-updates", "feed-meetings-atom", "feed-papers"])
def test_a_feed_says_when_it_last_changed_and_answers_304(client, public_record, name):
    url = reverse(f"api:{name}")
    first = client.get(url)
    assert first.status_code == 200
    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    assert again.content == b""


def test_the_schema_and_its_documentation_are_served_without_a_cdn(client):
    schema = client.get(reverse("api:schema"), {"format": "json"})
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/deliverables/" in paths
    assert "/api/v1/staff/updates/" in paths
    docs = client.get(reverse("api:docs"))
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "swagger-ui" in html
    assert "cdn" not in html.lower()
    assert "/static/drf_spectacular_sidecar/" in html
