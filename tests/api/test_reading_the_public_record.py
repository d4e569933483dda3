"""Reading the public record through the API: stable ids, pagination, filters, conditional
GETs, and an error body that says what was wrong."""

from __future__ import annotations

import pytest
from django.urls import reverse

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
