"""Search (issue 14 item 4): one interface over what is public, on SQLite and PostgreSQL;
results respect publication."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from pcplan.api.permissions import can_search_staff_records
from pcplan.api.search import search
from pcplan.core.menu import staff_menu
from pcplan.core.models import User
from tests.api.conftest import SECRET
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_search_finds_a_published_update_by_its_words(client, planted_secrets):
    hits = search("assessment")
    assert [(h.kind, h.title) for h in hits] == [
        ("Update", "Serious Violence Strategy: 15 March 2023")
    ]
    page = client.get(reverse("api:search"), {"q": "assessment"})
    assert page.status_code == 200
    assert "Serious Violence Strategy: 15 March 2023" in page.content.decode()


def test_every_word_must_match(planted_secrets):
    assert search("Serious Violence") != []
    assert search("Serious Nonsenseword") == []


@pytest.mark.parametrize(
    "query", [SECRET, "secret draft plan", "exempt minute", "unpublished update", "Resident"]
)
def test_search_never_finds_a_planted_secret(client, planted_secrets, query):
    assert search(query) == []
    response = client.get(reverse("api:api-search"), {"q": query})
    assert response.status_code == 200
    assert response.json()["results"] == []
    page = client.get(reverse("api:search"), {"q": query})
    assert SECRET not in page.content.decode().replace(query, "")


def test_the_search_api_gives_absolute_links(client, planted_secrets):
    results = client.get(reverse("api:api-search"), {"q": "Delivery Plan update"}).json()["results"]
    assert {r["kind"] for r in results} >= {"Agenda item", "Minute"}
    assert all(r["url"].startswith("http://testserver/") for r in results)


def test_signed_in_staff_find_drafts_marked_as_drafts(client, planted_secrets, contributor):
    client.force_login(contributor)
    page = client.get(reverse("api:staff-search"), {"q": "unpublished update"})
    assert page.status_code == 200
    body = page.content.decode()
    assert f"{SECRET} unpublished update" in body
    assert "(draft)" in body
    assert reverse("delivery:deliverable-detail", args=[planted_secrets.deliverable_id]) in body
    # The public search, signed in or not, still shows published records only.
    public = client.get(reverse("api:search"), {"q": "unpublished update"})
    assert SECRET not in public.content.decode().replace("unpublished update", "")


def test_the_staff_search_is_for_signed_in_staff_only(client, planted_secrets):
    response = client.get(reverse("api:staff-search"), {"q": "unpublished update"})
    assert response.status_code == 302
    assert "/login" in response["Location"] or "next=" in response["Location"]


@pytest.mark.parametrize("role", list(User.Role))
def test_every_role_finds_the_staff_search_in_the_menu_and_may_open_it(client, opcc, role):
    user = UserFactory(role=role, organisation=opcc)
    client.force_login(user)
    home = client.get(reverse("core:staff-home")).text
    assert f'href="{reverse("api:staff-search")}"' in home
    assert client.get(reverse("api:staff-search"), {"q": "plan"}).status_code == 200


def test_the_menu_offers_the_staff_search_to_no_one_who_may_not_use_it(opcc):
    user = UserFactory(role=User.Role.CONTRIBUTOR, organisation=opcc, is_active=False)
    assert reverse("api:staff-search") not in [item.url for item in staff_menu(user, "/")]
    assert not can_search_staff_records(AnonymousUser())
