"""After sign-in each role lands on its own work, at /staff/, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pcplan.delivery.rules import Status
from pcplan.panel.models import Meeting
from pcplan.plans.lifecycle import PlanStatus
from pcplan.reports.models import UpdateRequest, UpdateRound
from tests.conftest import PASSWORD
from tests.factories import (
    DeliverableFactory,
    PlanFactory,
    ThemeFactory,
    UpdateFactory,
    UserFactory,
)

TODAY = timezone.localdate()


def ask_for_updates(plan, organisation, *, due_on):
    update_round = UpdateRound.objects.create(plan=plan, due_on=due_on, requested_at=timezone.now())
    return UpdateRequest.objects.create(round=update_round, organisation=organisation)


def test_the_staff_home_is_at_staff_and_the_old_address_redirects_there(client_for, editor):
    client = client_for(editor)
    assert reverse("core:staff-home") == "/staff/"
    old = client.get("/account/staff/")
    assert old.status_code == 301
    assert old["Location"] == "/staff/"


def test_signing_in_lands_on_the_staff_home(client, contributor):
    contributor.set_password(PASSWORD)
    contributor.save()
    page = client.get(reverse("core:login"))
    assert page.status_code == 200
    response = client.post(
        reverse("core:login"),
        {"username": contributor.username, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/staff/"


def test_a_contributor_sees_the_deliverables_their_organisation_leads_and_what_is_asked(
    client_for, contributor, constabulary_deliverable, csp_deliverable, plan
):
    done = DeliverableFactory(
        theme=constabulary_deliverable.theme,
        lead=contributor.organisation,
        title="Finished work",
        status=Status.COMPLETED,
    )
    ask_for_updates(plan, contributor.organisation, due_on=TODAY + dt.timedelta(days=7))
    ask_for_updates(plan, contributor.organisation, due_on=TODAY - dt.timedelta(days=1))
    page = client_for(contributor).get(reverse("core:staff-home")).text
    assert constabulary_deliverable.title in page
    assert reverse("delivery:deliverable-detail", args=[constabulary_deliverable.pk]) in page
    assert csp_deliverable.title not in page
    assert done.title not in page
    due = (TODAY + dt.timedelta(days=7)).strftime("%-d %B %Y")
    assert f"{plan.title}: updates due by {due}" in page
    past_due = (TODAY - dt.timedelta(days=1)).strftime("%-d %B %Y")
    assert f"updates due by {past_due}" not in page
    assert "awaiting publication" not in page


def test_a_contributor_with_nothing_asked_is_told_so(client_for, contributor):
    page = client_for(contributor).get(reverse("core:staff-home")).text
    assert "Nothing is asked of you at the moment." in page
    assert "Your organisation leads no open deliverables." in page


def test_an_editor_sees_the_count_of_updates_awaiting_publication_and_the_plans(
    client_for, editor, constabulary_deliverable, plan
):
    UpdateFactory(deliverable=constabulary_deliverable, text="Published already.")
    UpdateFactory.create_batch(3, deliverable=constabulary_deliverable, is_published=False)
    page = client_for(editor).get(reverse("core:staff-home")).text
    assert "3 updates awaiting publication" in page
    assert (
        page.count(reverse("delivery:deliverable-detail", args=[constabulary_deliverable.pk])) == 3
    )
    assert reverse("plans:plan-detail", args=[plan.key]) in page
    assert "Next Panel meeting" not in page


def test_an_editor_with_one_waiting_update_reads_a_singular(
    client_for, editor, constabulary_deliverable
):
    UpdateFactory(deliverable=constabulary_deliverable, is_published=False)
    page = client_for(editor).get(reverse("core:staff-home")).text
    assert "1 update awaiting publication" in page


def test_the_secretariat_sees_the_next_meeting_not_a_past_or_later_one(client_for, db):
    secretariat = UserFactory(role="panel-secretariat")
    Meeting.objects.create(date=TODAY - dt.timedelta(days=30), venue="Past hall")
    Meeting.objects.create(date=TODAY + dt.timedelta(days=90), venue="Later hall")
    soon = Meeting.objects.create(date=TODAY + dt.timedelta(days=10), venue="Soon hall")
    page = client_for(secretariat).get(reverse("core:staff-home")).text
    assert "Soon hall" in page
    assert "Past hall" not in page and "Later hall" not in page
    assert reverse("panel:staff-meeting", args=[soon.pk]) in page
    assert "awaiting publication" not in page


def test_a_panel_member_sees_the_next_meeting_and_the_plans(client_for, panel_member, plan):
    page = client_for(panel_member).get(reverse("core:staff-home")).text
    assert "No Panel meeting is scheduled." in page
    assert reverse("plans:plan-detail", args=[plan.key]) in page


def build(size, organisation):
    """`size` plans, each with deliverables the organisation leads, updates and requests."""
    for n in range(size):
        plan = PlanFactory(key=f"plan-{size}-{n}", status=PlanStatus.ISSUED)
        theme = ThemeFactory(plan=plan, key=f"theme-{n}", position=1)
        for _ in range(2):
            deliverable = DeliverableFactory(theme=theme, lead=organisation)
            UpdateFactory(deliverable=deliverable, is_published=False)
            UpdateFactory(deliverable=deliverable)
        ask_for_updates(plan, organisation, due_on=TODAY + dt.timedelta(days=n + 1))
        Meeting.objects.create(date=TODAY + dt.timedelta(days=n + 1))


@pytest.mark.parametrize(
    "role", ["contributor", "opcc-editor", "panel-secretariat", "administrator"]
)
def test_the_staff_home_query_count_does_not_grow_with_the_data(
    client, constabulary, django_assert_max_num_queries, role, built_staff_bodies
):
    user = UserFactory(role=role, organisation=constabulary)
    client.force_login(user)
    build(2, constabulary)
    # 13: the editors' and administrators' HMICFRS warning adds one query (issue 13).
    with django_assert_max_num_queries(13) as small:
        assert client.get(reverse("core:staff-home")).status_code == 200
    build(12, constabulary)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(reverse("core:staff-home")).status_code == 200
