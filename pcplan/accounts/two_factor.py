"""Two-factor sign-in (TOTP, django-otp): who must pass it, and the middleware that sends
them to set it up or to enter a code before any page but the account pages."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from pcplan.core.models import User


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def needs_two_factor(user: User) -> bool:
    """Roles in PCPLAN_TWO_FACTOR_ROLES (administrators and OPCC editors by default) must
    pass a second step; so must anyone who has chosen to set up an authenticator app."""
    if not user.is_active:
        return False
    # A superuser can do everything an administrator can.
    role = User.Role.ADMINISTRATOR if user.is_superuser else user.role
    if role in settings.PCPLAN_TWO_FACTOR_ROLES:
        return True
    return confirmed_device(user) is not None


def is_verified(request: HttpRequest) -> bool:
    check = getattr(request.user, "is_verified", None)
    return bool(check and check())


# Signing in and out, the second step itself, and the emailed password links stay reachable,
# or no one could finish signing in. Changing a password is not among them: a stolen password
# alone must not be enough to change it.
EXEMPT_PREFIXES = (
    "/account/sign-in/",
    "/account/sign-out/",
    "/account/two-factor/",
    "/account/password/reset/",
    "/account/password/saved/",
    "/account/invitation/",
)


def exempt_path(path: str) -> bool:
    return path.startswith((*EXEMPT_PREFIXES, settings.STATIC_URL))


class TwoFactorMiddleware:
    """Placed after django-otp's OTPMiddleware, which marks a request verified."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            isinstance(user, User)
            and not exempt_path(request.path)
            and needs_two_factor(user)
            and not is_verified(request)
        ):
            step = "accounts:two-factor-verify"
            if confirmed_device(user) is None:
                step = "accounts:two-factor-set-up"
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse(step)}?{query}")
        return self.get_response(request)
