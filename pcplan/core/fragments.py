"""Parts of staff pages kept until anything changes (issue 17), `{% keep %}` in templates.

A staff page's heavy part (a plan's themes and steps, a deliverable and its history, a Panel
meeting's agenda, the staff dashboard...) is the same on every request until a record changes.
It is rendered once, then kept under a key holding:

- the **public version** (`pcplan.core.pagecache.public_version`): any saved, deleted or
  re-linked record of a pcplan app moves it, drafts, exempt business and accounts included, so
  the next request after any change renders the part again;
- the **user** it was rendered for: what a part shows may depend on the user's roles and
  object permissions, and a part is never shown to anyone else (the roles are records too: a
  change to them moves the version);
- the page's full address (path and query: the filters and the page of a list), the language,
  today's date (for "overdue" and "due in"), whether htmx asked for it, and the template's
  own name for the part.

A part may hold forms: their CSRF token is the session's, so it is kept as a placeholder and
each request's own token is written in its place (a part whose token cannot be told apart is
not kept). Nothing is kept for a POST, nor when `PCPLAN_PAGE_CACHE` or
`PCPLAN_KEEP_STAFF_PARTS` is off.

Kept as the public pages are: in this worker's memory first (`RecentPages`), then Django's
cache, shared by every worker.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac

from pcplan.core import pagecache

_recent: pagecache.RecentPages[str] = pagecache.RecentPages(settings.PCPLAN_PAGE_MEMORY_BYTES)

# What a rendered form carries, and what a kept part holds instead of the request's token:
# derived from the secret key, so no text a user types can be taken for it.
CSRF_FIELD = 'name="csrfmiddlewaretoken"'


def _placeholder() -> str:
    return _placeholder_for(settings.SECRET_KEY)


@functools.lru_cache(maxsize=2)
def _placeholder_for(secret: str) -> str:
    """Made once per secret key, not on every request that reads a kept part."""
    return "pcplan-csrf-" + salted_hmac("pcplan.core.fragments", "csrf", secret=secret).hexdigest()


def keepable(request: HttpRequest | None) -> bool:
    return (
        request is not None
        and settings.PCPLAN_PAGE_CACHE
        and settings.PCPLAN_KEEP_STAFF_PARTS
        and request.method in ("GET", "HEAD")
        and request.user.is_authenticated
    )


def key(request: HttpRequest, name: str, vary: list[Any], today: dt.date | None = None) -> str:
    parts = "|".join(
        (
            _placeholder(),  # a new secret key: parts kept under the old one are not read
            name,
            str(request.user.pk),
            request.get_full_path(),
            request.headers.get("HX-Request", ""),
            translation.get_language() or "",
            (today or timezone.localdate()).isoformat(),
            *(str(v) for v in vary),
        )
    )
    digest = hashlib.sha256(parts.encode()).hexdigest()
    # Read once per request: a view's `find` and the template's tag name the same part.
    version: str | None = getattr(request, "pcplan_fragment_version", None)
    if version is None:
        version = pagecache.public_version()
        request.pcplan_fragment_version = version  # type: ignore[attr-defined]
    return f"pcplan:fragment:{version}:{digest}"


def find(request: HttpRequest, name: str, vary: list[Any] | None = None) -> str | None:
    """The part `{% keep name %}` will show on this request, if it is kept (else None), so a
    view need not build what only the part shows. What is found now is what the tag shows
    (remembered on the request): it cannot be dropped from the cache in between."""
    if not keepable(request):
        return None
    found = _found(request)
    k = key(request, name, vary or [])
    found[k] = _recent.fetch(k)
    return found[k]


def _found(request: HttpRequest) -> dict[str, str | None]:
    found: dict[str, str | None] | None = getattr(request, "pcplan_fragments", None)
    if found is None:
        found = {}
        request.pcplan_fragments = found  # type: ignore[attr-defined]
    return found


def get(key: str, request: HttpRequest, csrf_token: Callable[[], str]) -> str | None:
    """The kept part, with this request's CSRF token in its forms; None if not kept."""
    found = _found(request)
    html = found[key] if key in found else _recent.fetch(key)
    if html is None:
        return None
    return html.replace(_placeholder(), csrf_token()) if CSRF_FIELD in html else html


def put(key: str, html: str, csrf_token: Callable[[], str]) -> bool:
    """Keep the rendered part, its forms' CSRF token (`csrf_token()`, the one the part was
    rendered with) replaced by the placeholder. True if kept."""
    html = str(html)
    if CSRF_FIELD in html:
        token = csrf_token()
        if len(token) < 32 or token not in html:  # noqa: PLR2004 - Django's are 64
            return False
        html = html.replace(token, _placeholder())
    _recent.keep(key, html)
    return True


def clear() -> None:
    """Forget this worker's kept parts (tests: SQLite may give a rolled-back test's ids again)."""
    _recent.clear()


def render_kept(
    request: HttpRequest,
    template: str,
    frame: dict[str, Any],
    body: Callable[[], dict[str, Any]],
) -> HttpResponse:
    """Render `template`, whose `{% keep "<template>" %}` part shows what `body()` gives and the
    rest of the page what `frame` gives: `body()` is built only when the part is not kept."""
    context = frame if find(request, template) is not None else {**frame, **body()}
    return render(request, template, context)
