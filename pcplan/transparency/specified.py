"""Specified information (SI 2011/3050 as amended by SI 2012/2479, 2013/1816 and 2021/547):
the item list (data, with citations), where each item's evidence comes from, and the
compliance view's status of each item from its frequency and last publication date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Max
from django.utils.translation import gettext_lazy

from pcplan.grants.models import Award
from pcplan.plans.yamlsource import load_yaml
from pcplan.transparency.deadlines import Compliance, Frequency, compliance_status
from pcplan.transparency.deadlines import next_publication_due as next_due
from pcplan.transparency.models import (
    Decision,
    Inspection,
    MeasuresStatement,
    SpecifiedPublication,
)

ITEMS_FILE = Path(__file__).resolve().parent / "data" / "specified_information.yaml"
SOURCES = {"decisions", "grants", "inspections", "statement"}


@dataclass(frozen=True)
class SpecifiedItem:
    key: str
    paragraph: str
    title: str
    frequency: Frequency
    source: str = ""

    @property
    def citation(self) -> str:
        return f"SI 2011/3050 Schedule para {self.paragraph}"


@lru_cache(maxsize=1)
def specified_items(path: Path = ITEMS_FILE) -> tuple[SpecifiedItem, ...]:
    """The items, in the Order's order; a bad file fails loudly, naming line and field."""
    source = load_yaml(path.read_text(encoding="utf-8"), path.name)
    items: list[SpecifiedItem] = []
    for n, entry in enumerate((source.data or {}).get("items") or []):
        try:
            frequency = Frequency(entry.get("frequency"))
        except ValueError:
            source.problem(
                ("items", n, "frequency"),
                "expected one of " + ", ".join(f.value for f in Frequency),
            )
            continue
        if entry.get("source", "") not in SOURCES | {""}:
            source.problem(("items", n, "source"), f"expected one of {sorted(SOURCES)}")
            continue
        items.append(
            SpecifiedItem(
                key=str(entry["key"]),
                paragraph=str(entry["paragraph"]),
                title=str(entry["title"]),
                frequency=frequency,
                source=entry.get("source", ""),
            )
        )
    if source.problems:
        raise ImproperlyConfigured("; ".join(str(p) for p in source.problems))
    return tuple(items)


def item_by_key(key: str) -> SpecifiedItem | None:
    return next((item for item in specified_items() if item.key == key), None)


STATUS_LABELS = {
    Compliance.PRESENT: gettext_lazy("Present"),
    Compliance.DUE_SOON: gettext_lazy("Due soon"),
    Compliance.OVERDUE: gettext_lazy("Overdue"),
    Compliance.MISSING: gettext_lazy("Missing"),
}


@dataclass
class ItemRow:
    item: SpecifiedItem
    last_published_on: dt.date | None
    status: Compliance
    next_due: dt.date | None
    publication: SpecifiedPublication | None
    live: bool  # filled from a live pcplan record


def _live_dates(today: dt.date) -> dict[str, dt.date | None]:
    latest_decision = Decision.objects.public().aggregate(last=Max("published_at"))["last"]
    latest_inspection = Inspection.objects.public(today).aggregate(last=Max("published_on"))["last"]
    latest_statement = MeasuresStatement.objects.public().aggregate(last=Max("published_at"))[
        "last"
    ]
    latest_award = Award.objects.public().aggregate(last=Max("published_at"))["last"]
    return {
        "decisions": latest_decision.date() if latest_decision else None,
        "grants": latest_award.date() if latest_award else None,
        "inspections": latest_inspection,
        "statement": latest_statement.date() if latest_statement else None,
    }


def item_rows(today: dt.date) -> list[ItemRow]:
    """Every item with its latest publication and status: two queries for the publications
    (one per live source aside), whatever their number."""
    latest: dict[str, SpecifiedPublication] = {}
    for found in SpecifiedPublication.objects.order_by("item_key", "-published_on", "-pk"):
        latest.setdefault(found.item_key, found)
    live = _live_dates(today)
    rows = []
    for item in specified_items():
        publication = latest.get(item.key)
        last = publication.published_on if publication else None
        if item.source:
            live_date = live[item.source]
            last = max((d for d in (last, live_date) if d is not None), default=None)
        rows.append(
            ItemRow(
                item=item,
                last_published_on=last,
                status=compliance_status(item.frequency, last, today),
                next_due=next_due(item.frequency, last) if last else None,
                publication=publication,
                live=bool(item.source),
            )
        )
    return rows


def status_counts(rows: list[ItemRow]) -> list[tuple[str, int]]:
    """How many items are in each status, in the order present, due soon, overdue, missing."""
    return [
        (str(label), sum(1 for r in rows if r.status == status))
        for status, label in STATUS_LABELS.items()
    ]
