"""Date rules of the partnerships' statutory duties (one pure function per rule)."""

from __future__ import annotations

import datetime as dt


def scrutiny_due_by(last_held_on: dt.date) -> dt.date:
    """The date by which a CSP's next crime and disorder scrutiny is due.

    Police and Justice Act 2006 s.19 gives every local authority a crime and disorder
    committee to scrutinise the CSP of its area; the Crime and Disorder (Overview and
    Scrutiny) Regulations 2009 (SI 2009/942) reg. 5 require it to do so "no less than once in
    every twelve month period" (seed 002 item 7 §7.1: "at least once a year"). The next one is
    therefore due on the anniversary of the last (29 February falls back to 28 February).
    """
    try:
        return last_held_on.replace(year=last_held_on.year + 1)
    except ValueError:  # 29 February, in a year that has none
        return last_held_on.replace(year=last_held_on.year + 1, day=28)


def scrutiny_overdue(last_held_on: dt.date | None, today: dt.date) -> bool:
    """Whether a year has passed without the CSP's yearly scrutiny (SI 2009/942 reg. 5).

    A CSP with no scrutiny on record is overdue: the duty is yearly from the Regulations'
    commencement in 2009, so there is always one that should have happened.
    """
    if last_held_on is None:
        return True
    return today > scrutiny_due_by(last_held_on)
