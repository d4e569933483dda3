"""pcplan's URLs plus one page that always fails, to see the 500 page as production serves it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

from pcplan.urls import handler500
from pcplan.urls import urlpatterns as pcplan_urlpatterns

__all__ = ["handler500", "urlpatterns"]


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the database went away")


urlpatterns: list[URLPattern | URLResolver] = [*pcplan_urlpatterns, path("broken/", broken)]
