"""The dashboard's figures, computed once per data change and cached until the next one.

A page request reads a version stamp (the newest police data import and the newest change to
measures, observations, published figures and populations: a few aggregate queries) and takes
the figures computed for that version from Django's cache. The import warms the cache for the
public pages of every force it loaded. Nothing is drawn on a request: trend lines are SVG
coordinates computed with the figures (pcplan.performance.svg).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.cache import cache
from django.db.models import Max

from pcplan.performance.models import (
    AreaPopulation,
    ImportRun,
    Measure,
    Observation,
    PublishedFigure,
)

if TYPE_CHECKING:
    from pcplan.performance.series import Dashboard
    from pcplan.performance.stopsearch import StopSearchFigures
    from pcplan.performance.trends import Trends

T = TypeVar("T")
TIMEOUT = 60 * 60 * 24 * 7  # a week; a new version makes a new key long before then


def data_version() -> str:
    """Changes whenever anything the dashboard shows changes."""
    stamps: list[Any] = [ImportRun.objects.aggregate(v=Max("started_at"))["v"]]
    for model in (Measure, Observation, PublishedFigure, AreaPopulation):
        history = model.history.model
        stamps.append(history.objects.aggregate(v=Max("history_date"))["v"])
    stamps.append(ImportRun.objects.count())
    text = "|".join(s.isoformat() if isinstance(s, dt.datetime) else str(s) for s in stamps)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def cached(name: str, parts: tuple[Any, ...], build: Callable[[], T]) -> T:
    """`build()` once per data version and `parts` (audience, force, area...)."""
    raw = "|".join(str(p) for p in parts)
    key = f"pcplan:performance:{data_version()}:{name}:" + hashlib.sha256(raw.encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def dashboard(*, staff: bool, force: str, area: str, districts: list[str] | None) -> Dashboard:
    """Every measure's figures for the force, or one CSP area (the districts it covers)."""
    from pcplan.performance.series import build_dashboard

    def build() -> Dashboard:
        measures = Measure.objects.all() if staff else Measure.objects.public()
        return build_dashboard(measures, force=force, area=area, districts=districts)

    return cached("dashboard", ("staff" if staff else "public", force, area, districts), build)


def stop_and_search(force: str, csp: dict[str, list[str]]) -> StopSearchFigures:
    """Stop and search over the latest 12 months loaded for the force, by CSP area `csp`."""
    from pcplan.performance.stopsearch import loaded_months, stop_search_figures

    return cached(
        "stop-and-search",
        (force, sorted(csp.items())),
        lambda: stop_search_figures(force, loaded_months(force)[-12:], csp),
    )


def trends(force: str, area: str, districts: list[str] | None, csp: dict[str, list[str]]) -> Trends:
    from pcplan.performance.trends import build_trends

    return cached(
        "trends",
        (force, area, districts, sorted(csp.items())),
        lambda: build_trends(force, area=area, districts=districts, csp=csp),
    )


def warm(forces: list[str]) -> None:
    """Build the public figures of each force's whole area, right after an import: the forces
    loaded and the office profile's (whose pages a visitor opens first)."""
    from pcplan.core.office import csp_areas, force_choices

    csp = csp_areas()
    for force in dict.fromkeys([*(f for f, _ in force_choices()), *forces]):
        dashboard(staff=False, force=force, area="", districts=None)
        stop_and_search(force, csp)
        trends(force, "", None, csp)
