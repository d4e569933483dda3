"""Small helpers for the Panel's templates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

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
