"""One meetings engine (issue 11): whoever runs a body's meetings (`can_run_meetings_of`)
keeps its agendas, papers, minutes and attendance through the same pages as the Panel's; a
user who runs another body's meetings cannot. Every form is posted back as the page served it."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pypdf import PdfReader

from pcplan.core.models import User
from pcplan.panel import services
from pcplan.panel.models import AgendaItem, Attendance, Meeting, MinuteItem
from pcplan.partnerships.models import MembershipRole
from tests.factories import BodyFactory, MembershipFactory, UserFactory
from tests.htmlforms import served_form
from tests.panel.packs import served_pack

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(db):
    return UserFactory(username="secretariat", role=User.Role.PANEL_SECRETARIAT)


@pytest.fixture
def board_meeting(db):
    board = BodyFactory(key="business-board", name="Business Coordination Board")
    return Meeting.objects.create(
        body=board, date=dt.date(2023, 3, 1), status=Meeting.Status.SCHEDULED
    )


@pytest.fixture
def panel_meeting(db):
    return Meeting.objects.create(date=dt.date(2023, 3, 15), status=Meeting.Status.SCHEDULED)


def post_served(client, url, **answers):
    page = client.get(url)
    assert page.status_code == 200, url
    data = served_form(page.content.decode(), action="")
    data.update(answers)
    return client.post(url, data)


def change_pages(meeting):
    return [
        reverse("panel:meeting-edit", args=[meeting.pk]),
        reverse("panel:agenda-item-new", args=[meeting.pk]),
        reverse("panel:minute-new", args=[meeting.pk]),
        reverse("panel:attendance", args=[meeting.pk]),
        reverse("panel:other-attendee-new", args=[meeting.pk]),
        reverse("panel:action-new", args=[meeting.pk]),
        reverse("panel:planned-item-new", args=[meeting.pk]),
    ]


def test_an_editor_keeps_a_boards_agenda_and_minutes_through_the_pages(
    client_for, editor, board_meeting
):
    client = client_for(editor)
    staff_page = client.get(reverse("panel:staff-meeting", args=[board_meeting.pk]))
    assert staff_page.status_code == 200
    page = staff_page.content.decode()
    assert "Business Coordination Board" in page
    assert reverse("panel:agenda-item-new", args=[board_meeting.pk]) in page
    assert "Public questions and statements" not in page  # the Panel's own extras

    added = post_served(
        client,
        reverse("panel:agenda-item-new", args=[board_meeting.pk]),
        title="Police and Crime Delivery Plan",
    )
    assert added.status_code == 302, added.content.decode()
    item = AgendaItem.objects.get(meeting=board_meeting)
    assert (item.number, item.title) == (1, "Police and Crime Delivery Plan")
    assert item.history.first().history_user == editor

    edited = post_served(
        client,
        reverse("panel:agenda-item-edit", args=[board_meeting.pk, 1]),
        title="Police and Crime Delivery Plan: quarterly report",
    )
    assert edited.status_code == 302
    item.refresh_from_db()
    assert item.title == "Police and Crime Delivery Plan: quarterly report"

    minuted = post_served(
        client, reverse("panel:minute-new", args=[board_meeting.pk]), title="Delivery Plan"
    )
    assert minuted.status_code == 302, minuted.content.decode()
    minute = MinuteItem.objects.get(meeting=board_meeting)
    assert minute.number == 1 and minute.body == board_meeting.body
    corrected = post_served(
        client, reverse("panel:minute-edit", args=[minute.pk]), title="Delivery Plan report"
    )
    assert corrected.status_code == 302
    minute.refresh_from_db()
    assert minute.title == "Delivery Plan report"
    assert minute.history.first().history_user == editor

    saved = post_served(
        client, reverse("panel:meeting-edit", args=[board_meeting.pk]), venue="Police HQ"
    )
    assert saved.status_code == 302, saved.content.decode()
    board_meeting.refresh_from_db()
    assert board_meeting.venue == "Police HQ"
    assert board_meeting.body.key == "business-board"


def test_an_editor_plans_and_changes_a_boards_forward_plan_item(client_for, editor, board_meeting):
    client = client_for(editor)
    added = post_served(
        client, reverse("panel:planned-item-new", args=[board_meeting.pk]), title="Budget"
    )
    assert added.status_code == 302, added.content.decode()
    item = board_meeting.planned_items.get()
    changed = post_served(
        client, reverse("panel:planned-item-edit", args=[item.pk]), title="Budget and precept"
    )
    assert changed.status_code == 302, changed.content.decode()
    item.refresh_from_db()
    assert item.title == "Budget and precept"
    assert item.history.first().history_user == editor


def test_the_panel_secretariat_cannot_change_a_boards_forward_plan_item(
    secretariat, editor, board_meeting
):
    item = services.plan_item(editor, board_meeting, title="Budget")
    with pytest.raises(PermissionDenied):
        services.change_planned_item(secretariat, item, title="Not theirs")


def test_an_editor_records_a_boards_attendance_from_its_members(client_for, editor, board_meeting):
    chair = MembershipFactory(
        body=board_meeting.body, person="The Commissioner", role=MembershipRole.CHAIR
    )
    member = MembershipFactory(body=board_meeting.body, person="A Chief Executive")
    client = client_for(editor)
    url = reverse("panel:attendance", args=[board_meeting.pk])
    page = client.get(url).content.decode()
    assert "The Commissioner" in page and "A Chief Executive" in page
    assert "Present as substitute" not in page  # a body's seats have no substitutes
    response = post_served(
        client,
        url,
        **{f"status_seat-{chair.pk}": "present", f"status_seat-{member.pk}": "apologies"},
    )
    assert response.status_code == 302, response.content.decode()
    rows = {a.membership: a.status for a in Attendance.objects.filter(meeting=board_meeting)}
    assert rows == {chair: "present", member: "apologies"}
    assert Attendance.objects.get(membership=chair).history.first().history_user == editor


def test_the_panel_secretariat_cannot_change_a_boards_meeting(
    client_for, secretariat, board_meeting
):
    client = client_for(secretariat)
    for url in change_pages(board_meeting):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"title": "Not theirs"}).status_code == 403, url
    assert not AgendaItem.objects.exists() and not MinuteItem.objects.exists()
    with pytest.raises(PermissionDenied):
        services.add_minute(secretariat, board_meeting, title="Not theirs")


def test_an_editor_cannot_change_the_panels_meeting(client_for, editor, panel_meeting):
    client = client_for(editor)
    for url in change_pages(panel_meeting):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"title": "Not theirs"}).status_code == 403, url
    assert not AgendaItem.objects.exists() and not MinuteItem.objects.exists()
    with pytest.raises(PermissionDenied):
        services.add_minute(editor, panel_meeting, title="Not theirs")


def test_a_contributor_changes_no_bodys_meetings(
    client_for, contributor, board_meeting, panel_meeting
):
    client = client_for(contributor)
    for url in change_pages(board_meeting) + change_pages(panel_meeting):
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("panel:staff-meeting", args=[board_meeting.pk])).status_code == 403


def test_those_who_run_a_private_body_keep_its_meetings_and_others_do_not_see_them(
    client_for, editor, secretariat
):
    group = BodyFactory(key="iom-oversight", meetings_public=False)
    meeting = Meeting.objects.create(body=group, date=dt.date(2023, 5, 1))
    as_editor = client_for(editor)
    added = post_served(
        as_editor, reverse("panel:agenda-item-new", args=[meeting.pk]), title="Cohort review"
    )
    assert added.status_code == 302
    as_secretariat = client_for(secretariat)
    for url in [reverse("panel:staff-meeting", args=[meeting.pk]), *change_pages(meeting)]:
        assert as_secretariat.get(url).status_code == 404, url


@pytest.mark.django_db(transaction=True)  # the worker builds the pack in its own transaction
def test_a_boards_agenda_pack_and_minutes_carry_the_boards_name(client_for, editor, board_meeting):
    services.save_agenda_item(editor, AgendaItem(meeting=board_meeting, number=1, title="Plan"))
    pack = served_pack(client_for(editor), board_meeting)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pack.content)).pages)
    assert "BUSINESS COORDINATION BOARD" in text
    assert "PANEL" not in text
