"""Every sign-in, failure, lockout and sign-out goes into the sign-in record."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from pcplan.accounts.models import SignInEvent
from pcplan.accounts.services import record

# Django's own receiver saves last_login with a history row that records no change (the history
# leaves last_login out) and so moves the public version: every kept page would be built again
# after each sign-in (pcplan.core.pagecache, pcplan.core.fragments). The sign-in record above
# keeps every sign-in.
user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")


@receiver(user_logged_in)
def remember_last_sign_in(
    sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any
) -> None:
    user.last_login = timezone.now()
    user.skip_history_when_saving = True  # django-simple-history's switch
    try:
        user.save(update_fields=["last_login"])
    finally:
        del user.skip_history_when_saving


@receiver(user_logged_in)
def signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    record(request, SignInEvent.Kind.SIGNED_IN, user=user)


@receiver(user_logged_out)
def signed_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record(request, SignInEvent.Kind.SIGNED_OUT, user=user)


@receiver(user_login_failed)
def failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    record(request, SignInEvent.Kind.FAILED, username=str(credentials.get("username") or ""))


@receiver(user_locked_out)
def locked_out(
    sender: Any, request: HttpRequest | None, username: str | None = None, **kwargs: Any
) -> None:
    record(request, SignInEvent.Kind.LOCKED_OUT, username=username or "")
