"""Feeds of published updates, meetings and papers, and "add to calendar" for one meeting
(issue 14 item 5)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from icalendar import Calendar

pytestmark = pytest.mark.django_db


def test_the_updates_feed_links_each_published_update_to_its_public_page(
    client, public_record, constabulary_deliverable
):
    response = client.get(reverse("api:feed-updates"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Needs assessment under way." in body
    public_page = reverse("public:deliverable", args=["cambs-2021-24", constabulary_deliverable.pk])
    assert public_page in body


def test_the_papers_feed_links_the_report_of_a_published_agenda(client, public_record):
    body = client.get(reverse("api:feed-papers-atom")).content.decode()
    assert f"/panel/meetings/{public_record.pk}/items/1/report.pdf" in body


def test_a_meeting_page_offers_its_own_calendar_entry(client, public_record):
    page = client.get(reverse("panel:meeting", args=[public_record.pk])).content.decode()
    ics_url = reverse("api:meeting-ics", args=[public_record.pk])
    assert ics_url in page
    response = client.get(ics_url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [f"panel-meeting-{public_record.pk}@testserver"]
    assert str(events[0]["location"]) == "Town Hall"


def test_an_unknown_meeting_has_no_calendar_entry(client, db):
    assert client.get(reverse("api:meeting-ics", args=[424242])).status_code == 404
