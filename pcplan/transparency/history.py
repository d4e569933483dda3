"""The audit trails of decisions and inspections, as staff read them."""

from __future__ import annotations

from pcplan.core.history import HistoryEntry, entries_for, grouped_entries, newest_first
from pcplan.transparency.models import Decision, Finding, Inspection


def decision_history(decision: Decision) -> list[HistoryEntry]:
    return newest_first(
        entries_for(
            list(decision.history.select_related("history_user").order_by("history_date")),
            Decision,
            "Decision",
        )
    )


def inspection_history(inspection: Inspection) -> list[HistoryEntry]:
    entries = entries_for(
        list(inspection.history.select_related("history_user").order_by("history_date")),
        Inspection,
        "Inspection",
    )
    records = list(
        Finding.history.filter(inspection_id=inspection.pk)
        .select_related("history_user")
        .order_by("id", "history_date")
    )
    entries += grouped_entries(records, Finding, lambda r: f"Finding {r.reference or r.id}")
    return newest_first(entries)
