"""Published-only (issue 14): a draft plan, unpublished deliverables and updates, an exempt
agenda item and minute, an agenda and minutes not yet published, an unpublished response and
a member of the public's question are planted; no anonymous API route or feed shows them.

The routes are read from the API's own router and URL patterns, not from a hand list, so a
route added later is checked too."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pcplan.api import urls as api_urls
from tests.api.conftest import SECRET

pytestmark = pytest.mark.django_db


def public_routes():
    return [
        (prefix, viewset, basename) for prefix, viewset, basename in api_urls.public_router.registry
    ]


def test_the_router_serves_every_kind_of_public_record():
    prefixes = {prefix for prefix, _viewset, _basename in public_routes()}
    assert {"plans", "deliverables", "updates", "meetings", "agenda-items", "minutes"} <= prefixes


@pytest.mark.parametrize("route", public_routes(), ids=lambda r: r[0])
def test_no_anonymous_list_or_record_shows_a_planted_secret(client, planted_secrets, route):
    prefix, viewset, basename = route
    listed = client.get(reverse(f"api:{basename}-list"), {"page_size": 200})
    assert listed.status_code == 200
    body = listed.content.decode()
    assert SECRET not in body
    results = listed.json()["results"]
    assert results, f"{prefix}: the public record has one of these, and it must be listed"
    for row in results:
        detail = client.get(reverse(f"api:{basename}-detail", args=[row["id"]]))
        assert detail.status_code == 200
        assert SECRET not in detail.content.decode()
    # Every other row of the model is not public: its own URL answers 404, not the row.
    model = viewset().get_queryset().model
    hidden = model.objects.exclude(pk__in=[row["id"] for row in results])
    for pk in hidden.values_list("pk", flat=True):
        response = client.get(reverse(f"api:{basename}-detail", args=[pk]))
        assert response.status_code == 404, f"{prefix} {pk} is not public"
        assert SECRET not in response.content.decode()


def test_exempt_items_are_listed_without_their_papers(client, planted_secrets):
    items = client.get(reverse("api:agenda-item-list")).json()["results"]
    exempt = next(item for item in items if item["is_exempt"])
    assert exempt["report_url"] is None
    assert exempt["note"] == ""
    assert exempt["page_range"] == ""
    assert "Schedule 12A" in exempt["exemption_notice"]
    public = next(item for item in items if not item["is_exempt"])
    assert public["report_url"].endswith(f"/panel/meetings/{public['meeting']}/items/1/report.pdf")


def test_an_unpublished_response_is_not_given(client, planted_secrets):
    recs = client.get(reverse("api:recommendation-list")).json()["results"]
    unpublished = next(rec for rec in recs if not rec["response_published"])
    assert unpublished["response_text"] == ""
    assert unpublished["response_date"] is None


def feed_names():
    names = [getattr(p, "name", None) or "" for p in api_urls.urlpatterns]
    return [name for name in names if name.startswith("feed-")]


@pytest.mark.parametrize("name", feed_names())
def test_no_feed_shows_a_planted_secret(client, planted_secrets, name):
    response = client.get(reverse(f"api:{name}"))
    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    assert b"<item>" in response.content or b"<entry>" in response.content


def test_the_popolo_json_shows_no_planted_secret(client, planted_secrets):
    response = client.get(reverse("api:popolo"))
    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    assert response.json()["events"]


def test_the_schema_and_the_staff_routes_give_nothing_away_to_the_anonymous(
    client, planted_secrets
):
    assert SECRET not in client.get(reverse("api:schema")).content.decode()
    staff = client.get(reverse("api:staff-update-list"))
    assert staff.status_code == 401
    assert SECRET not in staff.content.decode()
    assert staff.json()["error"]["status"] == 401


def test_a_private_body_is_listed_by_name_and_priorities_only(client, planted_secrets):
    bodies = {b["key"]: b for b in client.get(reverse("api:body-list")).json()["results"]}
    assert "secret-body" not in bodies
    private = bodies["private-board"]
    assert private["priorities"] == ["Reduce harm"]
    assert private["purpose"] == private["terms_of_reference"] == ""
    assert private["memberships"] == private["deliverables"] == []
    public = bodies["public-board"]
    assert [m["person"] for m in public["memberships"]] == ["The Chair", ""]
    assert public["deliverables"]


def test_a_published_decision_says_part_is_withheld_without_giving_it(client, planted_secrets):
    decisions = client.get(reverse("api:decision-list")).json()["results"]
    assert {d["number"] for d in decisions} == {"2023/001", "2023/003"}
    withheld = next(d for d in decisions if d["number"] == "2023/003")
    assert withheld["has_exempt_part"] is True
    assert "exempt_part" not in withheld
