"""The shared reminder rule: within its window, never twice the same day."""

from __future__ import annotations

import datetime as dt

from pcplan.core.reminders import may_remind

DAY = dt.date(2024, 7, 1)
YESTERDAY = DAY - dt.timedelta(days=1)
TOMORROW = DAY + dt.timedelta(days=1)


def test_a_reminder_goes_once_a_day():
    assert may_remind(DAY, None)
    assert may_remind(DAY, YESTERDAY)
    assert not may_remind(DAY, DAY)


def test_a_clock_set_back_sends_nothing_twice():
    assert not may_remind(DAY, TOMORROW)


def test_only_within_the_window_both_ends_included():
    assert not may_remind(YESTERDAY, None, from_on=DAY)
    assert may_remind(DAY, None, from_on=DAY, until_on=DAY)
    assert not may_remind(TOMORROW, None, until_on=DAY)
