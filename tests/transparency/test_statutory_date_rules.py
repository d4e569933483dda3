"""Every statutory date rule of issue 13, each on the seeds' real year and on a year where the
date falls on a weekend or bank holiday (the date does not move; `act by` is the working day
before)."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.partnerships.rules import scrutiny_due_by as csp_scrutiny_due
from pcplan.transparency.deadlines import (
    CommentsStatus,
    Compliance,
    Frequency,
    annual_report_due,
    compliance_status,
    hmicfrs_comments_due,
    hmicfrs_comments_status,
    last_working_day_on_or_before,
    monthly_publication_due,
    next_publication_due,
    plan_issue_by,
)

D = dt.date


def test_prsra_s5_plan_issued_by_31_march_2022_after_the_may_2021_election_seed_000():
    due = plan_issue_by(D(2021, 5, 6))
    assert due == D(2022, 3, 31)
    assert last_working_day_on_or_before(due) == due  # a Thursday


def test_prsra_s5_plan_of_the_2012_election_due_on_easter_sunday_2013_act_by_maundy_thursday():
    """Seed 003 §4.1: "by 31 March this year" (2013), Easter Sunday; Good Friday before it."""
    due = plan_issue_by(D(2012, 11, 15))
    assert due == D(2013, 3, 31)
    assert last_working_day_on_or_before(due) == D(2013, 3, 28)


def test_police_act_1996_s55_5a_56_days_beginning_with_the_day_of_publication():
    # Day 1 is 1 February 2023; day 56 is 28 March 2023 (a Tuesday).
    due = hmicfrs_comments_due(D(2023, 2, 1))
    assert due == D(2023, 3, 28)
    assert last_working_day_on_or_before(due) == due


def test_police_act_1996_s55_5a_due_on_the_coronation_bank_holiday_act_by_the_friday():
    due = hmicfrs_comments_due(D(2023, 3, 14))
    assert due == D(2023, 5, 8)
    assert last_working_day_on_or_before(due) == D(2023, 5, 5)


@pytest.mark.parametrize(
    ("comments_on", "today", "expected"),
    [
        (None, D(2023, 3, 1), CommentsStatus.NOT_YET_DUE),
        (None, D(2023, 3, 14), CommentsStatus.DUE_SOON),  # 14 days before the 28th: warned
        (None, D(2023, 3, 28), CommentsStatus.DUE_SOON),
        (None, D(2023, 3, 29), CommentsStatus.OVERDUE),
        (D(2023, 3, 28), D(2023, 4, 30), CommentsStatus.PUBLISHED),
        (D(2023, 3, 29), D(2023, 4, 30), CommentsStatus.PUBLISHED_LATE),
    ],
)
def test_police_act_1996_s55_5a_comments_status_warns_before_the_due_day(
    comments_on, today, expected
):
    assert hmicfrs_comments_status(D(2023, 2, 1), comments_on, today) == expected


def test_si_2011_3050_monthly_publication_of_january_2023_due_by_28_february():
    assert monthly_publication_due(2023, 1) == D(2023, 2, 28)
    assert monthly_publication_due(2023, 12) == D(2024, 1, 31)


def test_si_2011_3050_monthly_publication_due_on_a_sunday_act_by_the_friday():
    due = monthly_publication_due(2023, 3)
    assert due == D(2023, 4, 30)
    assert last_working_day_on_or_before(due) == D(2023, 4, 28)


def test_prsra_s12_annual_report_2022_23_to_the_july_2023_panel_seed_002():
    due = annual_report_due(2022)
    assert due == D(2023, 7, 31)
    assert last_working_day_on_or_before(due) == due


def test_prsra_s12_annual_report_2021_22_due_on_a_sunday_act_by_the_friday_seed_004():
    due = annual_report_due(2021)
    assert due == D(2022, 7, 31)
    assert last_working_day_on_or_before(due) == D(2022, 7, 29)


def test_police_and_justice_act_2006_s19_csp_scrutiny_once_in_every_twelve_months():
    assert csp_scrutiny_due(D(2023, 3, 15)) == D(2024, 3, 15)
    # 15 March 2025 is a Saturday: the committee acts by Friday 14 March.
    assert last_working_day_on_or_before(csp_scrutiny_due(D(2024, 3, 15))) == D(2025, 3, 14)


@pytest.mark.parametrize(
    ("frequency", "last", "expected"),
    [
        (Frequency.MONTHLY, D(2023, 1, 31), D(2023, 2, 28)),
        (Frequency.QUARTERLY, D(2023, 1, 15), D(2023, 4, 15)),
        (Frequency.ANNUALLY, D(2024, 2, 29), D(2025, 2, 28)),
        (Frequency.ON_CHANGE, D(2023, 1, 15), None),
    ],
)
def test_si_2011_3050_next_publication_due_one_period_after_the_last(frequency, last, expected):
    assert next_publication_due(frequency, last) == expected


@pytest.mark.parametrize(
    ("frequency", "last", "expected"),
    [
        (Frequency.ANNUALLY, None, Compliance.MISSING),
        (Frequency.ON_CHANGE, None, Compliance.MISSING),
        (Frequency.ANNUALLY, D(2023, 1, 1), Compliance.PRESENT),
        (Frequency.ANNUALLY, D(2022, 6, 15), Compliance.DUE_SOON),
        (Frequency.ANNUALLY, D(2022, 6, 1), Compliance.OVERDUE),
        (Frequency.MONTHLY, D(2023, 5, 25), Compliance.PRESENT),
        (Frequency.MONTHLY, D(2023, 5, 15), Compliance.DUE_SOON),
        (Frequency.MONTHLY, D(2023, 5, 5), Compliance.DUE_SOON),  # due today
        (Frequency.MONTHLY, D(2023, 5, 4), Compliance.OVERDUE),
        (Frequency.ON_CHANGE, D(2013, 1, 1), Compliance.PRESENT),
    ],
)
def test_the_compliance_status_follows_from_frequency_and_last_published_date(
    frequency, last, expected
):
    assert compliance_status(frequency, last, today=D(2023, 6, 5)) == expected
