"""The reporting cycle: request updates from every lead, see who has updated, remind by email."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pcplan.delivery import services as delivery_services
from pcplan.delivery.rules import Status
from pcplan.reports import services
from pcplan.reports.models import UpdateRequest, UpdateRound
from tests.factories import DeliverableFactory, UserFactory


@pytest.fixture
def due_on():
    return timezone.localdate() + dt.timedelta(days=14)


@pytest.fixture
def leads(theme, constabulary, csp, opcc, contributor, csp_contributor):
    DeliverableFactory(theme=theme, title="Serious Violence Strategy", lead=constabulary)
    DeliverableFactory(theme=theme, title="Safer Communities Fund bids", lead=csp)
    DeliverableFactory(theme=theme, title="Done already", lead=opcc, status=Status.COMPLETED)
    contributor.email = "lead@constabulary.example"
    contributor.save()
    csp_contributor.email = "lead@csp.example"
    csp_contributor.save()
    return theme.plan


@pytest.mark.django_db
def test_editor_requests_updates_from_every_organisation_leading_open_work(
    client_for, editor, leads, due_on
):
    response = client_for(editor).post(
        reverse("reports:update-round-create", args=[leads.key]),
        {
            "due_on_day": due_on.day,
            "due_on_month": due_on.month,
            "due_on_year": due_on.year,
            "message": "For the Panel on 15 March.",
        },
    )
    update_round = UpdateRound.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:update-round", args=[update_round.pk])
    assert update_round.requested_by == editor
    assert sorted(r.organisation.key for r in update_round.requests.all()) == [
        "cambridgeshire-constabulary",
        "safer-peterborough-partnership",
    ]


@pytest.mark.django_db
def test_a_contributor_cannot_request_updates(contributor, leads, due_on):
    with pytest.raises(PermissionDenied):
        services.request_updates(contributor, leads, due_on=due_on)
    assert not UpdateRound.objects.exists()


@pytest.mark.django_db
def test_the_lead_sees_what_is_asked_of_them(client_for, editor, contributor, leads, due_on):
    services.request_updates(editor, leads, due_on=due_on, message="For the Panel.")

    page = client_for(contributor).get(reverse("reports:my-update-requests")).content.decode()

    assert "Serious Violence Strategy" in page
    assert "Safer Communities Fund bids" not in page
    assert "For the Panel." in page


@pytest.mark.django_db
def test_an_update_posted_after_the_request_counts_as_a_response(
    client_for, editor, contributor, leads, due_on
):
    update_round = services.request_updates(editor, leads, due_on=due_on)
    deliverable = leads.themes.get().deliverables.get(title="Serious Violence Strategy")
    delivery_services.post_update(
        contributor, deliverable, text="Strategy drafted.", date=timezone.localdate()
    )

    statuses = {
        s.request.organisation.key: s.responded for s in services.round_status(update_round)
    }
    assert statuses == {
        "cambridgeshire-constabulary": True,
        "safer-peterborough-partnership": False,
    }
    page = (
        client_for(editor)
        .get(reverse("reports:update-round", args=[update_round.pk]))
        .content.decode()
    )
    assert "Updated so far: 1 of 2 organisations." in page


@pytest.mark.django_db
def test_reminders_go_by_email_only_to_those_who_have_not_updated_once_a_day(
    editor, contributor, leads, due_on
):
    update_round = services.request_updates(editor, leads, due_on=due_on)
    deliverable = leads.themes.get().deliverables.get(title="Serious Violence Strategy")
    delivery_services.post_update(contributor, deliverable, text="Done.", date=due_on)
    UserFactory(
        username="no-email",
        organisation=leads.themes.get().deliverables.get(title="Safer Communities Fund bids").lead,
        email="",
    )

    out = io.StringIO()
    call_command("send_update_reminders", "--base-url", "https://plan.example.org", stdout=out)

    assert out.getvalue().strip() == "Sent 1 reminder."
    [email] = mail.outbox
    assert email.to == ["lead@csp.example"]
    assert f"due by {due_on:%-d %B %Y}" in email.subject
    assert "https://plan.example.org/staff/update-requests/" in email.body
    request = UpdateRequest.objects.get(
        round=update_round, organisation__key="safer-peterborough-partnership"
    )
    assert request.last_reminded_on == timezone.localdate()

    call_command("send_update_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_no_reminders_after_the_due_date(editor, leads):
    services.request_updates(editor, leads, due_on=timezone.localdate() - dt.timedelta(days=1))
    assert services.send_update_reminders() == 0
    assert mail.outbox == []
