"""Administrators' pages: invite someone, and the sign-in record."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pcplan.accounts import permissions, services
from pcplan.accounts.forms import InvitationForm
from pcplan.accounts.models import Invitation, SignInEvent
from pcplan.core.http import edit_form, posted, require, staff_user
from pcplan.core.paging import paginate

RECORD_ROWS = 200


@login_required
def people(request: HttpRequest) -> HttpResponse:
    require(request, permissions.may_manage_accounts, permissions.ADMINISTRATORS_ONLY)
    paged = paginate(request, SignInEvent.objects.latest_first(), RECORD_ROWS)
    context = {
        "events": paged.page,
        **paged.context(),
        "days": settings.PCPLAN_SIGN_IN_RECORD_DAYS,
        "pending": Invitation.objects.filter(accepted_at__isnull=True)
        .select_related("user", "invited_by")
        .order_by("-sent_at"),
    }
    return render(request, "accounts/people.html", context)


@login_required
def invite(request: HttpRequest) -> HttpResponse:
    require(request, permissions.may_manage_accounts, permissions.ADMINISTRATORS_ONLY)
    by = staff_user(request)
    form = InvitationForm(posted(request))

    def save() -> None:
        services.invite_person(request, by, **form.cleaned_data)

    return edit_form(
        request,
        form,
        save,
        context={
            "title": _("Invite someone"),
            "intro": _(
                "They will get an email with a link to set their password. The link works once."
            ),
            "submit": _("Send invitation"),
            "back_url": reverse("accounts:people"),
        },
        success_url=reverse("accounts:people"),
        success_message=_("Invitation sent"),
    )


@require_POST
@login_required
def resend_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    by = require(request, permissions.may_manage_accounts, permissions.ADMINISTRATORS_ONLY)
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        services.resend_invitation(request, by, invitation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Invitation sent again to %(email)s") % {"email": invitation.user.email},
        )
    return redirect("accounts:people")


@login_required
def your_account(request: HttpRequest) -> HttpResponse:
    from pcplan.accounts.two_factor import confirmed_device, needs_two_factor

    user = staff_user(request)
    context = {
        "has_device": confirmed_device(user) is not None,
        "must_use": needs_two_factor(user),
        "idle_minutes": settings.SESSION_COOKIE_AGE // 60,
    }
    return render(request, "accounts/your_account.html", context)
