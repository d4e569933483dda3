"""The audit trail of a deliverable and its updates, as staff read it: who changed what, when."""

from __future__ import annotations

from pcplan.core.dates import long_date
from pcplan.core.history import HistoryEntry, entries_for, grouped_entries, newest_first
from pcplan.delivery.models import Deliverable, Update


def history_entries(deliverable: Deliverable) -> list[HistoryEntry]:
    """Newest first: the deliverable's own changes and those of its updates."""
    entries = entries_for(
        list(deliverable.history.select_related("history_user").order_by("history_date")),
        Deliverable,
        "Deliverable",
    )
    update_records = list(
        Update.history.filter(deliverable_id=deliverable.pk)
        .select_related("history_user")
        .order_by("id", "history_date")
    )
    entries += grouped_entries(
        update_records, Update, lambda r: f"Update of {long_date(r.date, padded=True)} (#{r.id})"
    )
    return newest_first(entries)
