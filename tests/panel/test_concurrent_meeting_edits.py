"""A meeting's edit form opened before its status changed cannot save the old status back
(issue 15: optimistic concurrency on every edit form)."""

from __future__ import annotations

from django.urls import reverse

from pcplan.panel import services
from pcplan.panel.models import Meeting
from tests.htmlforms import served_form


def test_a_stale_meeting_form_is_refused_with_what_changed(client_for, secretariat, next_meeting):
    client = client_for(secretariat)
    url = reverse("panel:meeting-edit", args=[next_meeting.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = served_form(page.content.decode(), action="")
    assert form["version"] == "1"

    # Meanwhile the meeting is held (another member of the secretariat, another page).
    services.set_meeting_status(secretariat, next_meeting, Meeting.Status.HELD)

    form["venue"] = "Council Chamber"
    refused = client.post(url, form)

    assert refused.status_code == 400
    body = refused.content.decode()
    assert "There is a problem" in body
    assert "This meeting was changed by" in body
    assert "Status is now: Held" in body
    next_meeting.refresh_from_db()
    assert next_meeting.status == Meeting.Status.HELD
    assert next_meeting.venue != "Council Chamber"

    # Saving the re-shown form is a choice made having seen the change.
    again = served_form(body, action="")
    again["status"] = Meeting.Status.HELD
    assert client.post(url, again).status_code == 302
    next_meeting.refresh_from_db()
    assert (next_meeting.venue, next_meeting.status) == ("Council Chamber", Meeting.Status.HELD)
