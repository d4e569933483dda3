"""The rules of grant-making, one pure function each, with where each comes from.

Plain Python (dates and Decimals only), so that the services, the importer and the tests
all ask the same question the same way. Each refusal names the rule it applies.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext

from pcplan.core import reminders
from pcplan.core.dates import long_date

PENNY = Decimal("0.01")
ZERO_MONEY = Decimal("0.00")


def money(value: Decimal | int | str) -> Decimal:
    """An exact amount in pounds and pence; refuses floats, which cannot hold pence exactly."""
    if isinstance(value, float):
        raise TypeError("Money is never a float: pass a Decimal, an int or a string.")
    amount = Decimal(value)
    if amount != amount.quantize(PENNY):
        raise ValueError(gettext("An amount of money has at most two decimal places (pence)."))
    return amount.quantize(PENNY)


def cap_refusal(amount: Decimal, cap: Decimal | None) -> str | None:
    """The largest award per bid (seed 002 item 7 §5.5: "CSPs are able to bid for up to
    £5,000"). A bid equal to the cap is allowed; one penny more is refused."""
    if cap is not None and amount > cap:
        return gettext(
            "The fund's largest award per bid is £%(cap)s; this bid asks for £%(amount)s."
        ) % {"cap": f"{cap:,.2f}", "amount": f"{amount:,.2f}"}
    return None


def eligibility_refusal(
    kind: str, eligible_kinds: Iterable[str], labels: dict[str, str]
) -> str | None:
    """Who may apply (seed 002 item 7 §5.5: the Safer Communities Fund "opened to CSPs").
    No listed kinds means any organisation may apply."""
    allowed = list(eligible_kinds)
    if allowed and kind not in allowed:
        return gettext(
            "Only these organisations may apply to this fund: %(allowed)s. "
            "Your organisation is a %(kind)s."
        ) % {
            "allowed": ", ".join(labels.get(k, k) for k in allowed),
            "kind": labels.get(kind, kind),
        }
    return None


def window_refusal(on: dt.date, opens_on: dt.date | None, closes_on: dt.date | None) -> str | None:
    """A bid is made between the fund's opening and closing dates, both days included
    (seed 002 item 7 §5.5: the fund "opened to CSPs in May 2022")."""
    if opens_on is not None and on < opens_on:
        return gettext("The fund opens for bids on %(date)s.") % {
            "date": long_date(opens_on, padded=True)
        }
    if closes_on is not None and on > closes_on:
        return gettext("The fund closed for bids on %(date)s.") % {
            "date": long_date(closes_on, padded=True)
        }
    return None


def remaining(budget: Decimal | None, committed: Decimal) -> Decimal | None:
    """What is left of a fund's budget once its awards are committed (None: no budget set)."""
    if budget is None:
        return None
    return budget - committed


def budget_refusal(
    amount: Decimal, budget: Decimal | None, committed: Decimal, override_reason: str
) -> str | None:
    """Awards never exceed the fund's remaining budget unless an officer records an
    override with a reason (issue 10, "Rules to get right"); the reason is kept and audited."""
    left = remaining(budget, committed)
    if left is None or amount <= left or override_reason.strip():
        return None
    return gettext(
        "This award of £%(amount)s is more than the £%(left)s left in the fund's budget. "
        "Record a reason to override the budget, or award less."
    ) % {"amount": f"{amount:,.2f}", "left": f"{left:,.2f}"}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def return_due_dates(starts_on: dt.date, ends_on: dt.date, every_months: int = 6) -> list[dt.date]:
    """Monitoring returns due every `every_months` from the start, and one at the end
    (issue 10 item 4: "returns due on a schedule (e.g. six-monthly)"; seed 004 §7.1 "holding
    to account & grant monitoring")."""
    dates = []
    # Each date counted from the start, so 31 August gives 28 February then 31 August again.
    step = 1
    due = add_months(starts_on, every_months)
    while due < ends_on:
        dates.append(due)
        step += 1
        due = add_months(starts_on, every_months * step)
    dates.append(ends_on)
    return dates


def is_return_overdue(due_on: dt.date, received_on: dt.date | None, today: dt.date) -> bool:
    """A monitoring return is overdue the day after its due date, until it is in
    (issue 10, "Rules to get right")."""
    return received_on is None and today > due_on


def may_remind(
    due_on: dt.date, received_on: dt.date | None, last_reminded_on: dt.date | None, today: dt.date
) -> bool:
    """An award's return is reminded once a day at most until it is in (issue 10, "Rules to
    get right"); none is sent before the return is overdue. The once-a-day rule is shared
    (core.reminders.may_remind)."""
    if received_on is not None:
        return False
    return reminders.may_remind(today, last_reminded_on, from_on=due_on + dt.timedelta(days=1))


SERVICE_RETURN_NOTICE_DAYS = 7


def may_remind_service_return(
    due_on: dt.date, received_on: dt.date | None, last_reminded_on: dt.date | None, today: dt.date
) -> bool:
    """A commissioned service's quarterly return is reminded once a day at most from a week
    before it is due until it is in."""
    if received_on is not None:
        return False
    return reminders.may_remind(
        today, last_reminded_on, from_on=due_on - dt.timedelta(days=SERVICE_RETURN_NOTICE_DAYS)
    )


def quarter_ends(starts_on: dt.date, ends_on: dt.date) -> list[dt.date]:
    """The ends of the financial quarters (30 June, 30 September, 31 December, 31 March) a
    commissioned service's contract runs through, the last ending on or after its end
    (issue 10 item 5: "quarterly returns")."""
    found = []
    year = starts_on.year
    while True:
        for month in (3, 6, 9, 12):
            end = dt.date(year, month, calendar.monthrange(year, month)[1])
            if end < starts_on:
                continue
            found.append(end)
            if end >= ends_on:
                return found
        year += 1


def service_return_due(quarter_end: dt.date) -> dt.date:
    """A quarterly return is due a month after its quarter ends (docs/DECISIONS.md)."""
    return add_months(quarter_end, 1)
