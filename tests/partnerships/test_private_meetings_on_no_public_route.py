"""A private body's meetings and papers appear on no public route (issue 11). Every route of
pcplan's URL configuration that the public may ask for (not the staff pages, the admin or the
sign-in pages) is read anonymously with a private body's and an unpublished body's meetings
planted, each parameter filled with the planted meeting, item and body; none may show them.
The routes are read from the URL configuration, so a route added later is checked too. The
API router's routes are checked the same way by tests/api/test_published_only.py."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from pcplan.partnerships.models import BodyKind
from tests.factories import BodyFactory
from tests.panel.bodies import plant_meetings_of

pytestmark = pytest.mark.django_db

HIDDEN = "HIDDEN"
NOT_PUBLIC = ("staff/", "admin/", "account/")
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def public_routes() -> list[str]:
    """Every route pattern (as text) the public may ask for."""
    routes: list[str] = []

    def walk(patterns: list[URLPattern | URLResolver], prefix: str) -> None:
        for entry in patterns:
            if not isinstance(entry.pattern, RoutePattern):
                continue  # the API router's regex routes: tests/api/test_published_only.py
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            elif not route.startswith(NOT_PUBLIC):
                routes.append(route)

    walk(get_resolver().url_patterns, "")
    return sorted(set(routes))


def test_the_walk_finds_the_meeting_pages_feeds_and_search():
    routes = public_routes()
    for expected in [
        "panel/meetings/<int:pk>/",
        "panel/meetings/<int:pk>/agenda-pack.pdf",
        "panel/meetings/<int:pk>/items/<int:number>/report.pdf",
        "feeds/meetings.rss",
        "search/",
        "partnerships/<slug:key>/",
    ]:
        assert expected in routes, expected


def urls_for(route: str, meeting_pk: int, body_key: str) -> str:
    values = {
        "pk": str(meeting_pk),
        "number": "1",
        "key": body_key,
        "fmt": "csv",
        "year": "2023",
    }

    def fill(match: re.Match[str]) -> str:
        return values.get(match["name"], "1")

    return "/" + PARAMETER.sub(fill, route)


def test_no_public_route_shows_a_private_bodys_meeting(client):
    private = BodyFactory(key="iom-oversight", kind=BodyKind.DELIVERY_GROUP, meetings_public=False)
    unpublished = BodyFactory(key="draft-board", is_published=False)
    hidden = plant_meetings_of(private, f"{HIDDEN} private") + plant_meetings_of(
        unpublished, f"{HIDDEN} unpublished"
    )
    checked = 0
    for route in public_routes():
        # A route without parameters is the same page whichever meeting is planted.
        for meeting in hidden if PARAMETER.search(route) else hidden[:1]:
            url = urls_for(route, meeting.pk, meeting.body.key)
            response = client.get(url + ("?q=meeting" if "search" in route else ""))
            assert response.status_code < 500, url
            content = (
                b"".join(response.streaming_content) if response.streaming else response.content
            )
            assert HIDDEN.encode() not in content, url
            if "<int:pk>" in route and route.startswith("panel/meetings/"):
                assert response.status_code == 404, url
            checked += 1
    assert checked > 40
