"""An iCalendar feed of Panel meetings (public: dates, times and venues only, nothing exempt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from icalendar import Calendar, Event

from pcplan.panel.models import Meeting

MEETING_LENGTH = dt.timedelta(hours=2, minutes=30)


def meetings_calendar(
    meetings: Iterable[Meeting], *, host: str, url: Callable[[Meeting], str]
) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//pcplan//Police and Crime Panel meetings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Police and Crime Panel meetings")
    for meeting in meetings:
        event = Event()
        event.add("uid", f"panel-meeting-{meeting.pk}@{host}")
        event.add(
            "summary", "Police and Crime Panel" + (f" – {meeting.title}" if meeting.title else "")
        )
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.starts_at + MEETING_LENGTH)
        event.add("dtstamp", meeting.starts_at)
        if meeting.venue:
            event.add("location", meeting.venue)
        event.add("url", url(meeting))
        cal.add_component(event)
    result: bytes = cal.to_ical()
    return result
