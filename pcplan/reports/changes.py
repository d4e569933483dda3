"""What changed in the Delivery Plan between two dates.

Completed and added follow `delivery.rules` (after `start`, on or before `end`). Status changes
and slipped target quarters come from the audit trail (django-simple-history): the state at the
end of `start` is compared with the state at the end of `end`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from pcplan.core.dates import long_date
from pcplan.core.periods import Quarter
from pcplan.delivery.models import Deliverable, Update
from pcplan.delivery.rules import Status
from pcplan.plans.models import Plan
from pcplan.reports.progress import ReportError


@dataclass(frozen=True)
class StatusChange:
    deliverable: Deliverable
    before: str
    after: str


@dataclass(frozen=True)
class Slip:
    deliverable: Deliverable
    before: str
    after: str


@dataclass
class WhatChanged:
    start: dt.date
    end: dt.date
    completed: list[Deliverable] = field(default_factory=list)
    added: list[Deliverable] = field(default_factory=list)
    status_changed: list[StatusChange] = field(default_factory=list)
    slipped: list[Slip] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.completed or self.added or self.status_changed or self.slipped or self.updates
        )


def end_of_day(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.max))


def quarter_label(target_end: dt.date | None) -> str:
    return str(Quarter.for_date(target_end)) if target_end else "no target"


def what_changed(plan: Plan, start: dt.date, end: dt.date) -> WhatChanged:
    """Four queries whatever the number of deliverables."""
    if end <= start:
        raise ReportError(
            f"The end date ({long_date(end, padded=True)}) must be after the start date "
            f"({long_date(start, padded=True)})."
        )
    result = WhatChanged(start, end)
    deliverables = {
        d.pk: d for d in Deliverable.objects.for_plan(plan).select_related("theme", "lead")
    }
    for d in deliverables.values():
        if d.is_completed_since(start, end):
            result.completed.append(d)
        if d.is_new_since(start, end):
            result.added.append(d)

    start_at, end_at = end_of_day(start), end_of_day(end)
    before: dict[int, tuple[str, dt.date | None]] = {}
    after: dict[int, tuple[str, dt.date | None]] = {}
    records = (
        Deliverable.history.filter(id__in=list(deliverables), history_date__lte=end_at)
        .order_by("history_date", "history_id")
        .values_list("id", "history_date", "history_type", "status", "target_end")
    )
    for pk, when, kind, status, target_end in records:
        state = (status, target_end)
        if kind == "-":
            continue
        if when <= start_at:
            before[pk] = state
        after[pk] = state
    for pk, (old_status, old_end) in sorted(before.items()):
        new_status, new_end = after[pk]
        d = deliverables[pk]
        if old_status != new_status:
            result.status_changed.append(
                StatusChange(d, Status(old_status).label, Status(new_status).label)
            )
        if old_end and new_end and new_end > old_end:
            result.slipped.append(Slip(d, quarter_label(old_end), quarter_label(new_end)))
    result.updates = list(
        Update.objects.filter(
            deliverable__theme__plan=plan, date__gt=start, date__lte=end
        ).select_related("deliverable", "author_organisation")
    )
    return result
