"""The way into the transparency pages: the permission checked once, and one
`get_<thing>_for_user` per model that answers 404 when the user may not see it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from pcplan.core.http import require
from pcplan.core.models import User
from pcplan.transparency import permissions
from pcplan.transparency.models import Decision, Finding, Inspection

View = Callable[..., HttpResponse]


def only(rule: Callable[[User], bool], refusal: Any) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            require(request, rule, refusal)
            return view(request, *args, **kwargs)

        return checked

    return decorator


keepers_only = only(permissions.can_keep_decisions, permissions.KEEPERS_ONLY)
readers_only = only(permissions.can_read_decisions, permissions.READERS_ONLY)
signed_in = only(permissions.can_read_calendar, permissions.READERS_ONLY)


def get_public_decision(pk: int) -> Decision:
    return get_object_or_404(Decision.objects.public(), pk=pk)


def get_decision_for_user(request: HttpRequest, pk: int) -> Decision:
    """Staff pages (already checked on the way in): every decision, exempt part included."""
    return get_object_or_404(Decision, pk=pk)


def get_inspection_for_user(request: HttpRequest, pk: int) -> Inspection:
    return get_object_or_404(Inspection, pk=pk)


def get_finding_for_user(request: HttpRequest, pk: int) -> Finding:
    return get_object_or_404(Finding.objects.select_related("inspection"), pk=pk)


def flags(request: HttpRequest) -> dict[str, bool]:
    user = request.user if isinstance(request.user, User) else None
    return {"can_keep": permissions.can_keep_decisions(user)}
