"""An iCalendar feed of Panel meetings (public: dates, times and venues only, nothing exempt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from pcplan.panel.models import Meeting

MEETING_LENGTH = dt.timedelta(hours=2, minutes=30)


def meetings_calendar(
    meetings: Iterable[Meeting],
    *,
    host: str,
    url: Callable[[Meeting], str],
    panel_name: str,
    now: dt.datetime,
) -> bytes:
    """The feed as bytes. `now` stamps every event (RFC 5545 DTSTAMP: when this feed was
    made, in UTC); the times of day carry TZID=Europe/London with its VTIMEZONE, so that
    calendar programs do not have to know the zone by name."""
    stamp = now.astimezone(dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//pcplan//Police and Crime Panel meetings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("%(panel)s meetings") % {"panel": panel_name})
    for meeting in meetings:
        event = Event()
        event.add("uid", f"panel-meeting-{meeting.pk}@{host}")
        event.add("summary", panel_name + (f" – {meeting.title}" if meeting.title else ""))
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.starts_at + MEETING_LENGTH)
        event.add("dtstamp", stamp)
        if meeting.venue:
            event.add("location", meeting.venue)
        event.add("url", url(meeting))
        cal.add_component(event)
    cal.add_missing_timezones()
    result: bytes = cal.to_ical()
    return result
