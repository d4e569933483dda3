"""Who may change measures and their observations (one place for each rule).

OPCC editors define measures. Editors and contributors from a partner organisation (the
Constabulary, CSPs) supply observations: "supply performance data" (DESIGN: who uses it).
Panel members and the public read.
"""

from __future__ import annotations

from pcplan.core.models import User


def can_edit_measures(user: User) -> bool:
    return user.is_authenticated and user.is_editor


def can_record_observations(user: User) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_editor or (
        user.role == User.Role.CONTRIBUTOR and user.organisation_id is not None
    )
