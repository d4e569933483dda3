"""Working-day deadlines for public questions and statements (seed 002, agenda item 5)."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.panel import deadlines
from pcplan.panel.deadlines import (
    LONDON,
    is_question_late,
    is_statement_late,
    is_working_day,
    question_deadline,
    statement_deadline,
    working_days_after,
    working_days_before,
)


def noon(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d, 12, 0, tzinfo=LONDON)


def test_seed_002_question_deadline_for_15_march_2023_is_noon_on_friday_10_march() -> None:
    # Seed 002, item 5: "before 12 noon on Friday 10 March 2023" for the 15 March 2023 meeting.
    assert question_deadline(dt.date(2023, 3, 15)) == noon(2023, 3, 10)
    assert deadlines.QUESTION_WORKING_DAYS_BEFORE == 3


def test_question_received_at_11_59_is_in_time_and_at_noon_is_late() -> None:
    meeting = dt.date(2023, 3, 15)
    assert not is_question_late(dt.datetime(2023, 3, 10, 11, 59, tzinfo=LONDON), meeting)
    assert is_question_late(noon(2023, 3, 10), meeting)


def test_the_2023_coronation_bank_holiday_is_not_a_working_day() -> None:
    assert not is_working_day(dt.date(2023, 5, 8))
    assert is_working_day(dt.date(2023, 5, 9))


def test_question_deadline_skips_the_coronation_bank_holiday() -> None:
    # Meeting Wednesday 10 May 2023: Tue 9 (1), Mon 8 is the coronation holiday, Fri 5 (2),
    # Thu 4 (3).
    assert question_deadline(dt.date(2023, 5, 10)) == noon(2023, 5, 4)


def test_question_deadline_skips_weekends() -> None:
    # Meeting Monday 20 March 2023: Fri 17 (1), Thu 16 (2), Wed 15 (3).
    assert question_deadline(dt.date(2023, 3, 20)) == noon(2023, 3, 15)


def test_question_deadline_skips_good_friday_and_easter_monday() -> None:
    # Easter 2023: Good Friday 7 April, Easter Monday 10 April.
    assert not is_working_day(dt.date(2023, 4, 7))
    assert not is_working_day(dt.date(2023, 4, 10))
    # Meeting Wednesday 12 April: Tue 11 (1), Thu 6 (2), Wed 5 (3).
    assert question_deadline(dt.date(2023, 4, 12)) == noon(2023, 4, 5)


def test_question_deadline_skips_christmas_and_boxing_day_substitute_days() -> None:
    # 2021: Christmas Day and Boxing Day fell at the weekend; substitutes Mon 27 and Tue 28.
    assert not is_working_day(dt.date(2021, 12, 27))
    assert not is_working_day(dt.date(2021, 12, 28))
    # Meeting Thursday 30 December 2021: Wed 29 (1), Fri 24 (2), Thu 23 (3).
    assert question_deadline(dt.date(2021, 12, 30)) == noon(2021, 12, 23)


def test_statement_deadline_is_noon_on_third_working_day_after_agenda_published() -> None:
    # Seed 002 footnote: agenda published Tuesday 7 March 2023 -> Friday 10 March.
    assert statement_deadline(dt.date(2023, 3, 7)) == noon(2023, 3, 10)
    # Published Friday 3 March -> Mon 6, Tue 7, Wed 8.
    assert statement_deadline(dt.date(2023, 3, 3)) == noon(2023, 3, 8)


def test_statement_deadline_skips_christmas_and_new_year() -> None:
    # Published Friday 22 December 2023: Mon 25 and Tue 26 are holidays; Wed 27 (1),
    # Thu 28 (2), Fri 29 (3).
    assert statement_deadline(dt.date(2023, 12, 22)) == noon(2023, 12, 29)


def test_statement_received_at_exactly_noon_is_not_late_but_a_minute_after_is() -> None:
    published = dt.date(2023, 3, 7)
    assert not is_statement_late(noon(2023, 3, 10), published)
    assert is_statement_late(dt.datetime(2023, 3, 10, 12, 1, tzinfo=LONDON), published)


def test_counting_zero_working_days_is_refused() -> None:
    with pytest.raises(ValueError):
        working_days_before(dt.date(2023, 3, 15), 0)
    with pytest.raises(ValueError):
        working_days_after(dt.date(2023, 3, 15), 0)
