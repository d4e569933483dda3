"""Who may do what with the Delivery Plan (one place for each rule).

Editors (administrators and OPCC editors) keep everything. A contributor may add updates only to
deliverables their organisation leads. Panel members read, and change nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pcplan.core.models import User

if TYPE_CHECKING:
    from pcplan.delivery.models import Deliverable, Update


def can_edit_delivery_plan(user: User) -> bool:
    return user.is_authenticated and user.is_editor


def can_post_update(user: User, deliverable: Deliverable) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_editor:
        return True
    return (
        user.role == User.Role.CONTRIBUTOR
        and user.organisation_id is not None
        and user.organisation_id == deliverable.lead_id
    )


def can_edit_update(user: User, update: Update) -> bool:
    """Editors edit any update; a contributor edits their own until it is published."""
    if can_edit_delivery_plan(user):
        return True
    return (
        not update.is_published
        and update.author_id == user.pk
        and can_post_update(user, update.deliverable)
    )


def can_publish(user: User) -> bool:
    return can_edit_delivery_plan(user)
