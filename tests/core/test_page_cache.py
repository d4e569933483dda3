"""Public pages are cached whole for anonymous visitors and rebuilt as soon as what they show
changes (issue 17): a publish is visible on the next request, an unpublish hides at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from psycopg.pq import Trace

from pcplan.core import pagecache
from pcplan.core.models import PublicVersion
from pcplan.plans.lifecycle import PlanStatus
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db

# A page served from the shared cache: the public version and the cached page, nothing else.
CACHE_HIT_QUERIES = 2
# A page this worker served last: the public version only.
MEMORY_HIT_QUERIES = 1


@pytest.fixture
def draft():
    plan = PlanFactory(key="plan", status=PlanStatus.ISSUED)
    theme = ThemeFactory(plan=plan, key="theme", title="Crime Prevention")
    DeliverableFactory(theme=theme, title="Published neighbour", is_published=True)
    return DeliverableFactory(theme=theme, title="Street lighting review", is_published=False)


def anonymous_get(url: str) -> tuple[int, str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    return response.status_code, response.content.decode(), len(queries)


def toggle_publication(client: Client, deliverable_pk: int) -> None:
    """The editor presses the deliverable page's Publish (or Unpublish) button as served."""
    action = reverse("delivery:deliverable-publish", args=[deliverable_pk])
    page = client.get(reverse("delivery:deliverable-detail", args=[deliverable_pk]))
    response = client.post(action, served_form(page.content.decode(), action))
    assert response.status_code == 302


def test_a_second_anonymous_visitor_gets_the_page_from_the_cache(any_cache, draft):
    theme = reverse("public:theme", args=["plan", "theme"])
    status, first, built = anonymous_get(theme)
    assert status == 200
    status, second, served = anonymous_get(theme)
    assert status == 200 and second == first
    assert served <= CACHE_HIT_QUERIES < built


def test_a_worker_serves_a_page_it_kept_reading_only_the_version(any_cache, draft):
    theme = reverse("public:theme", args=["plan", "theme"])
    _, first, _ = anonymous_get(theme)
    _, second, served = anonymous_get(theme)
    assert second == first and served == MEMORY_HIT_QUERIES


def test_a_page_another_worker_kept_comes_from_the_shared_cache(any_cache, draft):
    theme = reverse("public:theme", args=["plan", "theme"])
    _, first, _ = anonymous_get(theme)
    pagecache._recent.clear()  # this worker has not served it: another one built it
    _, second, served = anonymous_get(theme)
    # Local memory answers without a query; the database cache with one.
    assert second == first and served == (CACHE_HIT_QUERIES if "database" in any_cache else 1)
    _, third, served = anonymous_get(theme)
    assert third == first and served == MEMORY_HIT_QUERIES


def test_recent_pages_keep_the_latest_up_to_their_size_and_never_one_too_big():
    from django.http import HttpResponse

    one_page = len(pagecache.pickle.dumps(HttpResponse(b"x" * 1000), 5))
    recent = pagecache.RecentPages(max_bytes=one_page * 2 + 10)
    recent.put("a", HttpResponse(b"x" * 1000))
    recent.put("b", HttpResponse(b"x" * 1000))
    assert recent.get("a") is not None  # "a" is now the most recently used
    recent.put("c", HttpResponse(b"x" * 1000))
    assert recent.get("b") is None
    assert recent.get("a").content == b"x" * 1000 and recent.get("c") is not None
    recent.put("huge", HttpResponse(b"x" * one_page * 3))
    assert recent.get("huge") is None and len(recent) == 2
    first, second = recent.get("a"), recent.get("a")
    assert first is not second  # each request gets its own response to add headers to


DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "pcplan_cache",
    }
}


@pytest.fixture(params=["test suite's local memory cache", "production's database cache"])
def any_cache(request, settings):
    if "database" in request.param:
        settings.CACHES = DATABASE_CACHE
        call_command("createcachetable")  # what `pcplan migrate` does in production
    return request.param


def test_publish_shows_on_the_next_request_and_unpublish_hides_at_once(
    any_cache, client_for, editor, draft
):
    theme = reverse("public:theme", args=["plan", "theme"])
    page = reverse("public:deliverable", args=["plan", draft.pk])
    home = reverse("public:home")
    for url in (theme, home):
        assert "Street lighting review" not in anonymous_get(url)[1]
        anonymous_get(url)  # now cached
    assert anonymous_get(page)[0] == 404

    staff = client_for(editor)
    toggle_publication(staff, draft.pk)
    assert "Street lighting review" in anonymous_get(theme)[1]
    status, html, _ = anonymous_get(page)
    assert status == 200 and "Street lighting review" in html
    anonymous_get(page)  # cached, published

    toggle_publication(staff, draft.pk)
    draft.refresh_from_db()
    assert not draft.is_published
    assert "Street lighting review" not in anonymous_get(theme)[1]
    assert anonymous_get(page)[0] == 404


def test_an_edit_made_without_the_staff_pages_also_rebuilds_the_page(draft):
    theme = reverse("public:theme", args=["plan", "theme"])
    anonymous_get(theme)
    draft.theme.title = "Safer Streets"
    draft.theme.save()
    assert "Safer Streets" in anonymous_get(theme)[1]
    draft.theme.deliverables.filter(title="Published neighbour").get().delete()
    assert "Published neighbour" not in anonymous_get(theme)[1]


def test_signed_in_visitors_never_get_or_fill_the_cache(client_for, editor, draft):
    theme = reverse("public:theme", args=["plan", "theme"])
    staff = client_for(editor)
    # The session's renewal (at most once a minute) is not what is measured.
    staff.get(reverse("core:staff-home"))
    with CaptureQueriesContext(connection) as first:
        staff.get(theme)
    with CaptureQueriesContext(connection) as second:
        staff.get(theme)
    assert len(second) == len(first) > CACHE_HIT_QUERIES
    assert not any("pcplan_cache" in q["sql"] for q in second.captured_queries)


def test_a_page_with_a_form_is_not_cached_so_no_visitor_gets_another_s_token(monkeypatch, draft):
    # The sign-in page stands for any listed page that shows a form with a CSRF token.
    monkeypatch.setattr(pagecache, "CACHED_PAGES", pagecache.CACHED_PAGES | {"core:login"})
    sign_in = reverse("core:login")
    first = Client().get(sign_in)
    second = Client().get(sign_in)
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_many_changes_in_one_transaction_add_one_version_row(draft):
    anonymous_get(
        reverse("public:theme", args=["plan", "theme"])
    )  # a page kept: next change counts
    before = PublicVersion.objects.count()
    with transaction.atomic():
        for n in range(5):
            DeliverableFactory(theme=draft.theme, title=f"New {n}")
    assert PublicVersion.objects.count() == before + 1
    DeliverableFactory(theme=draft.theme, title="After")  # same test transaction, no page kept
    assert PublicVersion.objects.count() == before + 1


def a_new_request_on_a_kept_connection() -> None:
    """What Django does as a request starts (`close_old_connections`), with the connection kept
    between requests as in production (`CONN_MAX_AGE`): its health check is due again."""
    db: Any = connection  # django-stubs do not list the health-check attributes
    db.ensure_connection()
    db.close_at = None
    db.close_if_unusable_or_obsolete()
    assert db.health_check_enabled and not db.health_check_done


def round_trips(tmp_path, url: str) -> tuple[str, list[str]]:
    """The page, and each round trip to the server while serving it, read from libpq's own
    trace of the messages sent (a `ReadyForQuery` ends each)."""
    trace = tmp_path / "libpq.trace"
    with trace.open("w") as sink:
        pgconn = connection.connection.pgconn
        pgconn.trace(sink.fileno())
        pgconn.set_trace_flags(Trace.SUPPRESS_TIMESTAMPS | Trace.REGRESS_MODE)
        try:
            _, page, _ = anonymous_get(url)
        finally:
            pgconn.untrace()
    sent, trips = [], []
    for line in trace.read_text().splitlines():
        if line.startswith("F") and ("Query" in line or "Parse" in line):
            sent.append(line.split("\t")[-1].strip())
        if "ReadyForQuery" in line:
            trips.append(" ".join(sent))
            sent = []
    return page, trips


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a kept connection's round trips to a server"
)


@pytest.mark.django_db(transaction=True)
@postgresql_only
def test_a_kept_page_on_a_kept_connection_is_one_round_trip_the_version_read_is_the_check(
    draft, tmp_path
):
    """Django's health check would send `SELECT 1` first: the version read takes its place."""
    theme = reverse("public:theme", args=["plan", "theme"])
    _, first, _ = anonymous_get(theme)
    a_new_request_on_a_kept_connection()
    page, trips = round_trips(tmp_path, theme)
    assert page == first
    assert len(trips) == 1 and "SELECT MAX" in trips[0]
    assert "SELECT 1" not in " ".join(trips)


@pytest.mark.django_db(transaction=True)
@postgresql_only
def test_a_kept_connection_the_server_ended_costs_no_failed_request(draft):
    """The server ends the session between two requests (as a restart or an administrator's
    pg_terminate_backend does): the next request reads the version again on a new connection."""
    theme = reverse("public:theme", args=["plan", "theme"])
    _, first, _ = anonymous_get(theme)
    a_new_request_on_a_kept_connection()
    ended = connection.connection.info.backend_pid
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [ended])
            assert cursor.fetchone() == (True,)
    finally:
        other.close()
    status, page, _ = anonymous_get(theme)
    assert status == 200 and page == first
    assert connection.connection.info.backend_pid != ended
    # A page not kept is built on the new connection too.
    assert Client().get(reverse("public:plan", args=["plan"])).status_code == 200


def test_signing_in_keeps_every_kept_page(client, editor, draft):
    """A sign-in saves the user's last_login and nothing any page shows: it must not build
    every public page and every kept staff body again (pcplan.core.fragments)."""
    before = pagecache.public_version()
    pagecache.kept_for_this_version()  # as a page kept now: the next change moves the version
    client.force_login(editor)  # Django's user_logged_in: update_last_login
    editor.refresh_from_db()
    assert editor.last_login is not None
    assert pagecache.public_version() == before
    editor.first_name = "Renamed"
    editor.save()
    assert pagecache.public_version() != before
