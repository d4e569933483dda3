"""The audit trail of a deliverable and its updates, as staff read it: who changed what, when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from pcplan.delivery.models import Deliverable, Update

ACTIONS = {"+": "Created", "~": "Changed", "-": "Deleted"}
HIDDEN_FIELDS = {"id", "published_at", "created_at"}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: dt.datetime
    who: str
    what: str
    action: str
    reason: str
    changes: list[Change] = field(default_factory=list)


def _label(model: type[models.Model], name: str) -> str:
    try:
        field = model._meta.get_field(name)
    except LookupError:  # a field removed since the record was made
        return name
    return str(getattr(field, "verbose_name", name)).capitalize()


def _show(value: Any) -> str:
    if value is None or value == "":
        return "(none)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):  # many-to-many: the related rows' ids
        return ", ".join(str(v) for v in value) or "(none)"
    return str(value)


def _entries(records: list[Any], model: type[models.Model], what: str) -> list[HistoryEntry]:
    entries = []
    previous = None
    for record in records:
        entry = HistoryEntry(
            when=record.history_date,
            who=str(record.history_user) if record.history_user else "pcplan (import or system)",
            what=what,
            action=ACTIONS.get(record.history_type, record.history_type),
            reason=record.history_change_reason or "",
        )
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field in HIDDEN_FIELDS:
                    continue
                entry.changes.append(
                    Change(_label(model, change.field), _show(change.old), _show(change.new))
                )
        entries.append(entry)
        previous = record
    return entries


def history_entries(deliverable: Deliverable) -> list[HistoryEntry]:
    """Newest first: the deliverable's own changes and those of its updates."""
    entries = _entries(
        list(deliverable.history.select_related("history_user").order_by("history_date")),
        Deliverable,
        "Deliverable",
    )
    update_records = (
        Update.history.filter(deliverable_id=deliverable.pk)
        .select_related("history_user")
        .order_by("id", "history_date")
    )
    by_update: dict[int, list[Any]] = {}
    for record in update_records:
        by_update.setdefault(record.id, []).append(record)
    for update_id, records in by_update.items():
        date = records[-1].date
        entries += _entries(records, Update, f"Update of {date:%d %B %Y} (#{update_id})")
    return sorted(entries, key=lambda e: e.when, reverse=True)
