"""Small helpers shared by the staff views of every app."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext

from pcplan.core.concurrency import VersionedForm
from pcplan.core.models import User


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data, even when empty, so that an empty form is checked and refused
    rather than shown again as if it had not been sent."""
    return request.POST if request.method == "POST" else None


def staff_user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied(gettext("Sign in first."))
    return user


def require(request: HttpRequest, may: Callable[[User], bool], refusal: str | Promise) -> User:
    """The signed-in user, when the app's rule `may` (from its permissions.py) allows them;
    otherwise 403 with the app's `refusal`. Checked once, on the way into the view."""
    user = staff_user(request)
    if not may(user):
        raise PermissionDenied(refusal)
    return user


def edit_form(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[], Any],
    *,
    context: dict[str, Any],
    template: str = "staff_form.html",
    success_url: str | Callable[[], str],
    success_message: str,
) -> HttpResponse:
    """Validate a bound form and call `save`, or show the form again with GOV.UK errors.

    A versioned form's stale save (`StaleEdit`) is shown as an error, with the current version
    in the form shown again (`VersionedForm.refusing_stale`)."""
    if request.method == "POST" and form.is_valid():
        stale_guard = (
            form.refusing_stale() if isinstance(form, VersionedForm) else contextlib.nullcontext()
        )
        try:
            with stale_guard:
                save()
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, success_message)
            return redirect(success_url() if callable(success_url) else success_url)
    status = 400 if form.is_bound else 200
    return render(request, template, {**context, "form": form}, status=status)
