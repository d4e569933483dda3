"""The plan lifecycle (DESIGN.md; PRSRA 2011 s.5 and s.28(3); seed 003 §4.1)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from pcplan.plans import lifecycle, services
from pcplan.plans.lifecycle import PlanStatus
from tests.factories import PlanFactory

ORDER = [
    PlanStatus.DRAFTING,
    PlanStatus.CONSULTATION,
    PlanStatus.BOARD_APPROVED,
    PlanStatus.SENT_TO_PANEL,
    PlanStatus.PANEL_REPORT_RECEIVED,
    PlanStatus.RESPONSE_PUBLISHED,
    PlanStatus.ISSUED,
]


def test_each_step_leads_only_to_the_next_one_before_issue():
    for current, following in zip(ORDER, ORDER[1:], strict=False):
        assert lifecycle.NEXT_STATUSES[current] == (following,)


def test_a_plan_cannot_skip_the_panel_review():
    """Seed 003 §4.1: before issuing, the Commissioner must send the draft to the Panel."""
    with pytest.raises(lifecycle.LifecycleError, match="cannot move from Board approval to Issued"):
        lifecycle.check_transition(PlanStatus.BOARD_APPROVED, PlanStatus.ISSUED)


def test_an_issued_plan_can_be_varied_more_than_once_then_superseded():
    lifecycle.check_transition(PlanStatus.ISSUED, PlanStatus.VARIED)
    lifecycle.check_transition(PlanStatus.VARIED, PlanStatus.VARIED)
    lifecycle.check_transition(PlanStatus.VARIED, PlanStatus.SUPERSEDED)


def test_a_superseded_plan_goes_nowhere():
    with pytest.raises(lifecycle.LifecycleError, match="last step"):
        lifecycle.check_transition(PlanStatus.SUPERSEDED, PlanStatus.ISSUED)


def test_a_plan_cannot_go_back_to_drafting():
    with pytest.raises(lifecycle.LifecycleError):
        lifecycle.check_transition(PlanStatus.SENT_TO_PANEL, PlanStatus.DRAFTING)


def test_only_issued_varied_and_superseded_plans_are_public():
    assert {s for s in PlanStatus if lifecycle.is_public(s)} == {
        PlanStatus.ISSUED,
        PlanStatus.VARIED,
        PlanStatus.SUPERSEDED,
    }


@pytest.mark.django_db
def test_editor_moves_a_plan_one_dated_step_and_it_is_recorded(editor):
    plan = PlanFactory(status=PlanStatus.DRAFTING)
    change = services.move_plan_status(
        editor, plan, status=PlanStatus.CONSULTATION, date=dt.date(2021, 6, 30), note="Four weeks"
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONSULTATION
    assert change.date == dt.date(2021, 6, 30)
    assert change.recorded_by == editor
    assert plan.history.first().history_user == editor


@pytest.mark.django_db
def test_a_step_cannot_be_dated_before_the_previous_one(editor):
    plan = PlanFactory(status=PlanStatus.DRAFTING)
    services.move_plan_status(
        editor, plan, status=PlanStatus.CONSULTATION, date=dt.date(2021, 6, 30)
    )
    with pytest.raises(ValidationError, match="on or after the previous step"):
        services.move_plan_status(
            editor, plan, status=PlanStatus.BOARD_APPROVED, date=dt.date(2021, 6, 1)
        )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONSULTATION


@pytest.mark.django_db
def test_a_skipped_step_is_refused_and_nothing_is_recorded(editor):
    plan = PlanFactory(status=PlanStatus.DRAFTING)
    with pytest.raises(ValidationError):
        services.move_plan_status(
            editor, plan, status=PlanStatus.ISSUED, date=dt.date(2021, 11, 29)
        )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFTING
    assert plan.status_changes.count() == 0


@pytest.mark.django_db
def test_a_panel_member_cannot_move_a_plan(panel_member):
    plan = PlanFactory(status=PlanStatus.DRAFTING)
    with pytest.raises(PermissionDenied):
        services.move_plan_status(
            panel_member, plan, status=PlanStatus.CONSULTATION, date=dt.date(2021, 6, 30)
        )
