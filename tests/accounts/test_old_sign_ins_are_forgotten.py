"""Retention: the sign-in record is kept PCPLAN_SIGN_IN_RECORD_DAYS, as the privacy notice
says, then `pcplan forget-old-sign-ins` deletes it."""

from __future__ import annotations

import datetime as dt
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from pcplan.accounts.models import SignInEvent


def test_entries_older_than_the_retention_period_are_deleted(db, settings):
    settings.PCPLAN_SIGN_IN_RECORD_DAYS = 30
    old = SignInEvent.objects.create(kind=SignInEvent.Kind.FAILED, username="old")
    recent = SignInEvent.objects.create(kind=SignInEvent.Kind.FAILED, username="recent")
    SignInEvent.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=31))
    SignInEvent.objects.filter(pk=recent.pk).update(at=timezone.now() - dt.timedelta(days=29))
    out = StringIO()
    call_command("forget_old_sign_ins", stdout=out)
    assert "1 sign-in record entries older than 30 days deleted" in out.getvalue()
    assert list(SignInEvent.objects.values_list("username", flat=True)) == ["recent"]
