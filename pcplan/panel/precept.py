"""The precept: statutory timetable and veto arithmetic (pure functions, no Django).

Sources (checked against the published text where noted in docs/DECISIONS.md):
* Police Reform and Social Responsibility Act 2011 (PRSRA), Schedule 5:
  - para 2: the Commissioner must notify the Panel of the proposed precept;
  - para 3: the Panel must review it and make a report, which may include recommendations;
  - para 4: the Panel may veto the proposed precept; the veto needs "at least two-thirds of
    the persons who are members of the panel at the time when the decision is made" (not
    two-thirds of those present or voting);
  - para 5: without a veto the Commissioner must give the Panel a response to its report and
    publish it, and may issue the proposed precept, or a different precept only if it would
    be in accordance with a recommendation in the Panel's report;
  - para 6: next steps after a veto.
* The Police and Crime Panels (Precepts and Chief Constable Appointments) Regulations 2012
  (SI 2012/2271), Part 2 (dates are in the "relevant financial year", the year before the
  one the precept is for, so all fall in the calendar year in which that year starts):
  - reg 3: the Commissioner notifies the proposed precept by 1 February;
  - reg 4(1): the Panel makes its report by 8 February;
  - reg 4(2): if the Panel vetoes but misses 8 February, the Commissioner may issue the
    proposed precept notwithstanding the veto;
  - reg 5(1)-(2): after a veto, the Commissioner's response, notifying the revised precept,
    by 15 February;
  - reg 5(3): the revised precept is lower if the veto said too high, higher if too low;
  - reg 6: the Panel's report on the revised precept by 22 February;
  - reg 7 and the Local Government Finance Act 1992 s.40: the precept is issued by 1 March.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


class VetoReason(enum.StrEnum):
    TOO_HIGH = "too-high"
    TOO_LOW = "too-low"


@dataclass(frozen=True)
class Timetable:
    """The statutory dates for the precept of the financial year starting 1 April `year`."""

    financial_year_start: int
    proposal_by: dt.date  # reg 3
    panel_report_by: dt.date  # reg 4
    revised_precept_by: dt.date  # reg 5(1) (only after a veto)
    panel_revised_report_by: dt.date  # reg 6 (only after a veto)
    precept_issued_by: dt.date  # reg 7 / LGFA 1992 s.40


def timetable(financial_year_start: int) -> Timetable:
    """The timetable for the precept of financial year `financial_year_start`/`+1`.

    The dates all fall in the calendar year in which that financial year starts.
    """
    year = financial_year_start
    return Timetable(
        financial_year_start=year,
        proposal_by=dt.date(year, 2, 1),
        panel_report_by=dt.date(year, 2, 8),
        revised_precept_by=dt.date(year, 2, 15),
        panel_revised_report_by=dt.date(year, 2, 22),
        precept_issued_by=dt.date(year, 3, 1),
    )


def veto_threshold(members: int) -> int:
    """Votes needed to veto: at least two-thirds of the Panel's members (PRSRA Sch 5 para 4).

    `members` is the number of persons who are members of the Panel at the time of the decision,
    so vacancies reduce it; absences do not.
    """
    if members < 1:
        raise ValueError("A Panel must have at least one member to decide")
    return math.ceil(Decimal(2 * members) / 3)


def is_veto(votes_for_veto: int, members: int) -> bool:
    """True when the votes to veto reach two-thirds of the membership (Sch 5 para 4)."""
    if votes_for_veto < 0 or votes_for_veto > members:
        raise ValueError("Votes for a veto must be between 0 and the number of members")
    return votes_for_veto >= veto_threshold(members)


def veto_report_in_time(report_date: dt.date, financial_year_start: int) -> bool:
    """A veto only binds if the Panel's report is made by 8 February (reg 4(1)-(2))."""
    return report_date <= timetable(financial_year_start).panel_report_by


def revised_precept_is_valid(
    proposed: Decimal, revised: Decimal, reason: VetoReason
) -> tuple[bool, str]:
    """After a veto the revised precept must move the way the veto said (reg 5(3))."""
    if reason == VetoReason.TOO_HIGH and revised >= proposed:
        return False, "The veto said the precept was too high: the revised precept must be lower."
    if reason == VetoReason.TOO_LOW and revised <= proposed:
        return False, "The veto said the precept was too low: the revised precept must be higher."
    return True, ""


def different_precept_allowed_without_veto(
    proposed: Decimal, issued: Decimal, follows_panel_recommendation: bool
) -> bool:
    """Without a veto, a precept other than the proposed one needs a Panel recommendation
    (Sch 5 para 5(3)(b))."""
    return issued == proposed or follows_panel_recommendation


def increase(previous: Decimal, proposed: Decimal) -> tuple[Decimal, Decimal]:
    """The Band D increase in pounds and per cent (to two places)."""
    pounds = (proposed - previous).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if previous == 0:
        return pounds, Decimal("0.00")
    percent = (pounds * 100 / previous).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return pounds, percent
