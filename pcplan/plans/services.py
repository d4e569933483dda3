"""Changes to plans, themes, priorities and commitments: permission-checked, atomic,
audited."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_if_versioned, claim_version
from pcplan.core.dates import long_date
from pcplan.core.models import User
from pcplan.plans import lifecycle, permissions
from pcplan.plans.models import Commitment, Plan, PlanStatusChange
from pcplan.plans.permissions import require
from pcplan.transparency import services as transparency_services

if TYPE_CHECKING:
    from pcplan.delivery.models import Deliverable
    from pcplan.performance.models import Measure


@transaction.atomic
def save_by_editor(
    user: User, instance: models.Model, *, reason: str = "", version: int | None = None
) -> None:
    """Save a plan, theme, priority or statutory element on behalf of an editor; refused
    (StaleEdit) when it changed after the editor's form was served at `version`."""
    require(permissions.can_edit_plan(user))
    creating = instance.pk is None
    claim_if_versioned(instance, version)
    attributed_to(instance, user, reason or ("Created" if creating else "Edited")).save()


@transaction.atomic
def save_commitment(
    user: User,
    commitment: Commitment,
    *,
    deliverables: list[Deliverable],
    measures: list[Measure],
    version: int | None = None,
) -> Commitment:
    """Save a key objective, shared outcome or pledge with its links, all in the history;
    refused (StaleEdit) when it changed after the form was served at `version`."""
    require(permissions.can_edit_plan(user))
    creating = commitment.pk is None
    claim_version(commitment, version)
    label = Commitment.Kind(commitment.kind).label
    attributed_to(commitment, user, f"{label} {'added' if creating else 'edited'}").save()
    attributed_to(commitment, user, "Deliverables and measures linked")
    commitment.deliverables.set(deliverables)
    commitment.measures.set(measures)
    return commitment


@transaction.atomic
def move_plan_status(
    user: User,
    plan: Plan,
    *,
    status: str,
    date: dt.date,
    note: str = "",
    version: int | None = None,
) -> PlanStatusChange:
    """Move the plan one step along its lifecycle, dated (plans.lifecycle); refused
    (StaleEdit) when the plan changed after the officer's form was served at `version`."""
    require(permissions.can_edit_plan(user))
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    claim_version(plan, version, noun=gettext("plan"))
    try:
        lifecycle.check_transition(plan.status, status)
    except lifecycle.LifecycleError as exc:
        raise ValidationError({"status": str(exc)}) from exc
    last = plan.status_changes.order_by("-date", "-id").first()
    if last is not None and date < last.date:
        raise ValidationError(
            {
                "date": gettext("The date must be on or after the previous step (%(date)s).")
                % {"date": long_date(last.date, padded=True)}
            }
        )
    change = PlanStatusChange(plan=plan, status=status, date=date, note=note, recorded_by=user)
    attributed_to(change, user).save()
    plan.status = status
    attributed_to(plan, user, f"Status: {lifecycle.PlanStatus(status).label}").save(
        update_fields=["status"]
    )
    # Approving the draft, issuing and varying the plan are formal decisions: the decisions
    # register records each once, linked to this step (issue 13).
    transparency_services.decision_for_plan_step(user, change)
    return change
