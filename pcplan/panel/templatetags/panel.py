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
        name = a.member.name + OFFICES.get(a.member.office, "")
        if a.substitute_for:
            name += f" (substitute for {a.substitute_for.name})"
        names.append(name)
    return ", ".join(names)
