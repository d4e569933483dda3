"""Progress the public can read at a glance: each theme's deliverables counted by status, and
their tasks done of total (seed 002 item 9 §5.3: "Twelve of the 16 tasks completed").

Counted in the database, two grouped queries for a whole plan whatever its size, from the
deliverables it is given (the public pages give `Deliverable.objects.public()`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from pcplan.delivery.models import Deliverable, Task
from pcplan.delivery.rules import Status


@dataclass
class Progress:
    """Deliverables by status, and tasks done of total, for one theme (or a whole plan)."""

    by_status: dict[str, int] = field(default_factory=dict)
    tasks_done: int = 0
    tasks_total: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def completed(self) -> int:
        return self.by_status.get(Status.COMPLETED, 0)

    def statuses(self) -> list[tuple[str, str, int]]:
        """(value, label, count) for every status that has deliverables, in Status order."""
        return [
            (value, str(label), self.by_status[value])
            for value, label in Status.choices
            if self.by_status.get(value)
        ]


def progress_by_theme(deliverables: QuerySet[Deliverable]) -> dict[int, Progress]:
    """Each theme's Progress, keyed by theme id, over the given deliverables."""
    progress: dict[int, Progress] = defaultdict(Progress)
    rows = deliverables.order_by().values("theme_id", "status").annotate(n=Count("id"))
    for row in rows:
        progress[row["theme_id"]].by_status[row["status"]] = row["n"]
    tasks = (
        Task.objects.filter(deliverable__in=deliverables.order_by().values("id"))
        .order_by()
        .values("deliverable__theme_id")
        .annotate(total=Count("id"), done=Count("id", filter=Q(done=True)))
    )
    for task_row in tasks:
        theme_progress = progress[task_row["deliverable__theme_id"]]
        theme_progress.tasks_total = task_row["total"]
        theme_progress.tasks_done = task_row["done"]
    return dict(progress)
