"""Whole public pages cached for anonymous visitors until anything they might show changes.

The public pages are the same for every anonymous visitor, so the first visitor's page is kept
in Django's cache (the database cache by default, shared by every worker) and served to the
next ones. The key holds the **public version**: any saved, deleted or re-linked record of a
pcplan app adds a `PublicVersion` row, so the next request after a publish, an unpublish, an
edit or an import builds the page again. The version is read from the database on every
request, in the same transaction as the data, so a page is never served from before a change
that has committed (unpublished at once), whichever cache is configured.

Only these are cached, in `PublicPageCacheMiddleware`, the one place that does it:
- GET and HEAD requests to the URL names in `CACHED_PAGES`;
- from a visitor with no session and no pending message (not signed in);
- a 200 response that sets no cookie and used no CSRF token (a page with a form is never
  cached: its token is the visitor's own).

Each worker also keeps the pages it served most recently in its own memory (`_recent`), in
front of the shared cache. The key holds the public version, so a page kept there can never be
stale: a change gives every page a new key. It saves a cache query per request, which on
PostgreSQL was most of a cached page's cost (docs/PERFORMANCE.md, "Public pages").
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import MiddlewareNotUsed
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import Max
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils import timezone, translation

# The public pages, by URL name: each shows the same to every anonymous visitor.
CACHED_PAGES = frozenset(
    {
        "public:home",
        "public:help",
        "public:plan",
        "public:theme",
        "public:deliverable",
        "panel:meetings",
        "panel:meeting",
        "panel:forward-plan",
        "panel:recommendations",
        "panel:precept",
        "performance:dashboard",
        "performance:measure-detail",
        "performance:stop-and-search",
        "performance:trends",
        "grants:register",
        "transparency:decisions",
        "transparency:decision",
        "transparency:specified-information",
        "transparency:annual-reports",
        "engagement:public-home",
        "engagement:you-said-we-did",
        "partnerships:landscape",
        "partnerships:body",
        "reports:public-report-list",
    }
)
# The API's anonymous reads, feeds and open data (issue 14): the same for every anonymous
# caller, so cached as the pages are. Their key also holds the Accept header, which chooses
# JSON or the browsable page. A request with credentials (an API token) is never served from
# the cache; tests/api/test_api_cache.py checks every route of the public API is listed here.
CACHED_API = frozenset(
    {
        *(
            f"api:{name}-{kind}"
            for name in (
                "plan",
                "theme",
                "deliverable",
                "update",
                "measure",
                "observation",
                "panel-member",
                "meeting",
                "agenda-item",
                "minute",
                "recommendation",
                "report",
                "award",
                "decision",
                "body",
                "police-crime",
                "police-outcome",
                "police-stop-search",
            )
            for kind in ("list", "detail")
        ),
        "api:popolo",
        "api:feed-updates",
        "api:feed-updates-atom",
        "api:feed-meetings",
        "api:feed-meetings-atom",
        "api:feed-papers",
        "api:feed-papers-atom",
    }
)
# A day at most: the key also holds the date, so "upcoming" and "overdue" roll over at midnight.
TIMEOUT = 60 * 60 * 24
# Records written on every request or sign-in, or by the worker's jobs, that no public page
# shows (a job's own save must not make stale the document it has just kept).
NOT_SHOWN = frozenset(
    {"accounts.signinevent", "accounts.historicalsigninevent", "core.backgroundjob"}
)
# Keep this many version rows; older ones are deleted now and then (see `_prune`).
KEEP_ROWS = 200


Kept = TypeVar("Kept")


class RecentPages(Generic[Kept]):
    """The pages (or parts of pages, `pcplan.core.fragments`) one worker served last, by key,
    up to a number of bytes (least recent out).

    Kept pickled, as the shared cache keeps them, so every request gets its own response object
    for the outer middleware to add its headers to.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._pages: OrderedDict[str, bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> Kept | None:
        with self._lock:
            kept = self._pages.get(key)
            if kept is None:
                return None
            self._pages.move_to_end(key)
        value: Kept = pickle.loads(kept)  # noqa: S301 - pickled by this process
        return value

    def put(self, key: str, value: Kept) -> None:
        kept = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if len(kept) > self.max_bytes:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            self._bytes += len(kept) - (len(old) if old is not None else 0)
            self._pages[key] = kept
            while self._bytes > self.max_bytes:
                _, dropped = self._pages.popitem(last=False)
                self._bytes -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._bytes = 0

    def fetch(self, key: str) -> Kept | None:
        """From this worker's memory, else from Django's cache (then remembered here)."""
        value = self.get(key)
        if value is None:
            value = cache.get(key)
            if value is not None:
                self.put(key, value)
        return value

    def keep(self, key: str, value: Kept) -> None:
        """In Django's cache, shared by every worker, and this worker's memory. The key holds
        the public version: the next change, even within this transaction, must move it on."""
        cache.set(key, value, TIMEOUT)
        self.put(key, value)
        kept_for_this_version()

    def __len__(self) -> int:
        return len(self._pages)


_recent: RecentPages[HttpResponse] = RecentPages(settings.PCPLAN_PAGE_MEMORY_BYTES)


def _version_model() -> Any:
    return apps.get_model("core", "PublicVersion")


def _read_version() -> str:
    table = connection.ops.quote_name(_version_model()._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(id), COUNT(*) FROM {table}")  # noqa: S608 - the model's table
        newest, rows = cursor.fetchone()
    return f"{newest or 0}.{rows}"


def _health_check_due() -> bool:
    """True when Django would check a kept connection (`SELECT 1`) before its next query."""
    db: Any = connection  # django-stubs do not list the health-check attributes
    return (
        db.connection is not None
        and db.health_check_enabled
        and not db.health_check_done
        and not db.in_atomic_block
    )


def public_version() -> str:
    """The newest id and the number of rows: every committed change alters one or the other.

    One plain query, on every cached request: the ORM's aggregate cost more than the query.

    It is also the request's connection health check. With health checks on, Django sends
    `SELECT 1` on a kept connection before a request's first query, a round trip as dear as
    this read (a cached page's whole cost on PostgreSQL). When that check is due, this read
    takes its place: if it fails because the connection was lost (the server restarted, the
    session was ended), the connection is dropped and the version read again on a new one, as
    the check would have done. So a cached page costs one round trip, and a lost connection
    still fails no request. An error of the second read, on a new connection, is the answer.
    """
    if not _health_check_due():
        return _read_version()
    connection.health_check_done = True  # type: ignore[attr-defined] # see _health_check_due
    try:
        return _read_version()
    except (OperationalError, InterfaceError):
        connection.close()
        return _read_version()


def _committed() -> None:
    """After a commit: delete old version rows now and then, so the table stays small."""
    model = _version_model()
    newest = model.objects.aggregate(newest=Max("id"))["newest"] or 0
    if newest % KEEP_ROWS == 0:
        # The new row keeps the version moving even if this delete crosses a late commit.
        with transaction.atomic():
            model.objects.filter(id__lte=newest - KEEP_ROWS).delete()
            model.objects.create()


def public_pages_changed() -> None:
    """Record that what the public pages show may have changed.

    Called for every saved or deleted record by the signal handlers below; call it directly
    after writing rows with raw SQL. Inside a transaction one row is enough: it becomes visible
    with the transaction's other writes, at its commit. A page built and cached within the same
    transaction (only the test suite does that) makes the next change add another row.
    """
    pending = getattr(connection, "pcplan_public_change", None)
    if connection.in_atomic_block and pending is not None:
        if any(entry[1] is pending for entry in connection.run_on_commit):
            return
    _version_model().objects.create()
    if connection.in_atomic_block:

        def committed() -> None:
            _committed()

        connection.pcplan_public_change = committed  # type: ignore[attr-defined]
        transaction.on_commit(committed)
    else:
        _committed()


def kept_for_this_version() -> None:
    """Something was just kept under the current public version (a page, an agenda pack):
    the next change, even within this transaction, must move the version on."""
    connection.pcplan_public_change = None  # type: ignore[attr-defined]


def _shown_in_public(sender: Any) -> bool:
    meta = getattr(sender, "_meta", None)
    # A migration's historical models live in their own registry: not shown, and the version
    # table may not exist yet.
    if meta is None or meta.apps is not apps or meta.label_lower in NOT_SHOWN:
        return False
    return meta.app_config.name.startswith("pcplan.") and meta.label_lower != "core.publicversion"


# Saves that change nothing a page shows: a sign-in's `last_login` (Django's
# update_last_login), which would otherwise build every page again after each sign-in.
NOT_SHOWN_FIELDS = frozenset({"last_login"})


def _changed(sender: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # loaddata: its fixture's rows are the whole state
    fields = kwargs.get("update_fields")
    if fields and fields <= NOT_SHOWN_FIELDS:
        return
    if _shown_in_public(sender):
        public_pages_changed()


def _links_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and _shown_in_public(type(instance)):
        public_pages_changed()


def connect_signals() -> None:
    post_save.connect(_changed, dispatch_uid="pcplan-public-pages-save")
    post_delete.connect(_changed, dispatch_uid="pcplan-public-pages-delete")
    m2m_changed.connect(_links_changed, dispatch_uid="pcplan-public-pages-links")


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    name = _view_name(request)
    if name not in CACHED_PAGES and name not in CACHED_API:
        return False
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and "Authorization" not in request.headers
    )


def _view_name(request: HttpRequest) -> str:
    match = request.resolver_match
    return match.view_name if match is not None else ""


def _key(request: HttpRequest) -> str:
    parts = "|".join(
        (
            request.get_host(),
            request.get_full_path(),
            request.headers.get("HX-Request", ""),
            request.headers.get("Accept", "") if _view_name(request) in CACHED_API else "",
            timezone.localdate().isoformat(),
            # Dates in words (and every translated string) follow the language.
            translation.get_language() or "",
        )
    )
    digest = hashlib.sha256(parts.encode()).hexdigest()
    return f"pcplan:page:{public_version()}:{digest}"


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "_messages", None)
    )


class PublicPageCacheMiddleware:
    """Serve a public page from the cache, or keep the page the view built.

    Just before django-axes, the innermost: what is kept is exactly what the view returned, and
    the outer middleware adds its headers (security, CSP, Vary) to a cached page as to a new one.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not settings.PCPLAN_PAGE_CACHE:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "pcplan_page_key", None)
        if key is not None and _cacheable_response(request, response):
            _recent.keep(key, response)
        return response

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not _cacheable_request(request):
            return None
        key = _key(request)
        cached = _recent.fetch(key)
        if cached is None:
            request.pcplan_page_key = key  # type: ignore[attr-defined]
            return None
        # A kept page answers a conditional GET with 304, as the view that built it does.
        if "If-None-Match" in request.headers or "If-Modified-Since" in request.headers:
            return answer_conditionally(request, cached)
        return cached


def answer_conditionally(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """`response` as Django's ConditionalGetMiddleware leaves it for `request`: with an ETag
    (the body's hash, unless it has one), or 304 Not Modified with no body when the request's
    If-None-Match or If-Modified-Since says the caller has it already. The API's views
    (pcplan.api.views.Conditional) and the page cache's kept pages alike."""
    middleware = ConditionalGetMiddleware(lambda _request: response)
    return cast(HttpResponse, middleware.process_response(request, response))
