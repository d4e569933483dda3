"""Who may do what with plans (one place for each rule).

Editors (administrators and the office's editors) keep the plan: its details, lifecycle,
statutory elements, themes and priorities. Every signed-in user reads every plan; the public
reads public plans only (`Plan.objects.public()`).

The Delivery Plan and the reports build on `can_edit_plan`: the same people keep them, and
`EDITORS_ONLY` is the one refusal every app gives when someone else tries.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from pcplan.core.models import User

EDITORS_ONLY = gettext_lazy(
    "Only editors may do this. Ask an administrator if your role should change."
)


def can_edit_plan(user: Any) -> bool:
    return isinstance(user, User) and user.is_authenticated and user.is_editor


def require(allowed: bool, refusal: str | Promise = EDITORS_ONLY) -> None:
    """Raise PermissionDenied with `refusal` unless `allowed` (the services' one guard)."""
    if not allowed:
        raise PermissionDenied(refusal)
