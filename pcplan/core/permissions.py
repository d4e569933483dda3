"""Who may do what with the office itself (one place for each rule)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from pcplan.core.models import User

ADMINISTRATORS_ONLY = gettext_lazy("Only administrators keep the office profile.")


def may_keep_profile(user: User) -> bool:
    """Only administrators keep the office profile: it changes every document and page."""
    return user.is_active and user.role == User.Role.ADMINISTRATOR
