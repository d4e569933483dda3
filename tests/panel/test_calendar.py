"""The iCalendar feed of Panel meetings."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from icalendar import Calendar

from pcplan.panel.deadlines import LONDON


def test_the_feed_lists_every_meeting_with_time_and_venue(client, held_meeting, next_meeting):
    response = client.get(reverse("panel:meetings-ics"))
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 2
    by_start = {e.decoded("dtstart"): e for e in events}
    start = dt.datetime.combine(next_meeting.date, dt.time(13, 30), tzinfo=LONDON)
    event = by_start[start]
    assert str(event["location"]) == "Bourges/Viersen Room - Town Hall"
    assert str(event["url"]).endswith(reverse("panel:meeting", args=[next_meeting.pk]))
    assert str(event["summary"]) == "Police and Crime Panel"
