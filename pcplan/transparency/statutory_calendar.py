"""One statutory calendar: every deadline pcplan computes, for one staff page and one
iCalendar feed (issue 13 item 7). Each date comes from the one function that owns its rule
(`deadlines.py`, the Panel's `precept.timetable` and `deadlines.question_deadline`); this module
only gathers them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from pcplan.core.dates import long_date, month_year
from pcplan.core.periods import FinancialYear
from pcplan.engagement.models import Consultation
from pcplan.panel import deadlines as panel_deadlines
from pcplan.panel import precept
from pcplan.panel.models import Meeting
from pcplan.partnerships import rules as partnership_rules
from pcplan.partnerships.models import Body, BodyKind
from pcplan.plans.models import Plan
from pcplan.transparency import deadlines
from pcplan.transparency.models import Inspection

PAST_DAYS = 31
AHEAD = relativedelta(months=13)


@dataclass(frozen=True)
class Deadline:
    due: dt.date
    title: str
    citation: str
    kind: str
    uid: str
    at: dt.datetime | None = None  # a deadline at a time of day (Panel questions: noon)

    @property
    def act_by(self) -> dt.date:
        """The statutory day does not move; on a weekend or bank holiday, act by the working
        day before it."""
        return deadlines.last_working_day_on_or_before(self.due)

    @property
    def falls_on_non_working_day(self) -> bool:
        return self.act_by != self.due


def plan_deadlines(plans: Iterable[Plan], *, public: bool = False) -> list[Deadline]:
    """A plan not yet public is named only on the staff page; the public feed says "the
    police and crime plan"."""
    return [
        Deadline(
            deadlines.plan_issue_by(plan.elected_on),
            _("Issue the %(plan)s") % {"plan": plan.title}
            if plan.is_public or not public
            else _("Issue the police and crime plan"),
            "PRSRA 2011 s.5(1)",
            "plan",
            f"plan-issue-{plan.pk}",
        )
        for plan in plans
        if plan.elected_on is not None
    ]


def precept_deadlines(financial_year_start: int) -> list[Deadline]:
    """The precept of the financial year starting 1 April `financial_year_start` (SI 2012/2271
    Part 2), from the Panel's own timetable."""
    t = precept.timetable(financial_year_start)
    year = f"{financial_year_start}/{(financial_year_start + 1) % 100:02d}"
    return [
        Deadline(
            t.proposal_by,
            _("Notify the Panel of the proposed precept %(year)s") % {"year": year},
            "SI 2012/2271 reg. 3",
            "precept",
            f"precept-proposal-{financial_year_start}",
        ),
        Deadline(
            t.panel_report_by,
            _("The Panel's report on the proposed precept %(year)s") % {"year": year},
            "SI 2012/2271 reg. 4(1)",
            "precept",
            f"precept-panel-report-{financial_year_start}",
        ),
        Deadline(
            t.precept_issued_by,
            _("Issue the precept %(year)s") % {"year": year},
            "SI 2012/2271 reg. 7; Local Government Finance Act 1992 s.40",
            "precept",
            f"precept-issue-{financial_year_start}",
        ),
    ]


def inspection_deadlines(inspections: Iterable[Inspection]) -> list[Deadline]:
    return [
        Deadline(
            inspection.comments_due,
            _("Publish comments on the HMICFRS report: %(title)s") % {"title": inspection.title},
            "Police Act 1996 s.55(5A)",
            "hmicfrs",
            f"hmicfrs-comments-{inspection.pk}",
        )
        for inspection in inspections
        if inspection.comments_published_on is None
    ]


def publication_deadlines(start: dt.date, end: dt.date) -> list[Deadline]:
    """The monthly specified-information publications of each month, and the annual report of
    each financial year, whose due day falls between `start` and `end`."""
    found: list[Deadline] = []
    month = dt.date(start.year, start.month, 1) - relativedelta(months=1)
    while month <= end:
        due = deadlines.monthly_publication_due(month.year, month.month)
        if start <= due <= end:
            found.append(
                Deadline(
                    due,
                    _("Monthly specified information for %(month)s (spending over £500, decisions)")
                    % {"month": month_year(month)},
                    "SI 2011/3050 Schedule paras 3 and 5",
                    "publication",
                    f"monthly-{month:%Y-%m}",
                )
            )
        month += relativedelta(months=1)
    for year in range(start.year - 2, end.year + 1):
        due = deadlines.annual_report_due(year)
        if start <= due <= end:
            found.append(
                Deadline(
                    due,
                    _("Annual report %(year)s to the Panel") % {"year": str(FinancialYear(year))},
                    "PRSRA 2011 s.12; seed 002 Delivery Plan report §6.2",
                    "annual-report",
                    f"annual-report-{year}",
                )
            )
    return found


def consultation_deadlines(consultations: Iterable[Consultation]) -> list[Deadline]:
    """The opening and closing days of the office's consultations and surveys, from the
    engagement app's records: the public's views on policing, the plan and the precept are
    to be obtained before the plan and the precept are issued (Police Act 1996 s.96)."""
    found = []
    for consultation in consultations:
        found.append(
            Deadline(
                consultation.opens_on,
                _("Consultation opens: %(title)s") % {"title": consultation.title},
                "Police Act 1996 s.96",
                "consultation",
                f"consultation-opens-{consultation.pk}",
            )
        )
        if consultation.closes_on is not None:
            found.append(
                Deadline(
                    consultation.closes_on,
                    _("Consultation closes: %(title)s") % {"title": consultation.title},
                    "Police Act 1996 s.96",
                    "consultation",
                    f"consultation-closes-{consultation.pk}",
                )
            )
    return found


def csp_scrutiny_deadlines(csps: Iterable[Body]) -> list[Deadline]:
    """When each community safety partnership's next crime and disorder scrutiny is due, a
    year after its last (partnerships' `rules.scrutiny_due_by`: Police and Justice Act 2006
    s.19; SI 2009/942 reg. 5). A CSP with no scrutiny on record has no date to show; the
    partnerships pages flag it as overdue."""
    found = []
    for body in csps:
        last = max((s.held_on for s in body.scrutinies.all()), default=None)
        if last is None:
            continue
        found.append(
            Deadline(
                partnership_rules.scrutiny_due_by(last),
                _("Crime and disorder committee scrutiny of %(csp)s") % {"csp": body.name},
                "Police and Justice Act 2006 s.19; SI 2009/942 reg. 5",
                "csp-scrutiny",
                f"csp-scrutiny-{body.pk}",
            )
        )
    return found


def question_deadlines(meetings: Iterable[Meeting]) -> list[Deadline]:
    found = []
    for meeting in meetings:
        at = panel_deadlines.question_deadline(meeting.date)
        found.append(
            Deadline(
                at.date(),
                _("Public questions for the Panel meeting of %(date)s")
                % {"date": long_date(meeting.date)},
                "Panel procedure (seed 002 item 5)",
                "panel-questions",
                f"panel-questions-{meeting.pk}",
                at=at,
            )
        )
    return found


def statutory_deadlines(today: dt.date, *, public: bool = False) -> list[Deadline]:
    """Every deadline from a month ago to thirteen months ahead, soonest first; `public` for
    the feed anyone may read."""
    start, end = today - dt.timedelta(days=PAST_DAYS), today + AHEAD
    found = plan_deadlines(Plan.objects.exclude(elected_on=None), public=public)
    first_year = FinancialYear.for_date(start).start_year
    for year in range(first_year, end.year + 1):
        found += precept_deadlines(year)
    inspections = Inspection.objects.filter(comments_published_on=None)
    found += inspection_deadlines(inspections.public(today) if public else inspections)
    found += publication_deadlines(start, end)
    consultations = Consultation.objects.all()
    found += consultation_deadlines(consultations.public() if public else consultations)
    csps = Body.objects.filter(kind=BodyKind.CSP).prefetch_related("scrutinies")
    found += csp_scrutiny_deadlines(csps.public() if public else csps)
    found += question_deadlines(Meeting.objects.of_panel().coming(today))
    return sorted((d for d in found if start <= d.due <= end), key=lambda d: (d.due, d.uid))


def deadlines_calendar(
    found: Iterable[Deadline], *, host: str, name: str, now: dt.datetime
) -> bytes:
    """The deadlines as an iCalendar feed: whole-day events, or a timed event for a deadline
    at a time of day (TZID=Europe/London with its VTIMEZONE)."""
    cal = Calendar()
    cal.add("prodid", "-//pcplan//Statutory calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    stamp = now.astimezone(dt.UTC)
    for deadline in found:
        event = Event()
        event.add("uid", f"{deadline.uid}@{host}")
        event.add("summary", deadline.title)
        event.add("description", deadline.citation)
        if deadline.at is not None:
            event.add("dtstart", deadline.at)
            event.add("dtend", deadline.at)
        else:
            event.add("dtstart", deadline.due)
            event.add("dtend", deadline.due + dt.timedelta(days=1))
        event.add("dtstamp", stamp)
        cal.add_component(event)
    cal.add_missing_timezones()
    result: bytes = cal.to_ical()
    return result
