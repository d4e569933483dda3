"""The sign-in record and invitations to new users."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class SignInEventQuerySet(models.QuerySet["SignInEvent"]):
    def latest_first(self) -> SignInEventQuerySet:
        return self.select_related("user").order_by("-at", "-pk")


class SignInEvent(models.Model):
    """One sign-in, failed sign-in, lockout, second-factor check or sign-out.

    The record itself is the audit trail of signing in: rows are only ever added.
    """

    class Kind(models.TextChoices):
        SIGNED_IN = "signed-in", _("Signed in")
        FAILED = "failed", _("Wrong username or password")
        LOCKED_OUT = "locked-out", _("Locked out after too many failures")
        VERIFIED = "verified", _("Second step passed")
        VERIFY_FAILED = "verify-failed", _("Wrong security code")
        SIGNED_OUT = "signed-out", _("Signed out")
        PASSWORD_CHANGED = "password-changed", _("Password changed or set")

    at = models.DateTimeField(_("when"), auto_now_add=True)
    kind = models.CharField(_("what happened"), max_length=20, choices=Kind.choices)
    username = models.CharField(_("username given"), max_length=150, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sign_in_events",
    )
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    objects = SignInEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-in event")
        # The administrators' page lists the latest events first.
        indexes = [models.Index(fields=["-at"], name="accounts_signin_at_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.username}"


class Invitation(models.Model):
    """An administrator's invitation to a new user to set their password and sign in."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="invitations_sent",
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("invitation")

    def __str__(self) -> str:
        return str(self.user)
