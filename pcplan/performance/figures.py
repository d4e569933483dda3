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
from typing import Any, TypeVar

from django.core.cache import cache
from django.db.models import Max

from pcplan.performance.models import (
    AreaPopulation,
    ImportRun,
    Measure,
    Observation,
    PublishedFigure,
)

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
