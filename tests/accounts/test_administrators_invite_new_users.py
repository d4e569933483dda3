"""Invitations (issue 15): an administrator invites a new user, who gets an email with a
one-time link to set their password, and can then sign in."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

from pcplan.accounts.models import Invitation
from pcplan.core.models import User
from tests.accounts.conftest import sign_in
from tests.htmlforms import served_form

NEW_PASSWORD = "a-brand-new-long-password"


def invite(client, constabulary, **overrides):
    page = client.get(reverse("accounts:invite"))
    assert page.status_code == 200
    data = served_form(page.content.decode(), action="")
    data.update(
        first_name="Alex",
        last_name="Analyst",
        email="alex@example.org",
        username="alex",
        role=User.Role.CONTRIBUTOR,
        organisation=str(constabulary.pk),
    )
    data.update(overrides)
    return client.post(reverse("accounts:invite"), data)


def test_an_invited_user_sets_a_password_from_the_emailed_link_and_signs_in(
    client, django_capture_on_commit_callbacks, administrator, constabulary
):
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, constabulary)
    assert response.status_code == 302
    user = User.objects.get(username="alex")
    assert not user.has_usable_password()
    assert user.organisation == constabulary
    invitation = Invitation.objects.get(user=user)
    assert invitation.invited_by == administrator
    assert invitation.accepted_at is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alex@example.org"]
    assert "Your username is alex" in mail.outbox[0].body
    link = re.search(r"https?://testserver(/\S+)", mail.outbox[0].body).group(1)

    client.post(reverse("core:logout"))
    form_page = client.get(link, follow=True)
    assert "Set your password" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    invitation.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert invitation.accepted_at is not None
    assert sign_in(client, "alex", NEW_PASSWORD).status_code == 302
    assert "This link has expired" in client.get(link, follow=True).content.decode()


def test_an_invitation_without_an_email_address_is_refused_and_nothing_saved(
    client, administrator, constabulary
):
    client.force_login(administrator)
    response = invite(client, constabulary, email="")
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Enter their email address" in page
    assert not User.objects.filter(username="alex").exists()
    assert mail.outbox == []


def test_an_editor_cannot_invite_anyone(client, editor, constabulary):
    client.force_login(editor)
    response = client.post(reverse("accounts:invite"), {"username": "alex"})
    assert response.status_code == 403
    assert not User.objects.filter(username="alex").exists()
