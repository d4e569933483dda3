"""Session expiry (issue 15: "sessions last 14 days"): a session ends after
PCPLAN_SESSION_IDLE_MINUTES without a request, and every request renews it."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone


def test_the_default_idle_time_is_thirty_minutes_and_each_request_renews_it():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_a_request_pushes_the_expiry_thirty_minutes_ahead(client, editor):
    client.force_login(editor)
    session = Session.objects.get()
    session.expire_date = timezone.now() + dt.timedelta(minutes=2)
    session.save()
    assert client.get(reverse("core:staff-home")).status_code == 200
    session.refresh_from_db()
    assert session.expire_date > timezone.now() + dt.timedelta(minutes=29)
    assert session.expire_date <= timezone.now() + dt.timedelta(minutes=30, seconds=5)


def test_after_thirty_idle_minutes_the_editor_must_sign_in_again(client, editor):
    client.force_login(editor)
    session = Session.objects.get()
    session.expire_date = timezone.now() - dt.timedelta(seconds=1)
    session.save()
    response = client.get(reverse("core:staff-home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))
