"""Changes to accounts: the sign-in record, invitations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext

from pcplan.accounts.models import Invitation, SignInEvent
from pcplan.core.audit import attributed_to
from pcplan.core.models import User
from pcplan.core.office import current_office


def client_address(request: HttpRequest | None) -> str | None:
    """The address a request came from, as django-axes sees it (one meaning for lockout,
    the sign-in record and the public forms' rate limits; behind a proxy, see
    AXES_IPWARE_PROXY_COUNT in docs/deployment.md)."""
    if request is None:
        return None
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or None


def record(
    request: HttpRequest | None,
    kind: SignInEvent.Kind,
    *,
    user: Any = None,
    username: str = "",
) -> SignInEvent:
    agent = request.META.get("HTTP_USER_AGENT", "") if request is not None else ""
    return SignInEvent.objects.create(
        kind=kind,
        user=user if isinstance(user, User) else None,
        username=(username or getattr(user, "username", "") or "")[:150],
        ip_address=client_address(request),
        user_agent=str(agent)[:300],
    )


def invitation_link(request: HttpRequest, user: User) -> str:
    """A link that sets the password once: the token is made from the password hash and the
    last sign-in, so it stops working as soon as the password is set."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return request.build_absolute_uri(reverse("accounts:invitation", args=[uid, token]))


@transaction.atomic
def invite_person(request: HttpRequest, by: User, **fields: Any) -> Invitation:
    """Create the account with no usable password and email its owner a link to set one."""
    user = User(**fields)
    user.set_unusable_password()
    user.save()
    invitation = Invitation.objects.create(user=user, invited_by=by)
    _email_invitation(request, user, by)
    return invitation


@transaction.atomic
def resend_invitation(request: HttpRequest, by: User, invitation: Invitation) -> Invitation:
    """Email a fresh link to someone who has not yet accepted (the first email was lost, or
    its link ran out); recorded in the invitation's history. An accepted one is refused."""
    invitation = Invitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(gettext("This invitation has already been accepted."))
    invitation.sent_at = timezone.now()
    attributed_to(invitation, by, "Invitation sent again").save(update_fields=["sent_at"])
    _email_invitation(request, invitation.user, by)
    return invitation


def _email_invitation(request: HttpRequest, user: User, by: User) -> None:
    context = {
        "user": user,
        "by": by,
        "link": invitation_link(request, user),
        "office": current_office(),
        "site_name": settings.PCPLAN_SITE_NAME,
        "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
    }
    subject = render_to_string("accounts/email/invitation_subject.txt", context)
    body = render_to_string("accounts/email/invitation.txt", context)
    # Sent once the account is stored, so that a link never names an account not saved.
    transaction.on_commit(lambda: send_mail(" ".join(subject.split()), body, None, [user.email]))


@transaction.atomic
def accept_invitation(user: User) -> None:
    """The invited person has set their password: their invitation is used up."""
    for invitation in Invitation.objects.select_for_update().filter(
        user=user, accepted_at__isnull=True
    ):
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])


def forget_old_sign_ins() -> int:
    """Delete the sign-in record older than PCPLAN_SIGN_IN_RECORD_DAYS (the privacy notice's
    retention period); returns how many entries went."""
    cutoff = timezone.now() - dt.timedelta(days=settings.PCPLAN_SIGN_IN_RECORD_DAYS)
    deleted, _by_model = SignInEvent.objects.filter(at__lt=cutoff).delete()
    return deleted
