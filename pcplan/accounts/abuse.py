"""Public forms against bots and floods: a honeypot field and a rate limit per address.

The count is kept in Django's cache (per process with the default local-memory cache; set a
shared cache such as the database cache when several app processes serve, docs/deployment.md).
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pcplan.accounts.services import client_address

# A field people never see (hidden from sight and from screen readers) and bots fill in.
HONEYPOT_FIELD = "website"


def filled_honeypot(request: HttpRequest) -> bool:
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def over_limit(request: HttpRequest, form: str) -> bool:
    """Counts this submission; True once an address has sent more than
    PCPLAN_PUBLIC_FORM_LIMIT in PCPLAN_PUBLIC_FORM_WINDOW_SECONDS."""
    key = f"pcplan-rate:{form}:{client_address(request) or 'unknown'}"
    window = settings.PCPLAN_PUBLIC_FORM_WINDOW_SECONDS
    if cache.add(key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window)
            count = 1
    return count > settings.PCPLAN_PUBLIC_FORM_LIMIT


def refuse_abuse(request: HttpRequest, form: str) -> HttpResponse | None:
    """The response for a submission to refuse, or None to go on.

    A bot that filled the honeypot is refused quietly, with a page like a receipt, so it
    learns nothing; an address over the limit is told to wait (429).
    """
    if request.method != "POST":
        return None
    if filled_honeypot(request):
        return render(request, "accounts/submission_received.html")
    if over_limit(request, form):
        minutes = max(1, settings.PCPLAN_PUBLIC_FORM_WINDOW_SECONDS // 60)
        return render(
            request, "accounts/too_many_submissions.html", {"minutes": minutes}, status=429
        )
    return None
