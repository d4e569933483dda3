"""One meetings engine for every body (issue 11): a body's meetings are public only when the
body is published and meets in public; a private body's meetings and all that hangs off them
appear on no public page, feed or calendar (the API's routes are checked by
tests/api/test_published_only.py with the same planted meetings). Staff add meetings for the
bodies they may run, through the same form and service as the Panel's."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.core.models import User
from pcplan.panel.models import Action, Meeting
from pcplan.panel.review import open_actions, open_recommendations
from pcplan.partnerships.models import PANEL_KEY, Body, BodyKind
from tests.factories import BodyFactory, UserFactory
from tests.htmlforms import served_form
from tests.panel.bodies import plant_meetings_of

pytestmark = pytest.mark.django_db

HIDDEN = "HIDDEN"


@pytest.fixture
def private_meetings(db):
    private = BodyFactory(
        key="iom", name="IOM Oversight", kind=BodyKind.DELIVERY_GROUP, meetings_public=False
    )
    unpublished = BodyFactory(key="draft-board", is_published=False)
    return (
        private,
        plant_meetings_of(private, f"{HIDDEN} private")
        + plant_meetings_of(unpublished, f"{HIDDEN} unpublished"),
    )


@pytest.fixture
def board_meetings(db):
    board = BodyFactory(key="business-board", name="Business Coordination Board")
    return board, plant_meetings_of(board, "Board's own")


def public_pages(meetings):
    pages = [
        reverse("panel:meetings"),
        reverse("panel:meetings-ics"),
        reverse("panel:forward-plan"),
        reverse("panel:recommendations"),
        reverse("partnerships:landscape"),
        reverse("partnerships:body", args=["business-board"]),
        reverse("api:search") + "?q=meeting",
        reverse("api:api-search") + "?q=meeting",
        reverse("api:popolo"),
        reverse("transparency:calendar-ics"),
    ]
    pages += [reverse(f"api:{name}") for name in ("feed-meetings", "feed-papers")]
    return pages


def meeting_pages(meeting):
    return [
        reverse("panel:meeting", args=[meeting.pk]),
        reverse("panel:agenda-pack", args=[meeting.pk]),
        reverse("panel:agenda-item-report", args=[meeting.pk, 1]),
        reverse("panel:question-new", args=[meeting.pk]),
        reverse("api:meeting-ics", args=[meeting.pk]),
    ]


def test_no_public_page_feed_or_calendar_shows_a_private_bodys_meeting(
    client, private_meetings, board_meetings
):
    _private, hidden = private_meetings
    for url in public_pages(hidden):
        response = client.get(url)
        assert response.status_code == 200, url
        assert HIDDEN.encode() not in response.content, url
    for meeting in hidden:
        for url in meeting_pages(meeting):
            response = client.get(url)
            assert response.status_code == 404, url
            assert HIDDEN.encode() not in response.content, url


def test_a_public_bodys_meetings_are_on_its_page_and_their_own(client, board_meetings):
    board, (held, coming) = board_meetings
    page = client.get(reverse("partnerships:body", args=[board.key])).content.decode()
    assert "Board&#x27;s own held meeting" in page
    assert reverse("panel:meeting", args=[held.pk]) in page
    meeting = client.get(reverse("panel:meeting", args=[held.pk])).content.decode()
    assert "Business Coordination Board" in meeting and "Board&#x27;s own paper" in meeting
    assert "Board&#x27;s own minute" in meeting
    # Public questions are the Panel's alone.
    assert (
        reverse("panel:question-new", args=[coming.pk])
        not in client.get(reverse("panel:meeting", args=[coming.pk])).content.decode()
    )
    # The Panel's own pages list the Panel's meetings only.
    assert "Board&#x27;s own" not in client.get(reverse("panel:meetings")).content.decode()
    listed = client.get(reverse("api:meeting-list")).json()["results"]
    assert {row["body"] for row in listed} == {board.key}


def test_a_meeting_made_for_the_panel_alone_is_the_panels(db):
    meeting = Meeting.objects.create(date=dt.date(2023, 3, 15))
    assert meeting.body.key == PANEL_KEY
    assert meeting.body.meetings_are_public
    assert Meeting.objects.create(date=dt.date(2023, 6, 15)).body == meeting.body
    assert Body.objects.count() == 1


def test_those_who_run_a_private_body_read_its_meetings(client_for, editor, private_meetings):
    _private, hidden = private_meetings
    response = client_for(editor).get(reverse("panel:meeting", args=[hidden[0].pk]))
    assert response.status_code == 200
    assert f"{HIDDEN} private minute" in response.content.decode()


def test_a_panel_member_does_not_read_a_private_bodys_meetings(
    client_for, panel_member, private_meetings
):
    _private, hidden = private_meetings
    response = client_for(panel_member).get(reverse("panel:meeting", args=[hidden[0].pk]))
    assert response.status_code == 404


def post_served(client, url, **answers):
    data = served_form(client.get(url).content.decode(), action="")
    data.update(answers)
    return client.post(url, data)


def test_an_editor_adds_a_meeting_of_a_board_through_the_meetings_engine(client_for, editor):
    board = BodyFactory(key="cjb", name="Criminal Justice Board", meetings_public=False)
    client = client_for(editor)
    url = reverse("partnerships:meeting-new", args=[board.key])
    response = post_served(
        client,
        url,
        date_day="12",
        date_month="10",
        date_year="2023",
        time="10:00",
        venue="Police HQ",
        status=Meeting.Status.SCHEDULED,
    )
    assert response.status_code == 302, response.content.decode()
    meeting = Meeting.objects.get()
    assert meeting.body == board and meeting.venue == "Police HQ"
    assert meeting.history.get().history_user == editor
    staff_page = client.get(reverse("partnerships:staff-body", args=[board.key])).content.decode()
    assert reverse("panel:meeting", args=[meeting.pk]) in staff_page
    # A private board's meeting is still on no public page.
    assert client.logout() is None
    assert client.get(reverse("panel:meeting", args=[meeting.pk])).status_code == 404


def test_each_body_is_run_by_those_its_rules_name(client_for, editor, db):
    secretariat = UserFactory(username="secretariat", role=User.Role.PANEL_SECRETARIAT)
    board = BodyFactory(key="cjb")
    Meeting.objects.create(date=dt.date(2023, 3, 15))  # makes the Panel's body
    as_secretariat = client_for(secretariat)
    assert as_secretariat.get(reverse("partnerships:meeting-new", args=["cjb"])).status_code == 403
    panel_url = reverse("partnerships:meeting-new", args=[PANEL_KEY])
    assert as_secretariat.get(panel_url).status_code == 200
    as_editor = client_for(editor)
    assert as_editor.get(panel_url).status_code == 403
    assert as_editor.get(reverse("partnerships:meeting-new", args=[board.key])).status_code == 200


def test_a_meeting_reviews_its_own_bodys_actions_and_recommendations_only(private_meetings):
    panel_meeting = Meeting.objects.create(date=dt.date(2023, 6, 1))
    Action.objects.create(meeting=Meeting.objects.create(date=dt.date(2023, 1, 5)), action="Own")
    assert [a.action for a in open_actions(panel_meeting)] == ["Own"]
    assert not open_recommendations(panel_meeting).exists()
    _private, hidden = private_meetings
    later = Meeting.objects.create(body=hidden[0].body, date=dt.date(2023, 6, 1))
    assert [a.action for a in open_actions(later)] == [f"{HIDDEN} private action"]
