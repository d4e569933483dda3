"""Who may do what with grants (one place for each rule).

Officers (the office's editors and administrators, and anyone else working for the office)
read funds and bids and assess them. The decision to award or decline, and publishing, is
taken by those with the power to make it: administrators and the office's editors. A user
of an eligible organisation applies on its behalf and reads its own bids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy

from pcplan.core.models import Organisation, User
from pcplan.plans.permissions import can_edit_plan

if TYPE_CHECKING:
    from pcplan.grants.models import Application

OFFICERS_ONLY = gettext_lazy("Only the office's officers may do this.")
NOT_YOUR_APPLICATION = gettext_lazy("You may only read and change your own organisation's bids.")
NO_ORGANISATION = gettext_lazy("Only someone who works for an organisation may apply for a grant.")


def can_decide(user: Any) -> bool:
    """Award or decline, vary, claw back and publish: the editors and administrators."""
    return can_edit_plan(user)


def is_officer(user: Any) -> bool:
    if can_decide(user):
        return True
    return (
        isinstance(user, User)
        and user.is_active
        and user.organisation is not None
        and user.organisation.kind == Organisation.Kind.OPCC
    )


def can_assess(user: Any) -> bool:
    return is_officer(user)


def can_apply(user: Any) -> bool:
    """Anyone signed in for an organisation may start a bid; the fund's rules decide the rest."""
    return isinstance(user, User) and user.is_active and user.organisation_id is not None


def can_read_application(user: Any, application: Application) -> bool:
    if is_officer(user):
        return True
    return isinstance(user, User) and user.organisation_id == application.organisation_id


def can_read_grants(user: Any) -> bool:
    """The staff grant pages: officers, and applicants for their own bids."""
    return is_officer(user) or can_apply(user)
