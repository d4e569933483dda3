"""An administrator sends a pending invitation again (the first email was lost, or its link
ran out): the person gets a fresh link, and the history says who sent it again."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

from pcplan.accounts.models import Invitation
from tests.accounts.test_administrators_invite_new_users import NEW_PASSWORD, invite
from tests.htmlforms import served_form

PEOPLE = reverse("accounts:people")


def resend_form(client, invitation: Invitation) -> tuple[str, dict]:
    action = reverse("accounts:invitation-resend", args=[invitation.pk])
    page = client.get(PEOPLE).content.decode()
    assert action in page
    return action, served_form(page, action=action)


def test_a_pending_invitation_is_sent_again_with_a_link_that_works(
    client, django_capture_on_commit_callbacks, administrator, constabulary
):
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, constabulary)
    invitation = Invitation.objects.get()
    first_sent = invitation.sent_at
    action, form = resend_form(client, invitation)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action, form, follow=True)

    assert "Invitation sent again to alex@example.org" in response.content.decode()
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["alex@example.org"]
    invitation.refresh_from_db()
    assert invitation.sent_at > first_sent
    latest = invitation.history.first()
    assert latest.history_user == administrator
    assert latest.history_change_reason == "Invitation sent again"

    link = re.search(r"https?://testserver(/\S+)", mail.outbox[1].body).group(1)
    client.post(reverse("core:logout"))
    form_page = client.get(link, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_an_accepted_invitation_is_not_sent_again(
    client, django_capture_on_commit_callbacks, administrator, constabulary
):
    client.force_login(administrator)
    invite(client, constabulary)
    invitation = Invitation.objects.get()
    action, form = resend_form(client, invitation)
    Invitation.objects.filter(pk=invitation.pk).update(accepted_at=invitation.sent_at)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action, form, follow=True)
    assert "already been accepted" in response.content.decode()
    assert not mail.outbox


def test_only_administrators_send_invitations_again(client, administrator, editor, constabulary):
    client.force_login(administrator)
    invite(client, constabulary)
    invitation = Invitation.objects.get()
    client.force_login(editor)
    response = client.post(reverse("accounts:invitation-resend", args=[invitation.pk]))
    assert response.status_code == 403
    assert (
        client.get(reverse("accounts:invitation-resend", args=[invitation.pk])).status_code == 405
    )
