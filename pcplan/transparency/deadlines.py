"""Every statutory date rule of the accountability layer: one pure function per rule, each with
its citation (no Django, no database).

Deadlines do not move when they fall on a weekend or bank holiday: the Acts and Orders below
give a last day and no extension for non-working days, so pcplan keeps the statutory date and,
where it is not a working day, also shows the last working day before it
(`last_working_day_on_or_before`), by which an office that works Monday to Friday must act.
Working days and bank holidays (England and Wales) come from the Panel's rules in
`pcplan.panel.deadlines`, which read the maintained `holidays` package; the precept timetable
is the Panel's `pcplan.panel.precept.timetable`, not a copy.
"""

from __future__ import annotations

import datetime as dt
import enum

from dateutil.relativedelta import relativedelta

from pcplan.core.periods import financial_year_end
from pcplan.panel.deadlines import is_working_day

HMICFRS_COMMENTS_DAYS = 56
HMICFRS_WARNING_DAYS = 14
DUE_SOON_DAYS = 14


def plan_issue_by(elected_on: dt.date) -> dt.date:
    """The last day to issue the police and crime plan: the end of the financial year in which
    the ordinary election is held (PRSRA 2011 s.5(1); seed 000 §3.1: elected May 2021, so "by
    31st March 2022"; seed 003 §4.1: elected November 2012, so "by 31 March this year" 2013).
    The rule itself is `pcplan.core.periods.financial_year_end`, which `Plan.issue_deadline`
    uses too."""
    return financial_year_end(elected_on)


def hmicfrs_comments_due(report_published_on: dt.date) -> dt.date:
    """The last day to publish the office holder's comments on an HMICFRS report: "before the
    end of the period of 56 days beginning with the day on which the report is published"
    (Police Act 1996 s.55(5A), inserted by the Policing and Crime Act 2017 s.37(2)). The day of
    publication is day 1, so the 56th day is 55 days after it."""
    return report_published_on + dt.timedelta(days=HMICFRS_COMMENTS_DAYS - 1)


class CommentsStatus(enum.StrEnum):
    PUBLISHED = "published"
    PUBLISHED_LATE = "published-late"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"
    NOT_YET_DUE = "not-yet-due"


def hmicfrs_comments_status(
    report_published_on: dt.date, comments_published_on: dt.date | None, today: dt.date
) -> CommentsStatus:
    """Where the comments stand against the 56-day rule (s.55(5A)); pcplan warns from
    HMICFRS_WARNING_DAYS before the last day."""
    due = hmicfrs_comments_due(report_published_on)
    if comments_published_on is not None:
        if comments_published_on > due:
            return CommentsStatus.PUBLISHED_LATE
        return CommentsStatus.PUBLISHED
    if today > due:
        return CommentsStatus.OVERDUE
    if today >= due - dt.timedelta(days=HMICFRS_WARNING_DAYS):
        return CommentsStatus.DUE_SOON
    return CommentsStatus.NOT_YET_DUE


def annual_report_due(financial_year: int) -> dt.date:
    """When the annual report on financial year `financial_year`/`+1` is due to the Panel.

    PRSRA 2011 s.12(1)-(2) asks for it "as soon as practicable after the end of each financial
    year" and gives no date; the office's own commitment (seed 002, Delivery Plan report §6.2)
    is to present it at the July Panel meeting. pcplan therefore shows the end of July after the
    year ends as the target date."""
    return dt.date(financial_year + 1, 7, 31)


class Frequency(enum.StrEnum):
    """How often the Specified Information Order wants an item brought up to date."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUALLY = "annually"
    # "In respect of each financial year, before the beginning of the financial year to which
    # it relates" (Schedule Part 2, for the budget, precept, income, spending plans and the
    # investment strategy of para 3(a)-(e)).
    BEFORE_FINANCIAL_YEAR = "before-financial-year"
    ON_CHANGE = "on-change"  # "as soon as practicable" after a change: never due by date alone


FREQUENCY_STEP = {
    Frequency.MONTHLY: relativedelta(months=1),
    Frequency.QUARTERLY: relativedelta(months=3),
    Frequency.ANNUALLY: relativedelta(years=1),
}


def next_publication_due(frequency: Frequency, last_published_on: dt.date) -> dt.date | None:
    """The day by which an item of specified information must be published again: one period
    after the last publication (SI 2011/3050 art. 3 as amended by SI 2012/2479 and SI
    2021/547, read with the frequencies given for each item in specified_information.yaml).
    Items kept up to date "on change" have no date.

    An item published "before the beginning of the financial year to which it relates" (para
    3(a)-(e)) counts for the financial year that begins after it is published (the budget and
    precept are set in the months before 1 April), so the next is due by the end of that
    year: 31 March a year after the end of the year of publication."""
    if frequency == Frequency.BEFORE_FINANCIAL_YEAR:
        return financial_year_end(last_published_on) + relativedelta(years=1)
    step = FREQUENCY_STEP.get(frequency)
    return None if step is None else last_published_on + step


def monthly_publication_due(year: int, month: int) -> dt.date:
    """The monthly publications of a month (spending over £500, the decisions of the month; SI
    2011/3050 Schedule paras 3 and 5 with the monthly frequency of the item list) are due
    by the last day of the following month."""
    return dt.date(year, month, 1) + relativedelta(months=2, days=-1)


class Compliance(enum.StrEnum):
    PRESENT = "present"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"
    MISSING = "missing"


def compliance_status(
    frequency: Frequency, last_published_on: dt.date | None, today: dt.date
) -> Compliance:
    """The compliance view's status of one item of specified information: missing when never
    published; overdue after its next due day; due soon within DUE_SOON_DAYS of it;
    otherwise present (items kept "on change" are present once published)."""
    if last_published_on is None:
        return Compliance.MISSING
    due = next_publication_due(frequency, last_published_on)
    if due is None:
        return Compliance.PRESENT
    if today > due:
        return Compliance.OVERDUE
    if today >= due - dt.timedelta(days=DUE_SOON_DAYS):
        return Compliance.DUE_SOON
    return Compliance.PRESENT


def last_working_day_on_or_before(day: dt.date) -> dt.date:
    """The day itself when it is a working day, else the last working day before it: when to
    act for a deadline that does not move."""
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day
