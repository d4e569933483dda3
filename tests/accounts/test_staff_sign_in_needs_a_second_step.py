"""Two-factor sign-in (issue 15: "no two-factor sign-in for staff"): administrators and OPCC
editors must pass a TOTP code from an authenticator app before any staff page; other roles
only when PCPLAN_TWO_FACTOR_ROLES names them."""

from __future__ import annotations

import re

from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from pcplan.accounts.models import SignInEvent
from tests.accounts.conftest import sign_in
from tests.conftest import PASSWORD


def code_for(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def test_an_editor_without_an_authenticator_app_cannot_reach_staff_pages(
    client, two_factor_required, editor
):
    response = sign_in(client, editor.username)
    assert response.status_code == 302
    for url in (reverse("core:staff-home"), reverse("performance:staff-dashboard"), "/admin/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:two-factor-set-up"))


def test_an_editor_sets_up_an_authenticator_app_and_then_reaches_staff_pages(
    client, two_factor_required, editor
):
    sign_in(client, editor.username)
    page = client.get(reverse("core:staff-home"), follow=True)
    html = page.content.decode()
    assert "Set up two-factor sign-in" in html
    assert "<svg" in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    secret = re.search(r"<code[^>]*>([A-Z2-7 ]+)</code>", html).group(1)
    assert secret.replace(" ", "") in device.config_url

    wrong = client.post(reverse("accounts:two-factor-set-up"), {"code": "000000"})
    assert wrong.status_code == 400
    assert "The code is wrong or has expired" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    device.throttle_reset()  # each wrong code makes the next wait longer; as if it waited

    response = client.post(
        reverse("accounts:two-factor-set-up"),
        {"code": code_for(device), "next": reverse("core:staff-home")},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("core:staff-home")
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("core:staff-home")).status_code == 200


def test_an_enrolled_editor_enters_a_code_after_the_password(client, two_factor_required, editor):
    device = enrolled(editor)
    sign_in(client, editor.username)
    response = client.get(reverse("core:staff-home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor-verify"))

    wrong = client.post(reverse("accounts:two-factor-verify"), {"code": "12345x"})
    assert wrong.status_code == 400
    assert "There is a problem" in wrong.content.decode()
    assert client.get(reverse("core:staff-home")).status_code == 302

    wrong = client.post(reverse("accounts:two-factor-verify"), {"code": "000000"})
    assert "The code is wrong or has expired" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # as if it waited
    response = client.post(reverse("accounts:two-factor-verify"), {"code": code_for(device)})
    assert response.status_code == 302
    assert client.get(reverse("core:staff-home")).status_code == 200
    kinds = set(SignInEvent.objects.filter(user=editor).values_list("kind", flat=True))
    assert {SignInEvent.Kind.SIGNED_IN, SignInEvent.Kind.VERIFIED} <= kinds


def test_a_stolen_password_cannot_replace_the_authenticator_app(
    client, two_factor_required, editor
):
    enrolled(editor)
    sign_in(client, editor.username)
    response = client.get(reverse("accounts:two-factor-set-up"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor-verify"))
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_a_stolen_password_cannot_change_the_password(client, two_factor_required, editor):
    enrolled(editor)
    sign_in(client, editor.username)
    for url in (reverse("accounts:password-change"), reverse("accounts:account")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:two-factor-verify"))
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": PASSWORD, "new_password1": "x-new-pass", "new_password2": "x-new-pass"},
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_a_contributor_is_not_asked_unless_the_setting_names_their_role(
    client, settings, two_factor_required, contributor
):
    client.force_login(contributor)
    assert client.get(reverse("core:staff-home")).status_code == 200
    settings.PCPLAN_TWO_FACTOR_ROLES = ["administrator", "opcc-editor", "contributor"]
    response = client.get(reverse("core:staff-home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor-set-up"))


def test_public_pages_need_no_second_step_when_signed_out(client, db, two_factor_required):
    assert client.get(reverse("public:home")).status_code == 200
