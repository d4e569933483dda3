"""Sign-in throttling (issue 15, item 5: "30 wrong passwords in a row, then the right one
works"): after five wrong passwords the account is locked, even for the right one."""

from __future__ import annotations

from django.urls import reverse

from pcplan.accounts.models import SignInEvent
from tests.accounts.conftest import sign_in


def test_six_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused(client, editor):
    for _ in range(6):
        response = sign_in(client, editor.username, "not-the-password")
    assert response.status_code == 429
    assert "Sign-in locked" in response.content.decode()

    response = sign_in(client, editor.username)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Sign-in locked" in page
    assert "30 minutes, even with the right password" in page
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("core:staff-home")).status_code == 302


def test_four_wrong_passwords_then_the_right_one_signs_in(client, editor):
    for _ in range(4):
        response = sign_in(client, editor.username, "not-the-password")
        assert response.status_code == 200
        assert "Enter a correct username and password" in response.content.decode()
    response = sign_in(client, editor.username)
    assert response.status_code == 302
    assert client.get(reverse("core:staff-home")).status_code == 200


def test_failures_and_the_lockout_are_in_the_sign_in_record(client, editor):
    for _ in range(5):
        sign_in(client, editor.username, "not-the-password")
    sign_in(client, editor.username)
    kinds = list(
        SignInEvent.objects.filter(username=editor.username)
        .order_by("pk")
        .values_list("kind", flat=True)
    )
    assert kinds.count(SignInEvent.Kind.FAILED) >= 5
    assert SignInEvent.Kind.LOCKED_OUT in kinds
    assert SignInEvent.Kind.SIGNED_IN not in kinds
    assert SignInEvent.objects.filter(ip_address="127.0.0.1").count() == len(kinds)
