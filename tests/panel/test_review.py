"""'Review Actions and Recommendations from the previous meeting' lists what is still open
from earlier meetings (seed 002, agenda item 4 and minute 43)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from pcplan.panel import services
from pcplan.panel.review import open_actions, open_recommendations


def test_open_actions_and_recommendations_from_earlier_meetings_are_reviewed(
    secretariat, held_meeting, next_meeting
):
    open_one = services.add_action(
        secretariat, held_meeting, item="Video doorbells", action="Update Cllr Tierney"
    )
    closed = services.add_action(secretariat, held_meeting, item="Wet film", action="Check cameras")
    services.close_action(secretariat, closed, outcome="Cameras are now digital.")
    services.add_action(secretariat, next_meeting, item="Later", action="Made at this meeting")
    rec = services.make_recommendation(
        secretariat,
        held_meeting,
        text="Report back on social care",
        made_on=held_meeting.date,
        response_due=held_meeting.date + dt.timedelta(days=30),
    )
    answered = services.make_recommendation(
        secretariat,
        held_meeting,
        text="Answered already",
        made_on=held_meeting.date,
        response_due=held_meeting.date,
    )
    services.record_response(
        secretariat, answered, text="Done", date=held_meeting.date, published=True
    )
    assert list(open_actions(next_meeting)) == [open_one]
    assert list(open_recommendations(next_meeting)) == [rec]


def test_the_review_appears_on_the_staff_meeting_page(
    client_for, secretariat, held_meeting, next_meeting
):
    services.add_action(
        secretariat,
        held_meeting,
        item="Solar energy at Milton Park & Ride",
        action="Look at with partners",
    )
    page = (
        client_for(secretariat)
        .get(reverse("panel:staff-meeting", args=[next_meeting.pk]))
        .content.decode()
    )
    assert "Review Actions and Recommendations from the previous meeting" in page
    assert "Solar energy at Milton Park &amp; Ride" in page
