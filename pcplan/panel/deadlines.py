"""Working-day deadlines for public questions and statements (seed 002, agenda item 5).

Working days are Monday to Friday except bank holidays in England and Wales, taken from the
maintained `holidays` package (which includes one-off days such as the coronation bank holiday
of 8 May 2023).

Seed 002 gives two rules:

* Questions "must be received in writing before 12 noon on Friday 10 March 2023 to be
  guaranteed acceptance" for the meeting of Wednesday 15 March 2023. Counting back working
  days from the meeting (Tuesday 14 = 1, Monday 13 = 2, Friday 10 = 3), the stated working day
  is the third working day before the meeting: QUESTION_WORKING_DAYS_BEFORE = 3.
* Statements are accepted "no later than 12 noon on the third working day following the
  publication of the meeting agenda": STATEMENT_WORKING_DAYS_AFTER = 3.

Both deadlines are at 12 noon, local time (Europe/London).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    import holidays

LONDON = ZoneInfo("Europe/London")
NOON = dt.time(12, 0)
QUESTION_WORKING_DAYS_BEFORE = 3
STATEMENT_WORKING_DAYS_AFTER = 3


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> holidays.HolidayBase:
    # Imported when a deadline is counted, not with the models (issue 16: every command).
    import holidays

    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_bank_holiday(day: dt.date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day)


def working_days_before(day: dt.date, count: int) -> dt.date:
    """The `count`-th working day before `day` (not counting `day` itself)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    current = day
    remaining = count
    while remaining:
        current -= dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_after(day: dt.date, count: int) -> dt.date:
    """The `count`-th working day after `day` (not counting `day` itself)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    current = day
    remaining = count
    while remaining:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def at_noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, NOON, tzinfo=LONDON)


def question_deadline(meeting_date: dt.date) -> dt.datetime:
    """Questions received before this moment are guaranteed acceptance (seed 002 item 5)."""
    return at_noon(working_days_before(meeting_date, QUESTION_WORKING_DAYS_BEFORE))


def statement_deadline(agenda_published_on: dt.date) -> dt.datetime:
    """Statements are accepted up to this moment (seed 002, agenda footnote)."""
    return at_noon(working_days_after(agenda_published_on, STATEMENT_WORKING_DAYS_AFTER))


def is_question_late(received_at: dt.datetime, meeting_date: dt.date) -> bool:
    """'Before 12 noon': a question received at exactly noon is late."""
    return received_at >= question_deadline(meeting_date)


def is_statement_late(received_at: dt.datetime, agenda_published_on: dt.date) -> bool:
    """'No later than 12 noon': a statement received at exactly noon is in time."""
    return received_at > statement_deadline(agenda_published_on)
