"""Rules of the Delivery Plan: statuses, "overdue", "new" and "completed since".

"New" and "completed" are relative to the previous report date (seed 002 item 9 §4.5: the report
lists "recently completed deliverables" and "new deliverables" since the last report).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _

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


class Risk(models.TextChoices):
    """The risk that a deliverable is not delivered as planned (seed 002 item 9 §4.4: "an
    ongoing risk-based process to scope and prioritise deliverables")."""

    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Rag(models.TextChoices):
    RED = "red", _("Red")
    AMBER = "amber", _("Amber")
    GREEN = "green", _("Green")


def rag_status(
    status: str, target: QuarterSpan | None, on: dt.date, *, risk: str, dependency_late: bool
) -> Rag:
    """The one RAG rule of the Delivery Plan (stated in docs/DECISIONS.md, issue 18), in order:

    1. Green when completed or business as usual: nothing is left to deliver.
    2. Red when overdue (its last target quarter has ended, `is_overdue`) or its risk is high.
    3. Amber when on hold or rescheduled, when a deliverable it depends on is late (seed 002
       item 9 §4.4: "There are interdependencies between activities"), or its risk is medium.
    4. Green otherwise: not started or in progress, on time, with low or unrated risk.
    """
    if status in (Status.COMPLETED, Status.BUSINESS_AS_USUAL):
        return Rag.GREEN
    if is_overdue(status, target, on) or risk == Risk.HIGH:
        return Rag.RED
    if status in (Status.ON_HOLD, Status.RESCHEDULED) or dependency_late or risk == Risk.MEDIUM:
        return Rag.AMBER
    return Rag.GREEN


K = TypeVar("K", bound=Hashable)


def find_cycle(depends_on: Mapping[K, Iterable[K]]) -> list[K] | None:
    """A chain of dependencies that comes back to where it started, as [a, b, ..., a], or
    None when there is none. A deliverable may not depend, directly or through others, on
    itself: neither could ever start first (issue 18 item 5: "a cycle is refused").

    Depth-first search with three colours, iterative so that long chains cannot exhaust the
    stack; the keys are visited in their given order, so the cycle reported is stable.
    """
    white, grey, black = 0, 1, 2
    colour: dict[K, int] = {}
    for start in depends_on:
        if colour.get(start, white) != white:
            continue
        path: list[K] = [start]
        stack = [iter(depends_on.get(start, ()))]
        colour[start] = grey
        while stack:
            following = next(stack[-1], None)
            if following is None:
                colour[path.pop()] = black
                stack.pop()
                continue
            state = colour.get(following, white)
            if state == grey:
                return [*path[path.index(following) :], following]
            if state == white:
                colour[following] = grey
                path.append(following)
                stack.append(iter(depends_on.get(following, ())))
    return None
