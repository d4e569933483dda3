"""Delivery Plan rules: overdue, new and completed since the previous report (seed 002 item 9)."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.core.periods import QuarterSpan
from pcplan.delivery import rules
from pcplan.delivery.models import Deliverable
from pcplan.delivery.rules import Status
from tests.factories import DeliverableFactory

Q4_2022_23 = QuarterSpan.parse("Q4 2022/23")
PREVIOUS_REPORT = dt.date(2022, 9, 14)
THIS_REPORT = dt.date(2023, 3, 15)


def test_a_deliverable_is_overdue_the_day_after_its_target_quarter_ends():
    assert not rules.is_overdue(Status.IN_PROGRESS, Q4_2022_23, dt.date(2023, 3, 31))
    assert rules.is_overdue(Status.IN_PROGRESS, Q4_2022_23, dt.date(2023, 4, 1))


def test_a_completed_deliverable_is_never_overdue():
    assert not rules.is_overdue(Status.COMPLETED, Q4_2022_23, dt.date(2024, 1, 1))


def test_a_deliverable_without_target_is_never_overdue():
    assert not rules.is_overdue(Status.IN_PROGRESS, None, dt.date(2030, 1, 1))


def test_new_means_added_after_the_previous_report_up_to_this_one():
    assert rules.is_new_since(dt.date(2023, 1, 31), PREVIOUS_REPORT, THIS_REPORT)
    assert not rules.is_new_since(PREVIOUS_REPORT, PREVIOUS_REPORT, THIS_REPORT)
    assert rules.is_new_since(THIS_REPORT, PREVIOUS_REPORT, THIS_REPORT)
    assert not rules.is_new_since(dt.date(2023, 3, 16), PREVIOUS_REPORT, THIS_REPORT)


def test_completed_since_needs_the_completed_status_and_a_date_in_the_period():
    assert rules.is_completed_since(
        Status.COMPLETED, dt.date(2022, 12, 21), PREVIOUS_REPORT, THIS_REPORT
    )
    assert not rules.is_completed_since(
        Status.COMPLETED, dt.date(2022, 9, 1), PREVIOUS_REPORT, THIS_REPORT
    )
    assert not rules.is_completed_since(Status.IN_PROGRESS, None, PREVIOUS_REPORT, THIS_REPORT)


def test_the_completion_date_is_kept_set_or_cleared_with_the_status():
    today = dt.date(2023, 3, 15)
    assert rules.completed_on_for(Status.COMPLETED, None, today) == today
    assert rules.completed_on_for(Status.COMPLETED, dt.date(2023, 1, 1), today) == dt.date(
        2023, 1, 1
    )
    assert rules.completed_on_for(Status.IN_PROGRESS, dt.date(2023, 1, 1), today) is None


@pytest.mark.django_db
def test_the_overdue_query_agrees_with_the_rule(theme):
    on = dt.date(2023, 4, 1)
    late = DeliverableFactory(
        theme=theme, target_start=dt.date(2023, 1, 1), target_end=dt.date(2023, 3, 31)
    )
    DeliverableFactory(
        theme=theme,
        status=Status.COMPLETED,
        completed_on=dt.date(2023, 3, 1),
        target_start=dt.date(2023, 1, 1),
        target_end=dt.date(2023, 3, 31),
    )
    DeliverableFactory(
        theme=theme, target_start=dt.date(2023, 4, 1), target_end=dt.date(2023, 6, 30)
    )
    DeliverableFactory(theme=theme)
    overdue = list(Deliverable.objects.overdue(on))
    assert overdue == [late]
    assert [d for d in Deliverable.objects.all() if d.is_overdue(on)] == overdue


@pytest.mark.django_db
def test_in_quarter_finds_deliverables_whose_target_spans_the_quarter(theme):
    span = DeliverableFactory(theme=theme)
    span.target = QuarterSpan.parse("Q1/Q2, 2023/24")
    span.save()
    DeliverableFactory(
        theme=theme, target_start=dt.date(2023, 10, 1), target_end=dt.date(2023, 12, 31)
    )
    q2 = QuarterSpan.parse("Q2 2023/24").first
    assert list(Deliverable.objects.in_quarter(q2)) == [span]
    assert str(Deliverable.objects.get(pk=span.pk).target) == str(
        QuarterSpan.parse("2023/24 Q1/Q2")
    )
