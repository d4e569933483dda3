"""Making and revoking API tokens: permission-checked, atomic, audited."""

from __future__ import annotations

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from pcplan.api import permissions
from pcplan.api.models import ApiToken, token_digest
from pcplan.core.audit import attributed_to
from pcplan.core.models import User

# Marks pcplan tokens, so that secret scanners and people can recognise one.
TOKEN_PREFIX = "pcp_"  # noqa: S105 - not a secret


@transaction.atomic
def issue_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; the returned string is the token, shown once and never kept."""
    if not permissions.can_hold_token(user):
        raise PermissionDenied(permissions.NOT_YOUR_TOKEN)
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name.strip(), prefix=raw[:10], digest=token_digest(raw))
    attributed_to(token, user, "API token made").save()
    return token, raw


@transaction.atomic
def revoke_token(user: User, token: ApiToken) -> ApiToken:
    if not permissions.can_revoke_token(user, token.user_id):
        raise PermissionDenied(permissions.NOT_YOUR_TOKEN)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        attributed_to(token, user, "API token revoked").save(update_fields=["revoked_at"])
    return token


def user_for_token(raw: str) -> tuple[User, ApiToken] | None:
    """The live token's user, or None; notes when the token was last used."""
    token = ApiToken.objects.live().select_related("user").filter(digest=token_digest(raw)).first()
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        # No history row: using a token is not a change to it.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user, token
