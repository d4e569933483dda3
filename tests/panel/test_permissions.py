"""Only the secretariat (and administrators) change the Panel's business; Panel members see
exempt papers; the public never does (pages, report downloads, agenda pack and calendar)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pypdf import PdfReader

from pcplan.panel import permissions, services
from pcplan.panel.models import Meeting, PublicSubmission
from tests.panel.packs import served_pack


@pytest.mark.parametrize("who", ["editor", "contributor", "panel_member", "outsider"])
def test_only_the_secretariat_and_administrators_change_meetings(request, who, held_meeting):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.save_meeting(user, Meeting(date=dt.date(2030, 1, 1)))
    with pytest.raises(PermissionDenied):
        services.add_minute(user, held_meeting, title="Apologies")
    with pytest.raises(PermissionDenied):
        services.plan_item(user, held_meeting, title="Precept Report")
    assert Meeting.objects.count() == 1
    assert not held_meeting.minute_items.exists()


def test_the_secretariat_and_an_administrator_may_add_meetings(secretariat, administrator):
    services.save_meeting(secretariat, Meeting(date=dt.date(2030, 1, 1)))
    services.save_meeting(administrator, Meeting(date=dt.date(2030, 2, 1)))
    assert Meeting.objects.count() == 2


def test_only_the_secretariat_decides_public_questions(panel_member, next_meeting):
    submission = services.submit_public(
        next_meeting, kind="question", name="A Resident", contact="a@example.org", text="Why?"
    )
    with pytest.raises(PermissionDenied):
        services.decide_submission(panel_member, submission, accept=True)
    submission.refresh_from_db()
    assert submission.status == PublicSubmission.Status.RECEIVED


@pytest.mark.parametrize("who", ["editor", "panel_member"])
def test_staff_edit_pages_are_refused_to_all_but_the_secretariat(
    client_for, request, who, next_meeting
):
    client = client_for(request.getfixturevalue(who))
    for url in [
        reverse("panel:meeting-new"),
        reverse("panel:meeting-edit", args=[next_meeting.pk]),
        reverse("panel:minute-new", args=[next_meeting.pk]),
        reverse("panel:agenda-item-new", args=[next_meeting.pk]),
    ]:
        assert client.get(url).status_code == 403, url
    response = client.post(reverse("panel:minute-new", args=[next_meeting.pk]), {"title": "Sneaky"})
    assert response.status_code == 403
    assert not next_meeting.minute_items.exists()


def test_the_staff_panel_pages_are_for_panel_members_and_the_secretariat(
    client_for, editor, panel_member, next_meeting
):
    assert client_for(editor).get(reverse("panel:staff-home")).status_code == 403
    assert client_for(panel_member).get(reverse("panel:staff-home")).status_code == 200


def test_the_public_never_sees_an_exempt_items_papers(client, next_meeting):
    page = client.get(reverse("panel:meeting", args=[next_meeting.pk])).content.decode()
    assert "Approach to Communications and Engagement" in page
    assert "Estates disposal" in page  # listed, as councils list exempt business
    assert reverse("panel:agenda-item-report", args=[next_meeting.pk, 2]) not in page
    assert (
        client.get(reverse("panel:agenda-item-report", args=[next_meeting.pk, 2])).status_code
        == 404
    )
    assert (
        client.get(reverse("panel:agenda-item-report", args=[next_meeting.pk, 1])).status_code
        == 200
    )


@pytest.mark.django_db(transaction=True)  # the worker builds the pack in its own transaction
def test_the_public_agenda_pack_leaves_out_exempt_papers(client, next_meeting):
    response = served_pack(client, next_meeting)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Public report page 3" in text
    assert "Exempt report" not in text
    assert "Not for publication" in text  # the item is listed, its papers left out


@pytest.mark.django_db(transaction=True)  # the worker builds the pack in its own transaction
def test_panel_members_see_exempt_items_and_papers(client_for, panel_member, next_meeting):
    client = client_for(panel_member)
    page = client.get(reverse("panel:meeting", args=[next_meeting.pk])).content.decode()
    assert "Estates disposal" in page
    report = client.get(reverse("panel:agenda-item-report", args=[next_meeting.pk, 2]))
    assert report.status_code == 200
    assert report["Content-Type"] == "application/pdf"
    pack = served_pack(client, next_meeting)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pack.content)).pages)
    assert "Exempt report page 2" in text


def test_a_signed_in_editor_does_not_see_exempt_papers(client_for, editor, next_meeting):
    client = client_for(editor)
    assert (
        client.get(reverse("panel:agenda-item-report", args=[next_meeting.pk, 2])).status_code
        == 404
    )


def test_the_calendar_feed_holds_no_exempt_content(client, next_meeting):
    body = client.get(reverse("panel:meetings-ics")).content.decode()
    assert "Estates disposal" not in body
    assert "Approach to Communications" not in body


def test_the_agenda_of_a_merely_scheduled_meeting_is_not_public(
    client, client_for, panel_member, next_meeting
):
    next_meeting.status = Meeting.Status.SCHEDULED
    next_meeting.save()
    page = client.get(reverse("panel:meeting", args=[next_meeting.pk])).content.decode()
    assert "Approach to Communications and Engagement" not in page
    assert client.get(reverse("panel:agenda-pack", args=[next_meeting.pk])).status_code == 404
    assert (
        client.get(reverse("panel:agenda-item-report", args=[next_meeting.pk, 1])).status_code
        == 404
    )
    member_page = client_for(panel_member).get(reverse("panel:meeting", args=[next_meeting.pk]))
    assert "Approach to Communications and Engagement" in member_page.content.decode()


@pytest.mark.django_db(transaction=True)  # the worker builds the pack in its own transaction
def test_exempt_minutes_are_for_members_only(
    client, client_for, secretariat, panel_member, held_meeting, next_meeting
):
    from pcplan.panel.models import AgendaItem

    services.add_minute(secretariat, held_meeting, title="Public minute")
    services.add_minute(secretariat, held_meeting, title="Estates negotiation", is_exempt=True)
    url = reverse("panel:meeting", args=[held_meeting.pk])
    public_page = client.get(url).content.decode()
    assert "Public minute" in public_page
    assert "Estates negotiation" not in public_page
    assert "Estates negotiation" in client_for(panel_member).get(url).content.decode()
    AgendaItem.objects.create(
        meeting=next_meeting, number=3, title="Minutes", kind=AgendaItem.Kind.PREVIOUS_MINUTES
    )
    client.logout()
    pack = served_pack(client, next_meeting)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pack.content)).pages)
    assert "Public minute" in text
    assert "Estates negotiation" not in text


def test_the_rules_take_a_user_and_the_public_is_none(secretariat, panel_member, editor):
    assert not permissions.can_run_panel(None)
    assert not permissions.can_see_exempt(None)
    assert permissions.can_run_panel(secretariat)
    assert not permissions.can_run_panel(panel_member)
    assert permissions.can_see_exempt(panel_member)
    assert not permissions.can_see_exempt(editor)
    secretariat.is_active = False
    assert not permissions.can_run_panel(secretariat)


def test_a_panel_member_reads_the_staff_pages_but_changes_nothing(
    client_for, panel_member, next_meeting
):
    member = client_for(panel_member)
    page = member.get(reverse("panel:staff-meeting", args=[next_meeting.pk]))
    assert page.status_code == 200
    # The page offers no change the member may not make: the same rule gives the flag.
    assert reverse("panel:meeting-edit", args=[next_meeting.pk]) not in page.content.decode()
    assert member.get(reverse("panel:meeting-edit", args=[next_meeting.pk])).status_code == 403
