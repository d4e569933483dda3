"""The staff page where a user makes and revokes their own API tokens."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from pcplan.api import permissions, tokens
from pcplan.api.models import ApiToken
from pcplan.core.http import posted, require


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What is the token for?"),
        help_text=_("For example: the Constabulary's performance system."),
        max_length=100,
    )


def get_token_for_user(request: HttpRequest, pk: int) -> ApiToken:
    """A user sees and revokes only their own tokens: another's is 404."""
    return get_object_or_404(ApiToken, pk=pk, user_id=request.user.pk)


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    user = require(request, permissions.can_hold_token, permissions.NOT_YOUR_TOKEN)
    form = TokenForm(posted(request))
    new_token = ""
    if request.method == "POST" and form.is_valid():
        _token, new_token = tokens.issue_token(user, form.cleaned_data["name"])
        form = TokenForm()
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": user.api_tokens.all(), "new_token": new_token},
        status=status,
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, permissions.can_hold_token, permissions.NOT_YOUR_TOKEN)
    token = get_token_for_user(request, pk)
    tokens.revoke_token(user, token)
    messages.success(request, gettext("Token revoked"))
    return redirect("api:tokens")
