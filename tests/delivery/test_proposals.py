"""A lead proposes, an editor decides (issue 18 item 1): with an update a contributor proposes a
new status and/or target with a reason; editors accept or return it; the author is told."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse

from pcplan.core.concurrency import StaleEdit
from pcplan.core.periods import QuarterSpan
from pcplan.delivery import services
from pcplan.delivery.models import Deliverable, Review, Update
from pcplan.delivery.rules import Status
from tests.factories import UpdateFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(contributor):
    contributor.email = "lead@example.org"
    contributor.save()
    return contributor


@pytest.fixture
def proposal(lead, constabulary_deliverable):
    """The Constabulary's lead proposes completion with an update."""
    return services.post_update(
        lead,
        constabulary_deliverable,
        text="The strategy was signed off.",
        date=dt.date(2023, 3, 1),
        proposed_status=Status.COMPLETED,
        proposed_target=QuarterSpan.parse("Q4 2022/23"),
        reason="Signed off by the Board in February.",
    )


def test_a_lead_proposes_completion_and_a_new_target_with_an_update(
    client, lead, constabulary_deliverable
):
    client.force_login(lead)
    url = reverse("delivery:update-create", args=[constabulary_deliverable.pk])
    form = served_form(client.get(url).content.decode(), action="")
    form |= {
        "date_day": "1",
        "date_month": "3",
        "date_year": "2023",
        "text": "The strategy was signed off.",
        "proposed_status": "completed",
        "proposed_target": "Q1 2023/24",
        "proposal_reason": "Signed off by the Board.",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[-6000:]
    update = Update.objects.get(deliverable=constabulary_deliverable)
    assert update.proposed_status == Status.COMPLETED
    assert str(update.proposed_target) == "Q1 2023/24"
    assert update.review == Review.AWAITING
    assert not update.is_published
    constabulary_deliverable.refresh_from_db()
    assert constabulary_deliverable.status == Status.IN_PROGRESS


def test_a_proposal_without_a_reason_is_refused_with_a_clear_message(
    client, lead, constabulary_deliverable
):
    client.force_login(lead)
    url = reverse("delivery:update-create", args=[constabulary_deliverable.pk])
    form = served_form(client.get(url).content.decode(), action="")
    form |= {"date_day": "1", "date_month": "3", "date_year": "2023", "text": "Done."}
    form |= {"proposed_status": "on-hold"}
    response = client.post(url, form)
    assert response.status_code == 400
    assert "Say why you propose this change of status or target" in response.content.decode()
    assert not Update.objects.exists()


def test_the_editor_accepts_a_proposal_and_the_deliverable_changes(
    client, editor, lead, proposal, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    queue = client.get(reverse("delivery:decision-queue")).content.decode()
    assert "Serious Violence Strategy" in queue
    assert "Status: Completed" in queue
    url = reverse("delivery:update-decide", args=[proposal.pk])
    form = served_form(client.get(url).content.decode(), action="")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**form, "decision": "accept", "comment": "Well done."})
    assert response.status_code == 302, response.context["form"].errors
    proposal.refresh_from_db()
    assert proposal.review == Review.ACCEPTED
    assert proposal.is_published
    assert proposal.decided_by == editor
    deliverable = proposal.deliverable
    deliverable.refresh_from_db()
    assert deliverable.status == Status.COMPLETED
    assert deliverable.completed_on is not None
    assert str(deliverable.target) == "Q4 2022/23"
    assert [m.to for m in mail.outbox] == [["lead@example.org"]]
    assert "accepted" in mail.outbox[0].subject
    assert "Well done." in mail.outbox[0].body
    assert not Update.objects.awaiting_decision().exists()


def test_every_step_is_in_the_audit_trail(editor, lead, proposal):
    services.accept_update(editor, proposal, deliverable_version=proposal.deliverable.version)
    update_reasons = list(
        proposal.history.order_by("history_date").values_list(
            "history_change_reason", "history_user"
        )
    )
    assert update_reasons == [
        ("Update added with a proposal", lead.pk),
        ("Accepted", editor.pk),
    ]
    deliverable_record = proposal.deliverable.history.order_by("-history_date").first()
    assert deliverable_record.history_user == editor
    assert deliverable_record.status == Status.COMPLETED
    assert deliverable_record.history_change_reason.startswith("Proposal accepted")


@pytest.mark.parametrize("who", ["lead", "panel_member", "outsider", "csp_contributor"])
def test_proposals_cannot_be_accepted_by_anyone_but_an_editor(client, request, who, proposal):
    user = request.getfixturevalue(who)
    client.force_login(user)
    url = reverse("delivery:update-decide", args=[proposal.pk])
    response = client.post(url, {"decision": "accept", "deliverable_version": "1"})
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.accept_update(user, proposal, deliverable_version=1)
    proposal.refresh_from_db()
    assert proposal.review == Review.AWAITING
    proposal.deliverable.refresh_from_db()
    assert proposal.deliverable.status == Status.IN_PROGRESS
    assert client.get(reverse("delivery:decision-queue")).status_code == 403


def test_a_returned_proposal_changes_nothing_and_the_lead_is_told(
    client, editor, proposal, django_capture_on_commit_callbacks
):
    deliverable = proposal.deliverable
    before = Deliverable.objects.values().get(pk=deliverable.pk)
    history_before = deliverable.history.count()
    client.force_login(editor)
    url = reverse("delivery:update-decide", args=[proposal.pk])
    form = served_form(client.get(url).content.decode(), action="")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {**form, "decision": "return", "comment": "Attach the Board minute."}
        )
    assert response.status_code == 302, response.context["form"].errors
    proposal.refresh_from_db()
    assert proposal.review == Review.RETURNED
    assert not proposal.is_published
    assert proposal.decision_comment == "Attach the Board minute."
    assert Deliverable.objects.values().get(pk=deliverable.pk) == before
    assert deliverable.history.count() == history_before
    assert "returned" in mail.outbox[0].subject
    assert "Attach the Board minute." in mail.outbox[0].body


def test_returning_without_a_comment_is_refused(client, editor, proposal):
    client.force_login(editor)
    url = reverse("delivery:update-decide", args=[proposal.pk])
    form = served_form(client.get(url).content.decode(), action="")
    response = client.post(url, {**form, "decision": "return", "comment": ""})
    assert response.status_code == 400
    assert "Say why you are returning this update" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.review == Review.AWAITING


def test_a_returned_update_edited_by_its_author_goes_back_to_the_queue(editor, lead, proposal):
    services.return_update(editor, proposal, comment="Say which quarter.")
    assert not Update.objects.awaiting_decision().exists()
    services.edit_update(
        lead,
        proposal,
        text=proposal.text,
        date=proposal.date,
        version=proposal.version,
        proposed_status=Status.RESCHEDULED,
        proposed_target=QuarterSpan.parse("Q2 2023/24"),
        reason="Moved by the Board.",
    )
    proposal.refresh_from_db()
    assert proposal.review == Review.AWAITING
    assert proposal.proposed_status == Status.RESCHEDULED
    assert list(Update.objects.awaiting_decision()) == [proposal]


def test_accepting_a_stale_proposal_cannot_overwrite_a_newer_change(client, editor, proposal):
    client.force_login(editor)
    url = reverse("delivery:update-decide", args=[proposal.pk])
    form = served_form(client.get(url).content.decode(), action="")
    # Meanwhile another editor puts the deliverable on hold.
    deliverable = Deliverable.objects.get(pk=proposal.deliverable_id)
    deliverable.status = Status.ON_HOLD
    services.save_deliverable(editor, deliverable, version=deliverable.version)
    response = client.post(url, {**form, "decision": "accept"})
    assert response.status_code == 400
    assert "This deliverable was changed" in response.content.decode(), response.context[
        "form"
    ].errors
    deliverable.refresh_from_db()
    assert deliverable.status == Status.ON_HOLD
    proposal.refresh_from_db()
    assert proposal.review == Review.AWAITING
    # Shown the change, the editor may still accept knowingly: the page carries the new version.
    again = served_form(response.content.decode(), action="")
    assert again["deliverable_version"] == str(deliverable.version)
    with pytest.raises(StaleEdit):
        services.accept_update(editor, proposal, deliverable_version=1)


def test_an_update_cannot_be_decided_twice(editor, proposal):
    services.accept_update(editor, proposal, deliverable_version=proposal.deliverable.version)
    with pytest.raises(ValidationError):
        services.return_update(editor, proposal, comment="Too late.")
    proposal.refresh_from_db()
    assert proposal.review == Review.ACCEPTED


def test_the_staff_home_counts_what_awaits_a_decision(client, editor, proposal):
    UpdateFactory(deliverable=proposal.deliverable, is_published=False)
    client.force_login(editor)
    page = client.get(reverse("core:staff-home")).content.decode()
    assert "2 updates and proposals awaiting your decision" in page
    assert reverse("delivery:decision-queue") in page


def test_the_daily_email_tells_each_editor_what_waits(editor, administrator, proposal):
    editor.email = "editor@example.org"
    editor.save()
    administrator.email = "admin@example.org"
    administrator.save()
    call_command("send_decision_digest", "--base-url", "https://plan.example.org")
    assert sorted(m.to[0] for m in mail.outbox) == ["admin@example.org", "editor@example.org"]
    assert mail.outbox[0].subject == "1 update awaits your decision"
    assert "Serious Violence Strategy" in mail.outbox[0].body
    assert "https://plan.example.org/" in mail.outbox[0].body


def test_no_daily_email_when_nothing_waits(editor, published_update):
    editor.email = "editor@example.org"
    editor.save()
    call_command("send_decision_digest")
    assert mail.outbox == []


def test_the_queue_and_each_update_agree_on_what_awaits_a_decision(constabulary_deliverable):
    made = [
        UpdateFactory(deliverable=constabulary_deliverable, is_published=True),
        UpdateFactory(deliverable=constabulary_deliverable, is_published=False),
        UpdateFactory(
            deliverable=constabulary_deliverable, is_published=True, proposed_status="on-hold"
        ),
        UpdateFactory(
            deliverable=constabulary_deliverable, is_published=False, review=Review.RETURNED
        ),
        UpdateFactory(
            deliverable=constabulary_deliverable, is_published=True, review=Review.ACCEPTED
        ),
    ]
    waiting = set(Update.objects.awaiting_decision())
    assert waiting == {u for u in made if u.awaits_decision}
    assert waiting == {made[1], made[2]}


def test_the_queue_is_paginated_oldest_first(client, editor, constabulary_deliverable):
    from pcplan.delivery import views

    first = UpdateFactory(deliverable=constabulary_deliverable, is_published=False, text="Oldest")
    for _ in range(views.QUEUE_PAGE_SIZE):
        UpdateFactory(deliverable=constabulary_deliverable, is_published=False)
    client.force_login(editor)
    page_one = client.get(reverse("delivery:decision-queue"))
    assert page_one.context["count"] == views.QUEUE_PAGE_SIZE + 1
    assert page_one.context["updates"][0] == first
    assert len(page_one.context["updates"]) == views.QUEUE_PAGE_SIZE
    assert "?page=2" in page_one.content.decode()
    page_two = client.get(reverse("delivery:decision-queue") + "?page=2")
    assert len(page_two.context["updates"]) == 1
