"""Password change (signed in), reset by email, and setting a password from an invitation:
Django's own views, in GOV.UK pages."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from pcplan.accounts import services
from pcplan.accounts.models import SignInEvent


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "staff_form.html"
    success_url = reverse_lazy("accounts:account")
    extra_context = {"title": _("Change your password"), "submit": _("Change password")}

    def form_valid(self, form: auth_forms.PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        services.record(self.request, SignInEvent.Kind.PASSWORD_CHANGED, user=form.user)
        messages.success(self.request, _("Your password has been changed"))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-sent")
    # The email names the service, not the host it was reached by.
    extra_email_context = {"site_name": settings.PCPLAN_SITE_NAME}
    extra_context = {
        "title": _("Reset your password"),
        "intro": _(
            "Enter the email address of your account. If it matches an account, we will "
            "email you a link to choose a new password."
        ),
        "submit": _("Send the link"),
    }

    def get_form(self, form_class: Any = None) -> auth_forms.PasswordResetForm:
        form = super().get_form(form_class)
        form.fields["email"].label = _("Email address")
        form.fields["email"].error_messages["required"] = _("Enter your email address")
        form.fields["email"].error_messages["invalid"] = _(
            "Enter an email address in the correct format, like name@example.com"
        )
        return form


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/message.html"
    extra_context = {
        "title": _("Check your email"),
        "body": _(
            "If the address you gave matches an account, we have sent it a link to choose a "
            "new password. The link works once. It can take a few minutes to arrive."
        ),
    }


class PasswordSetView(auth_views.PasswordResetConfirmView):
    """Choose a new password from the emailed link (reset or invitation): the link works
    once, because its token is made from the password it replaces."""

    template_name = "accounts/form.html"
    success_url = reverse_lazy("accounts:password-set")
    extra_context = {"title": _("Choose a new password"), "submit": _("Save password")}

    def form_valid(self, form: auth_forms.SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        services.accept_invitation(form.user)
        services.record(self.request, SignInEvent.Kind.PASSWORD_CHANGED, user=form.user)
        return response


class InvitationView(PasswordSetView):
    extra_context = {
        "title": _("Set your password"),
        "intro": _("You have been invited to sign in. Choose a password to finish."),
        "submit": _("Save password"),
    }


class PasswordSetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/message.html"
    extra_context = {
        "title": _("Your password is saved"),
        "body": _("You can now sign in with your username and new password."),
        "sign_in": True,
    }
