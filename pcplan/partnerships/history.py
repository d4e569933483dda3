"""The audit trail of a body and its members, as staff read it: who changed what, when."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model

from pcplan.core.dates import long_date
from pcplan.core.history import HistoryEntry, entries_for, grouped_entries, newest_first
from pcplan.partnerships.models import Body, FundedPost, LocalIssue, Membership, Scrutiny


def history_entries(body: Body) -> list[HistoryEntry]:
    """Newest first: the body's own changes (links to themes, deliverables and measures
    included), its memberships' and its scrutinies'."""
    entries = entries_for(
        list(body.history.select_related("history_user").order_by("history_date")), Body, "Body"
    )
    # Each kind of record that hangs off the body, with how its history names one of them.
    children: list[tuple[type[Model], Callable[[Any], str]]] = [
        (Membership, lambda r: f"Membership of {r.person or r.organisation} (#{r.id})"),
        (Scrutiny, lambda r: f"Scrutiny of {long_date(r.held_on, padded=True)}"),
        (LocalIssue, lambda r: f"Local issue: {r.title}"),
        (FundedPost, lambda r: f"Funded post: {r.title}"),
    ]
    for model, name in children:
        records = model.history.filter(body_id=body.pk)  # type: ignore[attr-defined]
        entries += grouped_entries(
            list(records.select_related("history_user").order_by("id", "history_date")),
            model,
            name,
        )
    return newest_first(entries)
