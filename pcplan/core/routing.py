"""Addresses resolved once per worker, not on every request (issue 17).

Django finds a request's view by trying every URL pattern in order until one matches. pcplan's
apps share the root ("" and "staff/" prefixes), so a page near the end of the list, such as
/decisions/ or a staff partnerships page, was matched after two hundred patterns had been
tried: 170-265 us of every request on the benchmark machine, a fifth of a cached page's cost,
against 9 us for the first pattern (docs/PERFORMANCE.md). The patterns never change while a
worker runs, so the match for an address is remembered (least recently used out), and an
address that matches nothing is still looked up in full each time (a 404 is not remembered).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.urls import ResolverMatch, URLResolver
from django.urls.resolvers import RoutePattern

# Distinct addresses remembered per worker: every page of a large office, with room to spare.
REMEMBERED = 8192


class RememberingResolver(URLResolver):
    """A resolver over `patterns` that remembers what each address resolved to.

    What it returns is wrapped in a new ResolverMatch by the root resolver on every request, so
    no request sees another's match object.
    """

    def __init__(self, patterns: list[Any]) -> None:
        super().__init__(RoutePattern(""), patterns)
        self._remembered = lru_cache(maxsize=REMEMBERED)(self._resolve_once)

    def resolve(self, path: str) -> ResolverMatch:
        return self._remembered(path)

    def _resolve_once(self, path: str) -> ResolverMatch:
        match = super().resolve(path)
        # Django lists every pattern tried before the match (for its debugging pages only);
        # the resolvers above copy that list on every request. Only the match is kept.
        match.tried = match.tried[-1:] if match.tried else match.tried
        return match
