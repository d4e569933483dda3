"""Audit trails as staff read them: who changed what, when (from django-simple-history).

This is the one place history is turned into words: a change to a foreign key or a
many-to-many field names the people, organisations and other records involved, never their
ids, and a choice shows its label. The names are looked up in one query per related model,
whatever the number of records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext, gettext_lazy
from simple_history.utils import get_m2m_reverse_field_name

from pcplan.core.paging import paginate

ACTIONS = {"+": gettext_lazy("Created"), "~": gettext_lazy("Changed"), "-": gettext_lazy("Deleted")}
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


@dataclass
class _Reference:
    """A side of a change that names related records, to be looked up once for all entries."""

    change: Change
    side: str  # "old" or "new"
    model: type[models.Model]
    ids: list[Any]


def _field(model: type[models.Model], name: str) -> models.Field[Any, Any] | None:
    try:
        return model._meta.get_field(name)  # type: ignore[return-value]
    except LookupError:  # a field removed since the record was made
        return None


def _label(model_field: Any, name: str) -> str:
    return str(getattr(model_field, "verbose_name", name)).capitalize()


def _show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return gettext("(none)")
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    return str(value)


def _describe(model_field: Any, raw_old: Any, raw_new: Any, references: list[_Reference]) -> Change:
    """A change in words; names of related records are filled in later by `_name_records`."""
    change = Change(_label(model_field, getattr(model_field, "name", "")), "", "")
    for side, value in (("old", raw_old), ("new", raw_new)):
        if model_field is not None and model_field.many_to_many:
            # simple_history gives many-to-many values as rows of the through table.
            target = model_field.m2m_reverse_field_name()
            ids = [row[target] for row in value or []]
        elif model_field is not None and model_field.is_relation and value is not None:
            ids = [value]
        else:
            choices = dict(model_field.flatchoices) if getattr(model_field, "choices", None) else {}
            setattr(change, side, _show(choices.get(value, value)))
            continue
        setattr(change, side, _show(None))
        if ids:
            references.append(_Reference(change, side, model_field.related_model, ids))
    return change


def _name_records(references: list[_Reference]) -> None:
    wanted: dict[type[models.Model], set[Any]] = defaultdict(set)
    for ref in references:
        wanted[ref.model].update(ref.ids)
    names = {
        model: {pk: str(obj) for pk, obj in model._base_manager.in_bulk(list(ids)).items()}
        for model, ids in wanted.items()
    }
    for ref in references:
        found = names[ref.model]
        shown = [
            found[pk] if pk in found else gettext("a deleted record (#%(id)s)") % {"id": pk}
            for pk in ref.ids
        ]
        setattr(ref.change, ref.side, ", ".join(shown))


def _m2m_rows(records: list[Any]) -> dict[str, dict[Any, list[dict[str, Any]]]]:
    """For each many-to-many field, the through rows of every record, read in one query.

    The rows have the shape simple_history's `diff_against` gives (sorted by the related
    record, without the history keys), so `_describe` reads them the same way.
    """
    if not records:
        return {}
    rows: dict[str, dict[Any, list[dict[str, Any]]]] = {}
    for m2m_field in records[0]._history_m2m_fields:
        through = getattr(records[0], m2m_field.name).model
        columns = [
            f.name
            for f in through._meta.fields
            if f.editable and f.name not in ("id", "m2m_history_id", "history")
        ]
        by_record: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for row in (
            through.objects.filter(history_id__in=[r.pk for r in records])
            .order_by("history_id", get_m2m_reverse_field_name(m2m_field))
            .values("history_id", *columns)
        ):
            by_record[row.pop("history_id")].append(row)
        rows[m2m_field.name] = by_record
    return rows


def _entries(
    records: list[Any],
    model: type[models.Model],
    what: str,
    references: list[_Reference],
    m2m_rows: dict[str, dict[Any, list[dict[str, Any]]]],
) -> list[HistoryEntry]:
    entries = []
    previous = None
    for record in records:
        entry = HistoryEntry(
            when=record.history_date,
            who=str(record.history_user)
            if record.history_user
            else gettext("pcplan (import or system)"),
            what=what,
            action=str(ACTIONS.get(record.history_type, record.history_type)),
            reason=record.history_change_reason or "",
        )
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=list(m2m_rows))
            changes = [(c.field, c.old, c.new) for c in delta.changes]
            for name, by_record in m2m_rows.items():
                old, new = by_record.get(previous.pk, []), by_record.get(record.pk, [])
                if old != new:
                    changes.append((name, old, new))
            for name, raw_old, raw_new in changes:
                if name in HIDDEN_FIELDS:
                    continue
                model_field = _field(model, name)
                described = _describe(model_field, raw_old, raw_new, references)
                if model_field is None:
                    described.field = name
                entry.changes.append(described)
        entries.append(entry)
        previous = record
    return entries


def entries_for(records: list[Any], model: type[models.Model], what: str) -> list[HistoryEntry]:
    """One entry per historical record, oldest first, each with the fields it changed."""
    references: list[_Reference] = []
    entries = _entries(records, model, what, references, _m2m_rows(records))
    _name_records(references)
    return entries


def grouped_entries(
    records: list[Any], model: type[models.Model], label: Callable[[Any], str]
) -> list[HistoryEntry]:
    """Entries for the records of several objects of one model, each named by `label(record)`."""
    by_object: dict[int, list[Any]] = {}
    for record in records:
        by_object.setdefault(record.id, []).append(record)
    references: list[_Reference] = []
    entries: list[HistoryEntry] = []
    m2m_rows = _m2m_rows(records)
    for object_records in by_object.values():
        entries += _entries(object_records, model, label(object_records[-1]), references, m2m_rows)
    _name_records(references)
    return entries


def newest_first(entries: list[HistoryEntry]) -> list[HistoryEntry]:
    return sorted(entries, key=lambda e: e.when, reverse=True)


# An audit history shows this many changes to a page (its own page number: the page it is on
# may paginate another list).
HISTORY_PAGE_SIZE = 50


def history_page(request: HttpRequest, entries: list[HistoryEntry]) -> dict[str, Any]:
    """The context `core/_history_table.html` reads: one page of `entries`, and its links."""
    paged = paginate(request, entries, HISTORY_PAGE_SIZE, param="history-page")
    return {"history": paged.page, "history_pages": paged}
