"""The limits every observation passes, whichever way it arrives (the form, an upload).

One source of truth, so that no path stores what another would refuse and no stored value
breaks a page: dates from 1900 to ten years after today (matplotlib and readers alike choke
on year 9999), and finite numbers the value column holds. The model's value columns take
their size from here too. Plain Python apart from translation.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext

from pcplan.core.dates import long_date

VALUE_MAX_DIGITS = 14
VALUE_DECIMAL_PLACES = 2
EARLIEST_PERIOD = dt.date(1900, 1, 1)
YEARS_AHEAD = 10
_CENT = Decimal(1).scaleb(-VALUE_DECIMAL_PLACES)
LARGEST_VALUE = Decimal(10) ** (VALUE_MAX_DIGITS - VALUE_DECIMAL_PLACES) - _CENT


def latest_period(today: dt.date) -> dt.date:
    """The last date an observation may be for: ten years after today."""
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February ten years on is not a date
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def period_problem(start: dt.date, today: dt.date) -> str | None:
    """Why a period start is refused ("enter a date between …"), or None."""
    latest = latest_period(today)
    if EARLIEST_PERIOD <= start <= latest:
        return None
    return gettext("enter a date between %(earliest)s and %(latest)s") % {
        "earliest": long_date(EARLIEST_PERIOD),
        "latest": long_date(latest),
    }


def value_problem(value: Decimal) -> str | None:
    """Why a value is refused, or None: a finite number the value column can hold."""
    if not value.is_finite():
        return gettext("enter a number, such as 1234 or 85.5")
    # copy_abs and comparison never round, so 1e400000000 cannot overflow the context here.
    if value.copy_abs() > LARGEST_VALUE:
        return gettext("enter a number no larger than %(largest)s") % {
            "largest": f"{LARGEST_VALUE:,}"
        }
    if value != value.quantize(_CENT):
        return gettext("enter a number with no more than %(places)d decimal places") % {
            "places": VALUE_DECIMAL_PLACES
        }
    return None


def capitalised(problem: str) -> str:
    """A problem as a form error shows it: a sentence of its own."""
    return problem[:1].upper() + problem[1:]
