"""Who may do what with the Delivery Plan (one place for each rule).

Editors (administrators and the office's editors) keep everything and publish. A contributor
may add updates only to deliverables their organisation leads, and edit their own updates
until they are published. Panel members read, and change nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy

from pcplan.core.models import User
from pcplan.plans.permissions import can_edit_plan

if TYPE_CHECKING:
    from pcplan.delivery.models import Deliverable, Update

NOT_YOUR_DELIVERABLE = gettext_lazy(
    "You may only add updates to deliverables your organisation leads."
)
NOT_YOUR_UPDATE = gettext_lazy(
    "You may only edit your own updates, and only until they are published."
)


def can_edit_delivery_plan(user: Any) -> bool:
    return can_edit_plan(user)


def can_post_update(user: Any, deliverable: Deliverable) -> bool:
    if can_edit_delivery_plan(user):
        return True
    return (
        isinstance(user, User)
        and user.is_active
        and user.role == User.Role.CONTRIBUTOR
        and user.organisation_id is not None
        and user.organisation_id == deliverable.lead_id
    )


def can_edit_update(user: Any, update: Update) -> bool:
    """Editors edit any update; a contributor edits their own until it is published."""
    if can_edit_delivery_plan(user):
        return True
    return (
        not update.is_published
        and update.author_id == user.pk
        and can_post_update(user, update.deliverable)
    )


def can_decide(user: Any) -> bool:
    """Only editors accept or return updates and the changes they propose."""
    return can_edit_delivery_plan(user)


def can_publish(user: Any) -> bool:
    return can_edit_delivery_plan(user)
