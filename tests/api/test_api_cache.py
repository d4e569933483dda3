"""The API's anonymous reads are cached as the public pages are (pcplan.core.pagecache,
issue 14's Performance: lists at half a bare DRF endpoint's speed): the same answer for every
anonymous caller, rebuilt on the next request after anything changes, never served to a caller
with a token, and chosen by the Accept header as well as the address."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pcplan.api import urls as api_urls
from pcplan.api.tokens import issue_token
from pcplan.core import pagecache
from tests.factories import DeliverableFactory

pytestmark = pytest.mark.django_db


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, int]:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url, headers=headers)
        body = b"".join(response) if response.streaming else response.content
    return response.status_code, body, len(queries)


@pytest.mark.parametrize("basename", [b for _p, _v, b in api_urls.public_router.registry])
def test_every_public_route_is_cached(basename):
    assert f"api:{basename}-list" in pagecache.CACHED_API
    assert f"api:{basename}-detail" in pagecache.CACHED_API


def test_no_staff_route_is_cached():
    staff = {
        f"api:{basename}-{kind}"
        for _p, _v, basename in api_urls.staff_router.registry
        for kind in ("list", "detail")
    }
    assert staff and not staff & (pagecache.CACHED_API | pagecache.CACHED_PAGES)


def test_a_second_anonymous_read_is_the_version_read_only(public_record):
    url = reverse("api:deliverable-list")
    status, first, built = get(url)
    status, second, served = get(url)
    assert status == 200 and second == first
    assert served == 1 < built


def test_a_publish_shows_on_the_next_read(public_record, constabulary_deliverable):
    draft = DeliverableFactory(
        theme=constabulary_deliverable.theme, title="Street lighting review", is_published=False
    )
    url = reverse("api:deliverable-list")
    for _ in range(2):
        assert b"Street lighting review" not in get(url)[1]
    draft.is_published = True
    draft.save()
    assert b"Street lighting review" in get(url)[1]
    draft.is_published = False
    draft.save()
    assert b"Street lighting review" not in get(url)[1]


def test_the_accept_header_chooses_the_answer_not_the_first_caller(public_record):
    url = reverse("api:plan-list")
    _, json_body, _ = get(url, {"Accept": "application/json"})
    get(url, {"Accept": "application/json"})
    status, page, _ = get(url, {"Accept": "text/html"})
    assert status == 200
    assert json_body.lstrip().startswith(b"{")
    assert page.lstrip().lower().startswith(b"<!doctype html")


def test_a_caller_with_a_token_is_never_served_from_the_cache(public_record, editor):
    _token, raw = issue_token(editor, "test")
    url = reverse("api:plan-list")
    get(url)
    _, _, served = get(url)
    assert served == 1
    status, with_token, queries = get(url, {"Authorization": f"Bearer {raw}"})
    assert status == 200 and queries > served


def test_a_kept_answer_still_says_304_to_its_etag(public_record):
    url = reverse("api:meeting-list")
    first = Client().get(url)
    Client().get(url)  # now kept
    with CaptureQueriesContext(connection) as queries:
        again = Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert len(queries) == 1


def test_a_download_is_not_kept(public_record):
    url = reverse("api:deliverable-list") + "?format=xlsx"
    assert get(url)[0] == 200
    _, _, queries = get(url)
    assert queries > 1
