"""Who may do what with the API (one place for each rule).

Anyone may read what is public, and search it. Every signed-in user may use the staff search,
which includes drafts: every signed-in user reads every deliverable and update on the staff
pages (delivery.views.get_deliverable_for_user); what else it finds for them (draft reports,
exempt papers) is decided by each app's own rule (pcplan.api.search.staff_sources).
A signed-in user may make tokens for themselves, and a token lets its holder do through the
API exactly what they may do on the web pages: every write goes through the owning app's
service function, which checks that app's own rule.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from pcplan.core.models import User

NOT_YOUR_TOKEN = gettext_lazy("You may only manage your own API tokens.")


def can_hold_token(user: Any) -> bool:
    return isinstance(user, User) and user.is_active


def can_revoke_token(user: Any, owner_id: int) -> bool:
    return can_hold_token(user) and user.pk == owner_id


def can_search_staff_records(user: Any) -> bool:
    """The staff search (drafts included) and its menu link."""
    return isinstance(user, User) and user.is_active
