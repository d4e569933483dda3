"""Consultations and surveys as a download (CSV or Excel, through pcplan.core.exports): the
public file holds published consultations; the staff file every one, drafts marked."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from pcplan.core.exports import Column, published_column
from pcplan.engagement.models import Consultation


def columns(*, staff: bool) -> list[Column[Consultation]]:
    result: list[Column[Consultation]] = [
        Column(_("Title"), lambda c: c.title),
        Column(_("Purpose"), lambda c: c.get_purpose_display()),
        Column(_("Topic"), lambda c: c.topic),
        Column(_("Plan"), lambda c: c.plan.title if c.plan else ""),
        Column(_("Opens on"), lambda c: c.opens_on),
        Column(_("Closes on"), lambda c: c.closes_on),
        Column(_("Audience"), lambda c: c.audience),
        Column(_("Channels used"), lambda c: c.channels),
        Column(_("Results"), lambda c: c.results),
    ]
    if staff:
        result.append(published_column(lambda c: c.is_published))
    return result
