"""Counts of deliverables by theme and status: the plan overview (and later the Board summary)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from pcplan.delivery.models import Deliverable
from pcplan.delivery.rules import Status
from pcplan.plans.models import Plan, Theme


@dataclass
class ThemeRow:
    theme: Theme
    counts: list[int]  # one per Status, in Status order

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class StatusTable:
    statuses: list[Status]
    rows: list[ThemeRow]

    @property
    def totals(self) -> list[int]:
        return [sum(row.counts[i] for row in self.rows) for i in range(len(self.statuses))]

    @property
    def grand_total(self) -> int:
        return sum(self.totals)


def status_table(plan: Plan) -> StatusTable:
    """One query for the counts, whatever the number of deliverables."""
    counts: dict[tuple[int, str], int] = {}
    for theme_id, status, n in (
        Deliverable.objects.for_plan(plan)
        .values_list("theme_id", "status")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts[(theme_id, status)] = n
    statuses = list(Status)
    rows = [
        ThemeRow(theme, [counts.get((theme.pk, s.value), 0) for s in statuses])
        for theme in plan.themes.all()
    ]
    return StatusTable(statuses, rows)
