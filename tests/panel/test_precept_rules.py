"""The precept timetable (SI 2012/2271 Part 2) and veto rule (PRSRA 2011 Sch 5 para 4)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pcplan.panel.precept import (
    VetoReason,
    different_precept_allowed_without_veto,
    increase,
    is_veto,
    revised_precept_is_valid,
    timetable,
    veto_report_in_time,
    veto_threshold,
)


def test_timetable_for_2023_24_follows_regulations_3_to_7() -> None:
    t = timetable(2023)
    assert t.proposal_by == dt.date(2023, 2, 1)  # reg 3
    assert t.panel_report_by == dt.date(2023, 2, 8)  # reg 4(1)
    assert t.revised_precept_by == dt.date(2023, 2, 15)  # reg 5(1)
    assert t.panel_revised_report_by == dt.date(2023, 2, 22)  # reg 6
    assert t.precept_issued_by == dt.date(2023, 3, 1)  # reg 7 / LGFA 1992 s.40


def test_seed_002_precept_was_notified_and_reported_in_time() -> None:
    # Seed 002: notified 23 January 2023, Panel report 2 February 2023.
    t = timetable(2023)
    assert dt.date(2023, 1, 23) <= t.proposal_by
    assert veto_report_in_time(dt.date(2023, 2, 2), 2023)


def test_a_veto_report_made_after_8_february_lets_the_commissioner_issue_the_proposal() -> None:
    # reg 4(2)
    assert not veto_report_in_time(dt.date(2023, 2, 9), 2023)


def test_a_panel_of_13_members_needs_9_votes_to_veto() -> None:
    assert veto_threshold(13) == 9
    assert is_veto(9, members=13)


def test_8_votes_fail_on_a_panel_of_13_even_if_all_8_present_agree() -> None:
    # Two-thirds of the persons who are members, not of those present (Sch 5 para 4).
    assert not is_veto(8, members=13)


def test_vacancies_reduce_the_membership_and_so_the_threshold() -> None:
    # 13 seats with one vacancy: 12 members, threshold 8.
    assert veto_threshold(12) == 8
    assert is_veto(8, members=12)
    assert veto_threshold(10) == 7


def test_exact_two_thirds_is_enough() -> None:
    assert veto_threshold(15) == 10
    assert veto_threshold(3) == 2


def test_impossible_vote_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        is_veto(14, members=13)
    with pytest.raises(ValueError):
        veto_threshold(0)


def test_revised_precept_must_be_lower_after_a_too_high_veto_and_higher_after_too_low() -> None:
    # reg 5(3)
    proposed = Decimal("285.57")
    assert revised_precept_is_valid(proposed, Decimal("280.00"), VetoReason.TOO_HIGH)[0]
    assert not revised_precept_is_valid(proposed, Decimal("285.57"), VetoReason.TOO_HIGH)[0]
    assert revised_precept_is_valid(proposed, Decimal("290.00"), VetoReason.TOO_LOW)[0]
    assert not revised_precept_is_valid(proposed, Decimal("280.00"), VetoReason.TOO_LOW)[0]


def test_without_a_veto_a_different_precept_needs_a_panel_recommendation() -> None:
    # Sch 5 para 5(3)
    proposed = Decimal("285.57")
    assert different_precept_allowed_without_veto(proposed, proposed, False)
    assert not different_precept_allowed_without_veto(proposed, Decimal("280.00"), False)
    assert different_precept_allowed_without_veto(proposed, Decimal("280.00"), True)


def test_increase_in_pounds_and_per_cent() -> None:
    assert increase(Decimal("270.63"), Decimal("285.57")) == (Decimal("14.94"), Decimal("5.52"))
