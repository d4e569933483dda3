"""Session expiry (issue 15: "sessions last 14 days"): a session ends after
PCPLAN_SESSION_IDLE_MINUTES without a request, and every request renews it."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pcplan.accounts import session_renewal


def test_the_default_idle_time_is_thirty_minutes_and_requests_renew_it_once_a_minute():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is False
    assert "pcplan.accounts.session_renewal.SessionRenewalMiddleware" in settings.MIDDLEWARE
    assert session_renewal.RENEW_EVERY_SECONDS == 60
    assert session_renewal.renewal_due(None, 1000.0)
    assert not session_renewal.renewal_due(1000.0, 1059.0)
    assert session_renewal.renewal_due(1000.0, 1060.0)


def session_writes(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('UPDATE "django_session')
    ]


def test_a_second_request_within_the_minute_writes_no_session_a_minute_on_renews_it(client, editor):
    """Issue 17: a staff page no longer writes the session row (and sends the cookie) each time."""
    client.force_login(editor)
    url = reverse("core:staff-home")
    assert len(session_writes(client, url)) == 1  # the first request renews
    response = client.get(url)
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert session_writes(client, url) == []
    # A minute later (the renewal's time moved back, in the session as stored):
    store = SessionStore(session_key=client.session.session_key)
    store[session_renewal.RENEWED_KEY] -= 60
    store.save()
    session = Session.objects.get()
    session.expire_date = timezone.now() + dt.timedelta(minutes=29)
    session.save()
    assert len(session_writes(client, url)) == 1
    session.refresh_from_db()
    assert session.expire_date > timezone.now() + dt.timedelta(minutes=29, seconds=50)


def test_an_anonymous_visitor_gets_no_session(client, db):
    response = client.get(reverse("public:home"))
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not Session.objects.exists()


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
