"""Audit trails as staff read them: who changed what, when (from django-simple-history)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import models

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


def entries_for(records: list[Any], model: type[models.Model], what: str) -> list[HistoryEntry]:
    """One entry per historical record, oldest first, each with the fields it changed."""
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


def grouped_entries(
    records: list[Any], model: type[models.Model], label: Any
) -> list[HistoryEntry]:
    """Entries for the records of several objects of one model, each named by `label(record)`."""
    by_object: dict[int, list[Any]] = {}
    for record in records:
        by_object.setdefault(record.id, []).append(record)
    entries: list[HistoryEntry] = []
    for object_records in by_object.values():
        entries += entries_for(object_records, model, label(object_records[-1]))
    return entries


def newest_first(entries: list[HistoryEntry]) -> list[HistoryEntry]:
    return sorted(entries, key=lambda e: e.when, reverse=True)
