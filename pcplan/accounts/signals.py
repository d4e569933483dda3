"""Every sign-in, failure, lockout and sign-out goes into the sign-in record."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from pcplan.accounts.models import SignInEvent
from pcplan.accounts.services import record


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
