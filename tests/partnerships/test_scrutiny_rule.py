"""The crime and disorder committee's yearly scrutiny of a CSP: Police and Justice Act 2006
s.19; the Crime and Disorder (Overview and Scrutiny) Regulations 2009 reg. 5, "no less than
once in every twelve month period" (seed 002 item 7 §7.1)."""

from __future__ import annotations

import datetime as dt

from pcplan.partnerships.rules import scrutiny_due_by, scrutiny_overdue


def test_si_2009_942_reg_5_next_scrutiny_is_due_a_year_after_the_last():
    assert scrutiny_due_by(dt.date(2022, 11, 9)) == dt.date(2023, 11, 9)


def test_si_2009_942_reg_5_a_scrutiny_on_29_february_is_due_again_on_28_february():
    assert scrutiny_due_by(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)


def test_si_2009_942_reg_5_not_overdue_on_the_anniversary_itself():
    assert not scrutiny_overdue(dt.date(2022, 11, 9), dt.date(2023, 11, 9))


def test_si_2009_942_reg_5_overdue_the_day_after_a_year_has_passed():
    assert scrutiny_overdue(dt.date(2022, 11, 9), dt.date(2023, 11, 10))


def test_si_2009_942_reg_5_a_csp_with_no_scrutiny_on_record_is_overdue():
    assert scrutiny_overdue(None, dt.date(2023, 1, 1))
