"""The fund's rules as pure functions, each named after where it comes from."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pcplan.grants import rules


def test_a_bid_at_the_safer_communities_cap_of_5000_is_allowed_seed_002_item_7_5_5():
    assert rules.cap_refusal(Decimal("5000.00"), Decimal("5000.00")) is None


def test_a_bid_one_penny_over_the_cap_is_refused_naming_the_cap_seed_002_item_7_5_5():
    refusal = rules.cap_refusal(Decimal("5000.01"), Decimal("5000.00"))
    assert refusal is not None
    assert "largest award per bid is £5,000.00" in refusal


def test_a_fund_open_to_csps_only_refuses_a_charity_seed_002_item_7_5_5():
    labels = {"csp": "Community Safety Partnership", "voluntary": "Voluntary sector"}
    refusal = rules.eligibility_refusal("voluntary", ["csp"], labels)
    assert refusal is not None
    assert "Community Safety Partnership" in refusal
    assert rules.eligibility_refusal("csp", ["csp"], labels) is None
    assert rules.eligibility_refusal("voluntary", [], labels) is None


def test_the_window_includes_its_opening_and_closing_days_seed_002_item_7_5_5():
    opens, closes = dt.date(2022, 5, 1), dt.date(2022, 5, 31)
    assert rules.window_refusal(opens, opens, closes) is None
    assert rules.window_refusal(closes, opens, closes) is None
    assert "opens for bids on 01 May 2022" in rules.window_refusal(
        dt.date(2022, 4, 30), opens, closes
    )
    assert "closed for bids on 31 May 2022" in rules.window_refusal(
        dt.date(2022, 6, 1), opens, closes
    )


def test_an_award_over_the_remaining_budget_needs_an_override_reason_issue_10_rules():
    budget, committed = Decimal("12000.00"), Decimal("10000.00")
    assert rules.budget_refusal(Decimal("2000.00"), budget, committed, "") is None
    refusal = rules.budget_refusal(Decimal("2000.01"), budget, committed, "")
    assert refusal is not None
    assert "£2,000.00 left" in refusal
    assert rules.budget_refusal(Decimal("2000.01"), budget, committed, "Extra need agreed") is None


def test_money_is_exact_pence_and_never_a_float_si_2011_3050_sch_para_3():
    assert rules.money("0.10") + rules.money("0.20") == Decimal("0.30")
    with pytest.raises(TypeError):
        rules.money(0.1)
    with pytest.raises(ValueError, match="pence"):
        rules.money("1.005")


def test_returns_fall_due_six_monthly_and_at_the_end_issue_10_item_4():
    assert rules.return_due_dates(dt.date(2022, 8, 31), dt.date(2023, 11, 30)) == [
        dt.date(2023, 2, 28),
        dt.date(2023, 8, 31),
        dt.date(2023, 11, 30),
    ]


def test_a_return_is_overdue_the_day_after_its_due_date_issue_10_rules():
    due = dt.date(2023, 3, 31)
    assert not rules.is_return_overdue(due, None, due)
    assert rules.is_return_overdue(due, None, due + dt.timedelta(days=1))
    assert not rules.is_return_overdue(due, dt.date(2023, 4, 2), dt.date(2023, 4, 3))


def test_a_reminder_goes_once_a_day_at_most_until_the_return_is_in_issue_10_rules():
    due, day = dt.date(2023, 3, 31), dt.date(2023, 4, 1)
    assert rules.may_remind(due, None, None, day)
    assert not rules.may_remind(due, None, day, day)
    assert rules.may_remind(due, None, day, day + dt.timedelta(days=1))
    assert not rules.may_remind(due, day, None, day)
    assert not rules.may_remind(due, None, None, due)
