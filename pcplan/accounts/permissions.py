"""Who may do what with other people's accounts (one place for each rule)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from pcplan.core.models import User

ADMINISTRATORS_ONLY = gettext_lazy("Only administrators invite people and read the sign-in record.")


def may_manage_accounts(user: User) -> bool:
    """Administrators invite new users and read who signed in, failed or was locked out."""
    return user.is_active and (user.role == User.Role.ADMINISTRATOR or user.is_superuser)
