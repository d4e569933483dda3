"""The iCalendar feed of Panel meetings."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from icalendar import Calendar

from pcplan.core.models import Office
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


def test_the_feed_carries_its_time_zone_and_is_stamped_when_made(client, next_meeting):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    response = client.get(reverse("panel:meetings-ics"))
    after = dt.datetime.now(dt.UTC)
    cal = Calendar.from_ical(response.content)
    zones = cal.walk("VTIMEZONE")
    assert [str(z["tzid"]) for z in zones] == ["Europe/London"]
    assert {c.name for c in zones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
    for event in cal.walk("VEVENT"):
        assert event["dtstart"].params["TZID"] == "Europe/London"
        stamp = event.decoded("dtstamp")
        assert stamp.utcoffset() == dt.timedelta(0)
        assert before <= stamp <= after
    assert b"DTSTAMP:" in response.content and b"Z\r\n" in response.content


def test_the_feed_is_named_after_the_panel_of_the_office_profile(client, next_meeting):
    Office.objects.create(panel_name="Shire Police and Crime Panel")
    cal = Calendar.from_ical(client.get(reverse("panel:meetings-ics")).content)
    assert str(cal["x-wr-calname"]) == "Shire Police and Crime Panel meetings"
    assert str(cal.walk("VEVENT")[0]["summary"]) == "Shire Police and Crime Panel"
