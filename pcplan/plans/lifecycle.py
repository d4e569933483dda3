"""The plan's status lifecycle (DESIGN.md "Plan"; PRSRA 2011 s.5 and s.28(3)).

Before issuing a plan the Commissioner must send the draft to the Police and Crime Panel, which
reviews it and makes a report; the Commissioner must respond to that report and publish the
response (seed 003 §4.1). Only then is the plan issued. A plan may later be varied (the same
Panel process) and is finally superseded by the next plan.
"""

from __future__ import annotations

from django.db import models


class PlanStatus(models.TextChoices):
    DRAFTING = "drafting", "Drafting"
    CONSULTATION = "consultation", "Consultation"
    BOARD_APPROVED = "board-approved", "Board approval"
    SENT_TO_PANEL = "sent-to-panel", "Sent to Panel"
    PANEL_REPORT_RECEIVED = "panel-report-received", "Panel report received"
    RESPONSE_PUBLISHED = "response-published", "Commissioner's response published"
    ISSUED = "issued", "Issued"
    VARIED = "varied", "Varied"
    SUPERSEDED = "superseded", "Superseded"


# Each status and the statuses it may move to next: one step along the lifecycle at a time.
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    PlanStatus.DRAFTING: (PlanStatus.CONSULTATION,),
    PlanStatus.CONSULTATION: (PlanStatus.BOARD_APPROVED,),
    PlanStatus.BOARD_APPROVED: (PlanStatus.SENT_TO_PANEL,),
    PlanStatus.SENT_TO_PANEL: (PlanStatus.PANEL_REPORT_RECEIVED,),
    PlanStatus.PANEL_REPORT_RECEIVED: (PlanStatus.RESPONSE_PUBLISHED,),
    PlanStatus.RESPONSE_PUBLISHED: (PlanStatus.ISSUED,),
    PlanStatus.ISSUED: (PlanStatus.VARIED, PlanStatus.SUPERSEDED),
    PlanStatus.VARIED: (PlanStatus.VARIED, PlanStatus.SUPERSEDED),
    PlanStatus.SUPERSEDED: (),
}

# Once issued a plan is public (PRSRA 2011 s.5(10): the Commissioner must publish it).
PUBLIC_STATUSES = frozenset({PlanStatus.ISSUED, PlanStatus.VARIED, PlanStatus.SUPERSEDED})


class LifecycleError(ValueError):
    pass


def check_transition(current: str, new: str) -> None:
    """Raise LifecycleError unless `new` is a next step from `current`."""
    allowed = NEXT_STATUSES.get(current, ())
    if new not in allowed:
        labels = (
            ", ".join(PlanStatus(s).label for s in allowed) or "nothing (this is the last step)"
        )
        raise LifecycleError(
            f"A plan cannot move from {PlanStatus(current).label} to {PlanStatus(new).label}; "
            f"the next step can be: {labels}."
        )


def is_public(status: str) -> bool:
    return status in PUBLIC_STATUSES
