"""Sign-ins are recorded in the audit (issue 15): administrators read who signed in, failed or
was locked out; nobody else can."""

from __future__ import annotations

from django.urls import reverse

from pcplan.accounts.models import SignInEvent
from tests.accounts.conftest import sign_in


def test_a_sign_in_a_failure_and_a_sign_out_are_recorded(client, editor):
    sign_in(client, editor.username, "wrong")
    sign_in(client, editor.username)
    client.post(reverse("core:logout"))
    events = list(SignInEvent.objects.order_by("pk"))
    assert [e.kind for e in events] == [
        SignInEvent.Kind.FAILED,
        SignInEvent.Kind.SIGNED_IN,
        SignInEvent.Kind.SIGNED_OUT,
    ]
    assert events[0].user is None
    assert events[0].username == editor.username
    assert events[1].user == editor
    assert events[1].ip_address == "127.0.0.1"


def test_an_administrator_reads_the_sign_in_record(client, administrator, editor):
    sign_in(client, editor.username, "wrong")
    client.force_login(administrator)
    response = client.get(reverse("accounts:people"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sign-in record" in page
    assert "Wrong username or password" in page
    assert editor.username in page


def test_an_editor_cannot_read_the_sign_in_record(client, editor):
    client.force_login(editor)
    response = client.get(reverse("accounts:people"))
    assert response.status_code == 403
    assert "Only administrators" in response.content.decode()


def test_the_menu_offers_people_to_administrators_only(client, administrator, editor):
    client.force_login(administrator)
    assert reverse("accounts:people") in client.get(reverse("core:staff-home")).content.decode()
    client.force_login(editor)
    page = client.get(reverse("core:staff-home")).content.decode()
    assert reverse("accounts:people") not in page
    assert reverse("accounts:account") in page


def test_the_admin_shows_the_record_but_cannot_change_it(client, administrator, editor):
    sign_in(client, editor.username, "wrong")
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    listing = client.get(reverse("admin:accounts_signinevent_changelist"))
    assert listing.status_code == 200
    assert editor.username in listing.content.decode()
    event = SignInEvent.objects.get(kind=SignInEvent.Kind.FAILED)
    response = client.post(reverse("admin:accounts_signinevent_delete", args=[event.pk]))
    assert response.status_code == 403
    assert SignInEvent.objects.filter(pk=event.pk).exists()
