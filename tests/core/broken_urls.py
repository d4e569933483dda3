"""pcplan's URLs plus one page that always fails, to see the 500 page as production serves it."""

from __future__ import annotations

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

from pcplan.urls import handler500
from pcplan.urls import urlpatterns as pcplan_urlpatterns

__all__ = ["handler500", "urlpatterns"]


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the database went away")


def lost_underneath(request: HttpRequest) -> HttpResponse:
    """A library's own error raised while handling a lost connection (as a template tag or a
    cache backend may wrap it)."""
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError as exc:
        raise RuntimeError("could not read the page's data") from exc


urlpatterns: list[URLPattern | URLResolver] = [
    *pcplan_urlpatterns,
    path("broken/", broken),
    path("lost-underneath/", lost_underneath),
]
