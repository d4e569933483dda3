"""Two people editing the same deliverable or update: the second stale save is refused."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from pcplan.core.concurrency import StaleEdit
from pcplan.delivery import services
from pcplan.delivery.models import Deliverable
from tests.factories import UserFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def edit_url(deliverable: Deliverable) -> str:
    return reverse("delivery:deliverable-edit", args=[deliverable.theme.plan.key, deliverable.pk])


def open_form(client: Client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return served_form(response.content.decode(), action="")


@pytest.fixture
def second_editor(opcc):
    from pcplan.core.models import User

    return UserFactory(
        username="second-editor",
        first_name="Sam",
        last_name="Other",
        role=User.Role.OPCC_EDITOR,
        organisation=opcc,
    )


def test_second_editor_saving_a_stale_deliverable_form_is_refused_and_nothing_is_lost(
    editor, second_editor, constabulary_deliverable
):
    d = constabulary_deliverable
    first, second = signed_in(editor), signed_in(second_editor)
    first_form, second_form = open_form(first, edit_url(d)), open_form(second, edit_url(d))

    first_form["title"] = "Serious Violence Duty"
    assert first.post(edit_url(d), first_form).status_code == 302

    second_form["purpose"] = "Meet the Serious Violence Duty with partners."
    response = second.post(edit_url(d), second_form)

    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert f"This deliverable was changed by {editor} at " in page
    assert "Title is now: Serious Violence Duty" in page
    # The form is shown again with the second editor's own values.
    assert "Meet the Serious Violence Duty with partners." in page
    d.refresh_from_db()
    assert d.title == "Serious Violence Duty"
    assert d.purpose == ""


def test_an_editor_who_has_seen_what_changed_may_save_again(
    editor, second_editor, constabulary_deliverable
):
    d = constabulary_deliverable
    first, second = signed_in(editor), signed_in(second_editor)
    first_form, second_form = open_form(first, edit_url(d)), open_form(second, edit_url(d))
    first_form["title"] = "Serious Violence Duty"
    first.post(edit_url(d), first_form)
    second_form["purpose"] = "With partners."
    refused = second.post(edit_url(d), second_form)

    # Saving the re-shown form is a deliberate choice, made having seen the change.
    again = served_form(refused.content.decode(), action="")
    assert second.post(edit_url(d), again).status_code == 302
    d.refresh_from_db()
    assert d.purpose == "With partners."


def test_a_stale_update_edit_is_refused_and_the_first_edit_kept(
    editor, contributor, constabulary_deliverable
):
    update = services.post_update(
        contributor, constabulary_deliverable, text="Draft", date=dt.date(2023, 3, 1)
    )
    url = reverse("delivery:update-edit", args=[update.pk])
    by_contributor, by_editor = signed_in(contributor), signed_in(editor)
    contributor_form, editor_form = open_form(by_contributor, url), open_form(by_editor, url)

    editor_form["text"] = "Draft, with the figures corrected."
    assert by_editor.post(url, editor_form).status_code == 302

    contributor_form["text"] = "Draft, with a new paragraph."
    response = by_contributor.post(url, contributor_form)

    assert response.status_code == 400
    page = response.content.decode()
    assert f"This update was changed by {editor} at " in page
    assert "Text is now: Draft, with the figures corrected." in page
    assert "Draft, with a new paragraph." in page
    update.refresh_from_db()
    assert update.text == "Draft, with the figures corrected."


def test_every_save_moves_the_version_on(editor, constabulary_deliverable):
    d = constabulary_deliverable
    before = d.version
    services.save_deliverable(editor, d)
    d.refresh_from_db()
    assert d.version == before + 1
    with pytest.raises(StaleEdit):
        services.save_deliverable(editor, d, version=before)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite lets one connection write at a time, so two edits cannot overlap there",
)
def test_two_connections_saving_the_same_version_at_once_keep_one_and_refuse_the_other(
    editor, second_editor, constabulary_deliverable
):
    d_id, served = constabulary_deliverable.pk, constabulary_deliverable.version
    claimed = threading.Event()
    outcome: dict[str, object] = {}

    def first() -> None:
        try:
            with transaction.atomic():
                d = Deliverable.objects.get(pk=d_id)
                d.title = "First editor's title"
                services.save_deliverable(editor, d, version=served)
                claimed.set()
                # Hold the transaction open while the second editor tries to save.
                time.sleep(0.5)
            outcome["first"] = "saved"
        finally:
            claimed.set()
            connection.close()

    def second() -> None:
        try:
            claimed.wait(5)
            d = Deliverable.objects.get(pk=d_id)
            d.purpose = "Second editor's purpose"
            try:
                services.save_deliverable(second_editor, d, version=served)
                outcome["second"] = "saved"
            except StaleEdit:
                outcome["second"] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)

    assert outcome == {"first": "saved", "second": "refused"}
    d = Deliverable.objects.get(pk=d_id)
    assert (d.title, d.purpose, d.version) == ("First editor's title", "", served + 1)
