"""The audit trail of a plan: details, lifecycle, statutory elements, themes, priorities."""

from __future__ import annotations

from pcplan.core.history import HistoryEntry, entries_for, grouped_entries, newest_first
from pcplan.plans.models import Plan, PlanStatusChange, PlanStatutoryElement, Priority, Theme


def plan_history(plan: Plan) -> list[HistoryEntry]:
    entries = entries_for(
        list(plan.history.select_related("history_user").order_by("history_date")), Plan, "Plan"
    )
    entries += grouped_entries(
        list(
            PlanStatusChange.history.filter(plan_id=plan.pk)
            .select_related("history_user")
            .order_by("id", "history_date")
        ),
        PlanStatusChange,
        lambda r: f"Lifecycle step: {r.get_status_display()}",
    )
    entries += grouped_entries(
        list(
            PlanStatutoryElement.history.filter(plan_id=plan.pk)
            .select_related("history_user")
            .order_by("id", "history_date")
        ),
        PlanStatutoryElement,
        lambda r: f"What the plan must set out: {r.get_element_display()}",
    )
    theme_ids = list(Theme.history.filter(plan_id=plan.pk).values_list("id", flat=True).distinct())
    entries += grouped_entries(
        list(
            Theme.history.filter(id__in=theme_ids)
            .select_related("history_user")
            .order_by("id", "history_date")
        ),
        Theme,
        lambda r: f"Theme: {r.title}",
    )
    entries += grouped_entries(
        list(
            Priority.history.filter(theme_id__in=theme_ids)
            .select_related("history_user")
            .order_by("id", "history_date")
        ),
        Priority,
        lambda r: f"Priority for action: {r.text[:60]}",
    )
    return newest_first(entries)
