"""A signed-in session is renewed at most once a minute, not written back on every request.

A session ends after `SESSION_COOKIE_AGE` without a request (issue 15). Django's way,
`SESSION_SAVE_EVERY_REQUEST`, writes the session row and sends the cookie again on every
request: on PostgreSQL a committed write per staff page (three statements and a flush to disk),
which was a good part of a staff page's time (issue 17, docs/PERFORMANCE.md). Renewing once a
minute at most ends a session between `SESSION_COOKIE_AGE` less a minute and
`SESSION_COOKIE_AGE` after the last request, in the database and in the browser alike.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# The time of the session's last renewal, kept in the session itself.
RENEWED_KEY = "pcplan_renewed"
RENEW_EVERY_SECONDS = 60


def renewal_due(renewed: float | None, now: float) -> bool:
    """Whether a session last renewed at `renewed` (None: never) is renewed at `now`."""
    return renewed is None or now - renewed >= RENEW_EVERY_SECONDS


class SessionRenewalMiddleware:
    """Just inside Django's SessionMiddleware: marks a live session changed when its renewal
    is due, so that SessionMiddleware saves it (a new expiry) and sends its cookie again."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # No cookie, or signed out during the request: nothing to renew, and no session is
        # made for a visitor who has none.
        if session is None or session.session_key is None:
            return response
        renewed = session.get(RENEWED_KEY)
        # Reading it loaded the session: an expired one has no key now.
        if session.session_key is not None and renewal_due(renewed, time.time()):
            session[RENEWED_KEY] = time.time()
        return response
