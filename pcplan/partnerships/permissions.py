"""Who may do what with partnerships and boards (one place for each rule).

Editors (administrators and the office's editors) keep the bodies, their members, the CSPs'
duties and the issued plan's distribution; every signed-in user reads the staff pages; the
public reads published bodies only (`Body.objects.public()`), and of a private body only what
`Body.shows_details_publicly` allows.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from pcplan.core.models import User
from pcplan.plans.permissions import EDITORS_ONLY, can_edit_plan

REFUSAL = EDITORS_ONLY
READ_REFUSAL = gettext_lazy("Sign in to read the partnerships' staff pages.")


def can_keep_partnerships(user: Any) -> bool:
    return can_edit_plan(user)


def can_read_partnerships(user: Any) -> bool:
    return isinstance(user, User) and user.is_active
