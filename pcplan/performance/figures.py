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
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.cache import cache as django_cache
from django.db.models import Max, Model
from django.utils import translation

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
    from pcplan.performance.street import StreetTotals
    from pcplan.performance.trends import Trends

T = TypeVar("T")
TIMEOUT = 60 * 60 * 24 * 7  # a week; a new version makes a new key long before then


@cache
def _history_models() -> list[type[Model]]:
    # simple-history makes a new manager class at every `Model.history`: a few ms each time.
    return [
        model.history.model for model in (Measure, Observation, PublishedFigure, AreaPopulation)
    ]


def data_version() -> str:
    """Changes whenever anything the dashboard shows changes."""
    stamps: list[Any] = [ImportRun.objects.aggregate(v=Max("started_at"))["v"]]
    for history in _history_models():
        stamps.append(history._default_manager.aggregate(v=Max("history_date"))["v"])
    stamps.append(ImportRun.objects.count())
    text = "|".join(s.isoformat() if isinstance(s, dt.datetime) else str(s) for s in stamps)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def cached(name: str, parts: tuple[Any, ...], build: Callable[[], T], version: str = "") -> T:
    """`build()` once per data version (`version`, read if not given), `parts` (audience,
    force, area...) and language: the figures hold their periods in words ("January 2026"),
    which follow the language they were built in."""
    raw = "|".join(str(p) for p in (*parts, translation.get_language() or ""))
    version = version or data_version()
    key = f"pcplan:performance:{version}:{name}:" + hashlib.sha256(raw.encode()).hexdigest()
    value = django_cache.get(key)
    if value is None:
        value = build()
        django_cache.set(key, value, TIMEOUT)
    return value


def dashboard(
    *,
    staff: bool,
    force: str,
    area: str,
    districts: list[str] | None,
    version: str = "",
    street: StreetTotals | None = None,
) -> Dashboard:
    """Every measure's figures for the force, or one CSP area (the districts it covers).
    `street`: the force's street-level totals, when already read for other figures."""
    from pcplan.performance.series import build_dashboard

    def build() -> Dashboard:
        measures = Measure.objects.all() if staff else Measure.objects.public()
        return build_dashboard(measures, force=force, area=area, districts=districts, street=street)

    parts = ("staff" if staff else "public", force, area, districts)
    return cached("dashboard", parts, build, version)


def stop_and_search(force: str, csp: dict[str, list[str]], version: str = "") -> StopSearchFigures:
    """Stop and search over the latest 12 months loaded for the force, by CSP area `csp`."""
    from pcplan.performance.stopsearch import loaded_months, stop_search_figures

    return cached(
        "stop-and-search",
        (force, sorted(csp.items())),
        lambda: stop_search_figures(force, loaded_months(force)[-12:], csp),
        version,
    )


def trends(
    force: str,
    area: str,
    districts: list[str] | None,
    csp: dict[str, list[str]],
    version: str = "",
    street: StreetTotals | None = None,
) -> Trends:
    from pcplan.performance.trends import build_trends

    return cached(
        "trends",
        (force, area, districts, sorted(csp.items())),
        lambda: build_trends(force, area=area, districts=districts, csp=csp, street=street),
        version,
    )


def choosable_forces(loaded: Callable[[], Iterable[str]]) -> list[tuple[str, str]]:
    """The forces a visitor can choose on the performance pages, as (data.police.uk id, name):
    the office profile's; before the profile names any, the forces `loaded` gives."""
    from pcplan.core.office import force_choices

    return force_choices() or [(force, force) for force in dict.fromkeys(loaded())]


def forces_built_after_an_import() -> list[str]:
    """The forces whose public figures an import builds: the office profile's, each of which
    a visitor can choose; before the profile names any, the one the performance pages open on
    (the first force loaded). Any other loaded force a visitor chooses is built on its first
    request and kept until the next change, as issue 16 allows ("computed at import time, or
    cached until the next import").

    data.police.uk's archive holds every force: a new installation loading all 43 before its
    profile is set would otherwise wait for 42 forces' figures nobody may ask for (7-8 s of a
    30 s national import, docs/PERFORMANCE.md)."""
    from pcplan.core.office import force_choices
    from pcplan.performance.series import loaded_forces

    return [force for force, _name in force_choices()] or loaded_forces()[:1]


def warm() -> None:
    """Build the public figures of `forces_built_after_an_import`, right after an import."""
    from pcplan.core.office import csp_areas
    from pcplan.performance.street import street_totals

    csp = csp_areas()
    version = data_version()  # read once: nothing changes while they are built
    for force in forces_built_after_an_import():
        # The dashboard and the trends sum the same street-level rows: read them once.
        street = street_totals(force)
        dashboard(staff=False, force=force, area="", districts=None, version=version, street=street)
        stop_and_search(force, csp, version)
        trends(force, "", None, csp, version, street=street)
