"""Rules of the Delivery Plan: statuses, "overdue", "new" and "completed since".

"New" and "completed" are relative to the previous report date (seed 002 item 9 §4.5: the report
lists "recently completed deliverables" and "new deliverables" since the last report).
"""

from __future__ import annotations

import datetime as dt

from django.db import models

from pcplan.core.periods import QuarterSpan


class Status(models.TextChoices):
    NOT_STARTED = "not-started", "Not started"
    IN_PROGRESS = "in-progress", "In progress"
    COMPLETED = "completed", "Completed"
    ON_HOLD = "on-hold", "On hold"
    RESCHEDULED = "rescheduled", "Rescheduled"
    BUSINESS_AS_USUAL = "business-as-usual", "Business as usual"


def is_overdue(status: str, target: QuarterSpan | None, on: dt.date) -> bool:
    """Overdue: the last target quarter has ended on `on` and the deliverable is not completed."""
    return target is not None and status != Status.COMPLETED and target.has_ended(on)


def is_new_since(added_on: dt.date, since: dt.date, as_of: dt.date) -> bool:
    """Added to the Delivery Plan after the previous report and on or before this one."""
    return since < added_on <= as_of


def is_completed_since(
    status: str, completed_on: dt.date | None, since: dt.date, as_of: dt.date
) -> bool:
    return status == Status.COMPLETED and completed_on is not None and since < completed_on <= as_of


def completed_on_for(status: str, previous: dt.date | None, today: dt.date) -> dt.date | None:
    """The completion date to keep when a status is set: kept or set when completed, else none."""
    if status != Status.COMPLETED:
        return None
    return previous or today
