"""Decisions made on other records (issue 13 item 1): the Board's approval of the draft plan,
the plan's issue and the precept each create one decision record, linked both ways, and asking
again records nothing more."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from pcplan.panel import services as panel_services
from pcplan.panel.models import Precept
from pcplan.plans import services as plan_services
from pcplan.plans.lifecycle import PlanStatus
from pcplan.transparency import services
from pcplan.transparency.demo import load_transparency_demo
from pcplan.transparency.models import Decision

pytestmark = pytest.mark.django_db

D = dt.date


def move(user, plan, *steps):
    for status, day in steps:
        change = plan_services.move_plan_status(user, plan, status=status, date=day)
        plan.refresh_from_db()
    return change


@pytest.fixture
def consulted_plan(plan, editor):
    plan.status = PlanStatus.DRAFTING
    plan.save(update_fields=["status"])
    move(editor, plan, (PlanStatus.CONSULTATION, D(2021, 6, 30)))
    return plan


@pytest.fixture
def precept(db):
    return Precept.objects.create(
        financial_year_start=2023,
        notified_on=D(2023, 1, 23),
        band_d=Decimal("285.57"),
        previous_band_d=Decimal("270.57"),
    )


def respond(user, precept, text="Dear Chair, I will issue the precept I proposed."):
    return panel_services.record_precept_response(
        user, precept, text=text, date=D(2023, 2, 3), published=True
    )


def test_the_boards_approval_of_the_draft_plan_records_one_decision_linked_both_ways(
    consulted_plan, editor
):
    change = move(editor, consulted_plan, (PlanStatus.BOARD_APPROVED, D(2021, 10, 12)))
    decision = Decision.objects.get()
    assert decision.plan_step == change
    change.refresh_from_db()
    assert change.decision == decision
    assert decision.kind == Decision.Kind.PLAN
    assert decision.decided_on == D(2021, 10, 12)
    assert decision.title == "Approval of the draft Police and Crime Plan 2021-24"
    assert decision.significant_public_interest
    assert not decision.is_published  # an editor completes and publishes it
    assert decision.history.get().history_user == editor


def test_steps_that_are_not_decisions_record_none(consulted_plan, editor):
    move(
        editor,
        consulted_plan,
        (PlanStatus.BOARD_APPROVED, D(2021, 10, 12)),
        (PlanStatus.SENT_TO_PANEL, D(2021, 10, 13)),
        (PlanStatus.PANEL_REPORT_RECEIVED, D(2021, 11, 15)),
        (PlanStatus.RESPONSE_PUBLISHED, D(2021, 12, 1)),
    )
    assert Decision.objects.count() == 1


def test_issuing_and_varying_the_plan_each_record_a_decision(consulted_plan, editor):
    move(
        editor,
        consulted_plan,
        (PlanStatus.BOARD_APPROVED, D(2021, 10, 12)),
        (PlanStatus.SENT_TO_PANEL, D(2021, 10, 13)),
        (PlanStatus.PANEL_REPORT_RECEIVED, D(2021, 11, 15)),
        (PlanStatus.RESPONSE_PUBLISHED, D(2021, 12, 1)),
        (PlanStatus.ISSUED, D(2022, 1, 10)),
        (PlanStatus.VARIED, D(2023, 4, 1)),
    )
    assert [d.title for d in Decision.objects.order_by("decided_on")] == [
        "Approval of the draft Police and Crime Plan 2021-24",
        "Issue of the Police and Crime Plan 2021-24",
        "Variation of the Police and Crime Plan 2021-24",
    ]


def test_the_precept_response_records_one_decision_however_often_it_is_recorded(
    precept, secretariat
):
    respond(secretariat, precept)
    respond(secretariat, precept, text="Dear Chair, corrected.")
    decision = Decision.objects.get()
    precept.refresh_from_db()
    assert precept.decision == decision
    assert decision.precept == precept
    assert decision.kind == Decision.Kind.PRECEPT
    assert decision.decided_on == D(2023, 2, 3)
    assert decision.title == "Response to the Panel's report on the proposed precept 2023/24"
    assert decision.financial_implications == (
        "Band D precept of £285.57. An increase of £15.00 (5.54%)."
    )
    # The Panel's secretariat records the response; the decision is recorded on its way in,
    # although the secretariat does not keep the register itself.
    assert decision.history.get().history_user == secretariat


def test_record_decision_on_a_precept_that_has_one_returns_it_and_records_nothing(
    precept, secretariat, editor
):
    respond(secretariat, precept)
    again = services.record_decision(
        editor,
        decided_on=D(2023, 2, 3),
        title="A second record of the same decision",
        summary="Should not be recorded.",
        precept=precept,
    )
    assert again == precept.decision
    assert Decision.objects.count() == 1


def test_the_demo_completes_the_precepts_decision_rather_than_recording_it_twice(
    precept, secretariat, consulted_plan, editor
):
    respond(secretariat, precept)
    change = move(editor, consulted_plan, (PlanStatus.BOARD_APPROVED, D(2021, 10, 12)))
    load_transparency_demo()
    load_transparency_demo()
    assert Decision.objects.count() == 2
    precept.refresh_from_db()
    assert precept.decision.advised_by == "Not stated in the source letter."
    assert precept.decision.is_published
    change.refresh_from_db()
    assert change.decision.decision_maker == "Business Coordination Board"
    assert change.decision.is_published


def test_the_decision_page_links_to_the_precept_and_the_precept_page_back(
    precept, secretariat, client_for
):
    respond(secretariat, precept)
    decision = Decision.objects.get()
    client = client_for(secretariat)
    page = client.get(reverse("transparency:staff-decision", args=[decision.pk]))
    assert reverse("panel:staff-precept", args=[2023]) in page.content.decode()
    page = client.get(reverse("panel:staff-precept", args=[2023]))
    assert reverse("transparency:staff-decision", args=[decision.pk]) in page.content.decode()


def test_the_plan_page_links_to_the_step_decision_and_back(consulted_plan, editor, client_for):
    move(editor, consulted_plan, (PlanStatus.BOARD_APPROVED, D(2021, 10, 12)))
    decision = Decision.objects.get()
    client = client_for(editor)
    page = client.get(reverse("plans:plan-detail", args=[consulted_plan.key]))
    assert reverse("transparency:staff-decision", args=[decision.pk]) in page.content.decode()
    page = client.get(reverse("transparency:staff-decision", args=[decision.pk]))
    assert reverse("plans:plan-detail", args=[consulted_plan.key]) in page.content.decode()
