"""Staff edit forms for key objectives, shared outcomes and personal pledges (issue 18): GOV.UK
forms, posted back as served, every change and link in the history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pcplan.plans.models import Commitment
from tests.factories import DeliverableFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


def create_url(plan, **params):
    from urllib.parse import urlencode

    return reverse("plans:commitment-create", args=[plan.key]) + "?" + urlencode(params)


def test_an_editor_adds_a_key_objective_linked_to_a_deliverable(client_for, editor, plan, theme):
    deliverable = DeliverableFactory(theme=theme, title="Serious Violence Strategy")
    client = client_for(editor)
    plan_page = client.get(reverse("plans:plan-detail", args=[plan.key])).content.decode()
    url = create_url(plan, kind="key-objective", theme=theme.key)
    assert url.replace("&", "&amp;") in plan_page
    page = client.get(url)
    assert page.status_code == 200
    data = served_form(page.content.decode(), action="")
    assert data["kind"] == "key-objective" and data["theme"] == str(theme.pk)
    data.update(text="Violence is reduced.", deliverables=[str(deliverable.pk)])
    response = client.post(url, data)
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    assert (commitment.kind, commitment.theme, commitment.text) == (
        "key-objective",
        theme,
        "Violence is reduced.",
    )
    assert list(commitment.deliverables.all()) == [deliverable]
    history = list(commitment.history.all())
    assert {h.history_user for h in history} == {editor}
    assert "Key objective added" in {h.history_change_reason for h in history}
    assert history[0].deliverables.count() == 1  # the link is in the history too


def test_an_objective_without_a_theme_is_refused_and_a_pledge_without_one_is_kept(
    client_for, editor, plan, theme
):
    client = client_for(editor)
    url = create_url(plan, kind="key-objective")
    data = served_form(client.get(url).content.decode(), action="")
    response = client.post(url, {**data, "text": "Homeless objective"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Choose the theme: key objectives and shared outcomes belong to one" in page
    assert not Commitment.objects.exists()

    url = create_url(plan, kind="pledge")
    data = served_form(client.get(url).content.decode(), action="")
    assert client.post(url, {**data, "text": "I will listen."}).status_code == 302
    assert Commitment.objects.get().kind == Commitment.Kind.PLEDGE


def test_an_editor_edits_a_shared_outcome_and_the_links_are_kept(client_for, editor, plan, theme):
    deliverable = DeliverableFactory(theme=theme)
    outcome = Commitment.objects.create(
        plan=plan, theme=theme, kind=Commitment.Kind.SHARED_OUTCOME, text="Old words"
    )
    outcome.deliverables.add(deliverable)
    client = client_for(editor)
    url = reverse("plans:commitment-edit", args=[plan.key, outcome.pk])
    data = served_form(client.get(url).content.decode(), action="")
    assert data["deliverables"] == str(deliverable.pk)
    assert client.post(url, {**data, "text": "New words"}).status_code == 302
    outcome.refresh_from_db()
    assert outcome.text == "New words"
    assert list(outcome.deliverables.all()) == [deliverable]
    assert outcome.history.first().history_user == editor


def test_only_editors_edit_commitments(client_for, contributor, panel_member, plan, theme):
    outcome = Commitment.objects.create(
        plan=plan, theme=theme, kind=Commitment.Kind.SHARED_OUTCOME, text="Words"
    )
    for user in (contributor, panel_member):
        client = client_for(user)
        assert client.get(create_url(plan, kind="pledge")).status_code == 403
        edit = reverse("plans:commitment-edit", args=[plan.key, outcome.pk])
        assert client.post(edit, {"kind": "pledge", "text": "Changed"}).status_code == 403
    outcome.refresh_from_db()
    assert outcome.text == "Words"
