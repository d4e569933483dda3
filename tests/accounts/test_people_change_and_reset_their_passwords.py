"""Password change when signed in, and reset by email (issue 15: "no password change or
reset"): the emailed link works once."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

from pcplan.accounts.models import SignInEvent
from tests.accounts.conftest import sign_in
from tests.conftest import PASSWORD
from tests.htmlforms import served_form

NEW_PASSWORD = "a-brand-new-long-password"


def emailed_link(message) -> str:
    match = re.search(r"https?://testserver(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def test_a_signed_in_editor_changes_their_password(client, editor):
    client.force_login(editor)
    page = client.get(reverse("accounts:password-change"))
    assert page.status_code == 200
    data = served_form(page.content.decode(), action="")
    data.update(old_password=PASSWORD, new_password1=NEW_PASSWORD, new_password2=NEW_PASSWORD)
    response = client.post(reverse("accounts:password-change"), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:account")
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)
    # Still signed in: Django keeps the session of the person who changed it.
    assert client.get(reverse("core:staff-home")).status_code == 200
    assert SignInEvent.objects.filter(user=editor, kind="password-changed").exists()


def test_a_wrong_old_password_is_refused_with_a_gov_uk_error(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_a_forgotten_password_is_reset_from_the_emailed_link_once(client, editor):
    editor.email = "editor@example.org"
    editor.save()
    assert "Forgotten your password?" in client.get(reverse("core:login")).content.decode()
    response = client.post(reverse("accounts:password-reset"), {"email": "editor@example.org"})
    assert response.status_code == 302
    assert "Check your email" in client.get(response["Location"]).content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["editor@example.org"]
    link = emailed_link(mail.outbox[0])

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "Choose a new password" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert "Your password is saved" in client.get(response["Location"]).content.decode()
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)
    assert sign_in(client, editor.username, NEW_PASSWORD).status_code == 302

    again = client.get(link, follow=True)
    assert "This link has expired" in again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, editor):
    response = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []
