"""Meetings of bodies other than the Panel, for tests of the meetings engine (issue 11)."""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile

from pcplan.panel.models import (
    Action,
    AgendaItem,
    ForwardPlanItem,
    Meeting,
    MinuteItem,
    Recommendation,
)
from pcplan.partnerships.models import Body


def plant_meetings_of(body: Body, words: str) -> list[Meeting]:
    """A held meeting of `body` with its published minutes, papers, a recommendation and an
    action, and a coming one with a published agenda and a forward plan: everything a public
    body would show, each carrying `words`."""
    held = Meeting.objects.create(
        body=body,
        date=dt.date(2023, 3, 1),
        title=f"{words} held meeting",
        venue=f"{words} venue",
        status=Meeting.Status.HELD,
        agenda_published_on=dt.date(2023, 2, 20),
        minutes_published=True,
    )
    item = AgendaItem.objects.create(
        meeting=held,
        number=1,
        title=f"{words} paper",
        note=f"{words} note",
        kind=AgendaItem.Kind.STANDARD,
    )
    item.report_file.save("report.pdf", ContentFile(b"%PDF-1.4 " + words.encode()), save=True)
    minute = MinuteItem.objects.create(
        meeting=held, number=9001 + body.pk, title=f"{words} minute", text=f"{words} text"
    )
    Recommendation.objects.create(
        meeting=held,
        minute=minute,
        text=f"{words} recommendation",
        made_on=held.date,
        response_due=dt.date(2023, 4, 1),
        response_text=f"{words} response",
        response_date=dt.date(2023, 3, 20),
        response_published=True,
    )
    Action.objects.create(meeting=held, item=f"{words} action item", action=f"{words} action")
    coming = Meeting.objects.create(
        body=body,
        date=dt.date.today() + dt.timedelta(days=20),
        title=f"{words} coming meeting",
        status=Meeting.Status.AGENDA_PUBLISHED,
        agenda_published_on=dt.date.today(),
    )
    AgendaItem.objects.create(meeting=coming, number=1, title=f"{words} coming paper")
    ForwardPlanItem.objects.create(meeting=coming, title=f"{words} planned item")
    return [held, coming]
