"""What changed between two dates: completed, added, status changed, slipped, updates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pcplan.core.periods import QuarterSpan
from pcplan.delivery.rules import Status
from pcplan.reports.changes import what_changed
from tests.factories import DeliverableFactory, UpdateFactory

START = dt.date(2022, 9, 14)
END = dt.date(2023, 3, 15)


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def save_on(deliverable, day: dt.date) -> None:
    deliverable._history_date = at(day)
    deliverable.save()


@pytest.fixture
def changes_plan(theme):
    """A Delivery Plan whose audit trail is dated as the seed's six months would be."""
    moved = DeliverableFactory.build(theme=theme, title="Review of Victim and Witness Hub")
    moved.target = QuarterSpan.parse("Q3 2022/23")
    save_on(moved, dt.date(2022, 6, 1))
    moved.status = Status.RESCHEDULED
    moved.target = QuarterSpan.parse("Q1/Q2 2023/24")
    save_on(moved, dt.date(2023, 1, 10))

    done = DeliverableFactory.build(theme=theme, title="Youth listening project")
    save_on(done, dt.date(2022, 6, 1))
    done.status, done.completed_on = Status.COMPLETED, dt.date(2023, 2, 1)
    save_on(done, dt.date(2023, 2, 1))

    later = DeliverableFactory.build(theme=theme, title="Changed after the period")
    save_on(later, dt.date(2022, 6, 1))
    later.status = Status.ON_HOLD
    save_on(later, dt.date(2023, 4, 1))

    new = DeliverableFactory.build(
        theme=theme, title="Strategic Policing Requirement 2023", added_on=dt.date(2023, 2, 20)
    )
    save_on(new, dt.date(2023, 2, 20))
    UpdateFactory(deliverable=new, date=dt.date(2023, 2, 21), text="Published on 20 February.")
    UpdateFactory(deliverable=new, date=dt.date(2023, 3, 20), text="After the period.")
    return theme.plan


@pytest.mark.django_db
def test_what_changed_lists_completed_added_status_changes_slips_and_updates(changes_plan):
    changes = what_changed(changes_plan, START, END)

    assert [d.title for d in changes.completed] == ["Youth listening project"]
    assert [d.title for d in changes.added] == ["Strategic Policing Requirement 2023"]
    assert [(c.deliverable.title, c.before, c.after) for c in changes.status_changed] == [
        ("Review of Victim and Witness Hub", "In progress", "Rescheduled"),
        ("Youth listening project", "In progress", "Completed"),
    ]
    assert [(s.deliverable.title, s.before, s.after) for s in changes.slipped] == [
        ("Review of Victim and Witness Hub", "Q3 2022/23", "Q2 2023/24")
    ]
    assert [u.text for u in changes.updates] == ["Published on 20 February."]


@pytest.mark.django_db
def test_the_what_changed_page_shows_the_changes_to_editors(client_for, editor, changes_plan):
    response = client_for(editor).get(
        reverse("reports:what-changed", args=[changes_plan.key]),
        {
            "start_day": 14,
            "start_month": 9,
            "start_year": 2022,
            "end_day": 15,
            "end_month": 3,
            "end_year": 2023,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Target quarter slipped (1)" in page
    assert "Q3 2022/23 to Q2 2023/24" in page
    assert "Changed after the period" not in page


@pytest.mark.django_db
def test_an_end_date_before_the_start_is_a_problem_on_the_page(client_for, editor, plan):
    response = client_for(editor).get(
        reverse("reports:what-changed", args=[plan.key]),
        {
            "start_day": 15,
            "start_month": 3,
            "start_year": 2023,
            "end_day": 14,
            "end_month": 9,
            "end_year": 2022,
        },
    )
    assert response.status_code == 400
    assert "The end date must be after the start date" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("n", [5, 200])
def test_what_changed_queries_do_not_depend_on_the_number_of_deliverables(
    theme, django_assert_max_num_queries, n
):
    for _ in range(n):
        DeliverableFactory(theme=theme)
    with django_assert_max_num_queries(4):
        what_changed(theme.plan, START, END)
