"""Small helpers for the Panel's templates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

from pcplan.reports.meeting_reports import MeetingReport

register = template.Library()

OFFICES = {"chair": " (Chair)", "vice-chair": " (Vice-Chair)"}


@register.filter
def attendance_names(attendances: Iterable[Any], statuses: str) -> str:
    """Names of those whose attendance has one of the comma-separated statuses, as minutes list
    them: "Edward Leigh (Chair), Claire George (Vice-Chair), Councillor A Bradnam"."""
    wanted = set(statuses.split(","))
    names = []
    for a in attendances:
        if a.status not in wanted:
            continue
        # A Panel member, or (any other body) a seat held on the day.
        person = a.member if getattr(a, "member", None) is not None else a
        name = person.name + OFFICES.get(person.office, "")
        if a.substitute_for:
            name += f" (substitute for {a.substitute_for.name})"
        names.append(name)
    return ", ".join(names)


@register.filter
def may_generate(report: MeetingReport | None, user: Any) -> bool:
    """Whether `user` may open the page where the forward-plan item's report is generated, so
    that the link is offered only to those it lets in."""
    return report is not None and report.may_generate(user)
