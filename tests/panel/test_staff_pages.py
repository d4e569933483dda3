"""The secretariat's pages: meetings, agenda uploads, minutes, forward plan, recommendations,
actions and the precept, each through its form with GOV.UK errors."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pcplan.panel.models import (
    Action,
    AgendaItem,
    ForwardPlanItem,
    Meeting,
    PanelMember,
    Precept,
    PreceptVote,
    Recommendation,
)
from tests.panel.conftest import make_pdf, served_form


def date_fields(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def test_the_secretariat_adds_a_meeting(client_for, secretariat):
    client = client_for(secretariat)
    response = client.post(
        reverse("panel:meeting-new"),
        {
            **date_fields("date", dt.date(2030, 3, 13)),
            "time": "13:30",
            "venue": "Town Hall",
            "status": "scheduled",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.date == dt.date(2030, 3, 13)
    assert meeting.history.first().history_user == secretariat


def test_a_meeting_saves_with_the_values_its_edit_form_served(
    client_for, secretariat, next_meeting
):
    client = client_for(secretariat)
    url = reverse("panel:meeting-edit", args=[next_meeting.pk])
    page = client.get(url).content.decode()
    data = served_form(page)
    assert data["time"] == ["13:30"]
    data["status"] = ["held"]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    next_meeting.refresh_from_db()
    assert next_meeting.time == dt.time(13, 30)
    assert next_meeting.status == Meeting.Status.HELD


def test_an_agenda_item_saves_with_the_values_its_edit_form_served(
    client_for, secretariat, next_meeting
):
    client = client_for(secretariat)
    url = reverse("panel:agenda-item-edit", args=[next_meeting.pk, 2])
    AgendaItem.objects.filter(number=2).update(exempt_paragraph=3)
    data = served_form(client.get(url).content.decode())
    assert data["exempt_paragraph"] == ["3"]
    assert client.post(url, data).status_code == 302
    item = AgendaItem.objects.get(meeting=next_meeting, number=2)
    assert (item.is_exempt, item.exempt_paragraph) == (True, 3)


def test_an_exempt_item_needs_its_paragraph_of_schedule_12a(client_for, secretariat, next_meeting):
    response = client_for(secretariat).post(
        reverse("panel:agenda-item-new", args=[next_meeting.pk]),
        {"number": 3, "title": "Estates", "kind": "no-papers", "is_exempt": "on"},
    )
    assert response.status_code == 400
    assert "Select the paragraph that makes the item exempt" in response.content.decode()
    assert not AgendaItem.objects.filter(number=3).exists()


def test_a_meeting_without_a_date_is_refused(client_for, secretariat):
    response = client_for(secretariat).post(
        reverse("panel:meeting-new"), {"time": "13:30", "status": "scheduled"}
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_secretariat_uploads_a_pdf_report(client_for, secretariat, next_meeting):
    response = client_for(secretariat).post(
        reverse("panel:agenda-item-new", args=[next_meeting.pk]),
        {
            "number": 3,
            "title": "Trust in Policing - Culture Statement",
            "presenting_body": "OPCC",
            "kind": "standard",
            "report": SimpleUploadedFile("culture.pdf", make_pdf(4, "Culture"), "application/pdf"),
        },
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get(number=3)
    assert item.report_bytes().startswith(b"%PDF")
    assert item.report_filename == "culture.pdf"


def test_a_report_that_is_not_a_pdf_is_refused(client_for, secretariat, next_meeting):
    response = client_for(secretariat).post(
        reverse("panel:agenda-item-new", args=[next_meeting.pk]),
        {
            "number": 3,
            "title": "Report",
            "kind": "standard",
            "report": SimpleUploadedFile("notes.docx", b"PK\x03\x04", "application/octet-stream"),
        },
    )
    assert response.status_code == 400
    assert "notes.docx is not a PDF file" in response.content.decode()
    assert not AgendaItem.objects.filter(number=3).exists()


def test_the_secretariat_adds_a_minute_with_numbered_questions(
    client_for, secretariat, held_meeting
):
    client_for(secretariat).post(
        reverse("panel:minute-new", args=[held_meeting.pk]),
        {
            "title": "Precept Report",
            "text": "The Panel received a report.",
            "questions": "One.\n\nTwo.",
            "resolution": "agreed",
        },
    )
    minute = held_meeting.minute_items.get()
    assert minute.number == 1
    assert minute.questions.count() == 2


def test_forward_plan_items_are_added_and_moved(
    client_for, secretariat, held_meeting, next_meeting
):
    later = Meeting.objects.create(date=next_meeting.date + dt.timedelta(days=90))
    client = client_for(secretariat)
    client.post(
        reverse("panel:planned-item-new", args=[next_meeting.pk]),
        {"title": "Trust in Policing – Culture Statement", "requested_at": held_meeting.pk},
    )
    item = ForwardPlanItem.objects.get()
    assert item.requested_at == held_meeting
    client.post(reverse("panel:planned-item-move", args=[item.pk]), {"to": later.pk})
    item.refresh_from_db()
    assert item.meeting == later


def test_a_recommendation_links_deliverables_and_gets_its_response(
    client_for, secretariat, held_meeting, constabulary_deliverable
):
    client = client_for(secretariat)
    client.post(
        reverse("panel:recommendation-new", args=[held_meeting.pk]),
        {
            "text": "Report back on social care.",
            **date_fields("made_on", held_meeting.date),
            **date_fields("response_due", held_meeting.date + dt.timedelta(days=42)),
            "deliverables": [constabulary_deliverable.pk],
        },
    )
    rec = Recommendation.objects.get()
    assert list(rec.deliverables.all()) == [constabulary_deliverable]
    client.post(
        reverse("panel:recommendation-response", args=[rec.pk]),
        {
            "text": "Dear Edward",
            **date_fields("date", held_meeting.date + dt.timedelta(days=2)),
            "published": "on",
        },
    )
    rec.refresh_from_db()
    assert rec.response_published and rec.closed


def test_a_response_due_before_the_recommendation_is_refused(client_for, secretariat, held_meeting):
    response = client_for(secretariat).post(
        reverse("panel:recommendation-new", args=[held_meeting.pk]),
        {
            "text": "X",
            **date_fields("made_on", held_meeting.date),
            **date_fields("response_due", held_meeting.date - dt.timedelta(days=1)),
        },
    )
    assert response.status_code == 400
    assert "on or after the date made" in response.content.decode()
    assert not Recommendation.objects.exists()


def test_actions_are_added_and_closed(client_for, secretariat, held_meeting):
    client = client_for(secretariat)
    client.post(
        reverse("panel:action-new", args=[held_meeting.pk]),
        {"item": "Video doorbells", "action": "Update Cllr Tierney"},
    )
    entry = Action.objects.get()
    client.post(reverse("panel:action-close", args=[entry.pk]), {"outcome": "Met and updated."})
    entry.refresh_from_db()
    assert entry.closed


def test_the_precept_is_proposed_voted_on_and_answered(client_for, secretariat, panel_of_13):
    meeting = Meeting.objects.create(date=dt.date(2023, 2, 1), status=Meeting.Status.HELD)
    client = client_for(secretariat)
    client.post(
        reverse("panel:precept-new"),
        {
            "financial_year_start": 2023,
            "band_d": "285.57",
            "previous_band_d": "270.57",
            **date_fields("notified_on", dt.date(2023, 1, 23)),
            "meeting": meeting.pk,
            "signed_by": "Edward Leigh",
        },
    )
    the_precept = Precept.objects.get()
    votes = {f"vote_{m.pk}": "veto" for m in panel_of_13[:8]}
    votes |= {f"vote_{m.pk}": "absent" for m in panel_of_13[8:]}
    response = client.post(
        reverse("panel:precept-decision", args=[2023]),
        {**votes, **date_fields("report_date", dt.date(2023, 2, 2)), "veto_reason": "too-high"},
    )
    assert response.status_code == 302
    the_precept.refresh_from_db()
    assert the_precept.outcome == Precept.Outcome.NO_VETO  # 8 of 13 is short of two-thirds
    assert the_precept.votes.filter(vote=PreceptVote.Vote.VETO).count() == 8
    page = client.get(reverse("panel:staff-precept", args=[2023])).content.decode()
    assert "13 members at the time; a veto needed 9" in page
    assert "8 February 2023" in page


def test_a_panel_member_reads_the_precept_page_but_may_not_record_the_vote(
    client_for, panel_member, secretariat
):
    Precept.objects.create(financial_year_start=2023, notified_on=dt.date(2023, 1, 23))
    client = client_for(panel_member)
    assert client.get(reverse("panel:staff-precept", args=[2023])).status_code == 200
    assert client.get(reverse("panel:precept-decision", args=[2023])).status_code == 403


def test_the_secretariat_fills_in_page_ranges(client_for, secretariat, next_meeting):
    """The worker fills them in (tests/panel/test_page_ranges_in_the_worker.py): the request
    starts the job and goes to its page."""
    response = client_for(secretariat).post(
        reverse("panel:fill-page-ranges", args=[next_meeting.pk])
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/jobs/")
    assert next_meeting.agenda_items.get(number=1).page_range == ""


def test_attendance_apologies_and_substitutes_are_recorded(client_for, secretariat, panel_of_13):
    meeting = Meeting.objects.create(
        date=dt.date(2023, 2, 1), status=Meeting.Status.HELD, minutes_published=True
    )
    sub = PanelMember.objects.get(kind="substitute")
    absent = panel_of_13[0]
    data = {f"status_{m.pk}": "present" for m in panel_of_13[1:]}
    data[f"status_{absent.pk}"] = "apologies"
    data[f"status_{sub.pk}"] = "substitute"
    client = client_for(secretariat)
    url = reverse("panel:attendance", args=[meeting.pk])
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert f"Choose whom {sub.name} substituted for" in refused.content.decode()
    assert not meeting.attendances.exists()
    data[f"for_{sub.pk}"] = absent.pk
    assert client.post(url, data).status_code == 302
    assert meeting.attendances.filter(status="present").count() == 12
    assert meeting.attendances.get(member=sub).substitute_for == absent
    page = " ".join(
        client.get(reverse("panel:meeting", args=[meeting.pk])).content.decode().split()
    )
    assert f"{sub.name} (substitute for {absent.name})" in page
    assert "Apologies:</strong> Councillor 1" in page


def test_declarations_and_others_present_appear_in_the_minutes(
    client_for, client, secretariat, panel_of_13
):
    meeting = Meeting.objects.create(
        date=dt.date(2023, 2, 1), status=Meeting.Status.HELD, minutes_published=True
    )
    staff = client_for(secretariat)
    staff.post(
        reverse("panel:declaration-new", args=[meeting.pk]),
        {"member": panel_of_13[0].pk, "interest": "Member of the Fire Authority"},
    )
    staff.post(
        reverse("panel:other-attendee-new", args=[meeting.pk]),
        {"kind": "officer", "name": "Jane Webb", "role": "Senior Democratic Services Officer"},
    )
    staff.logout()
    page = client.get(reverse("panel:meeting", args=[meeting.pk])).content.decode()
    assert "Member of the Fire Authority" in page
    assert "Jane Webb – Senior Democratic Services Officer" in page


def test_membership_over_time_is_kept_with_start_and_end_dates(client_for, secretariat):
    client = client_for(secretariat)
    response = client.post(
        reverse("panel:member-new"),
        {
            "name": "Councillor A Sharp",
            "kind": "councillor",
            "authority": "Peterborough City Council",
            "office": "member",
            **date_fields("start_date", dt.date(2022, 7, 20)),
        },
    )
    assert response.status_code == 302
    member = PanelMember.objects.get()
    refused = client.post(
        reverse("panel:member-edit", args=[member.pk]),
        {
            "name": member.name,
            "kind": "councillor",
            "office": "member",
            **date_fields("start_date", dt.date(2022, 7, 20)),
            **date_fields("end_date", dt.date(2022, 1, 1)),
        },
    )
    assert refused.status_code == 400
    assert "on or after the start date" in refused.content.decode()
    client.post(
        reverse("panel:member-edit", args=[member.pk]),
        {
            "name": member.name,
            "kind": "councillor",
            "office": "member",
            **date_fields("start_date", dt.date(2022, 7, 20)),
            **date_fields("end_date", dt.date(2023, 5, 4)),
        },
    )
    member.refresh_from_db()
    assert member.end_date == dt.date(2023, 5, 4)
    assert member.is_member_on(dt.date(2023, 2, 1)) and not member.is_member_on(dt.date(2023, 6, 1))
    assert member.history.count() == 2


def test_the_secretariat_records_the_approval_of_minutes_at_a_later_meeting(
    client_for, secretariat, panel_member, held_meeting, next_meeting
):
    from pcplan.panel.models import MinuteItem

    MinuteItem.objects.create(meeting=held_meeting, number=40, title="Apologies for Absence")
    client = client_for(secretariat)
    url = reverse("panel:minutes-approve", args=[held_meeting.pk])
    response = client.post(url, {"amendments": "Paragraph 25: delete “that it was”."})
    assert response.status_code == 400
    assert "Choose the meeting at which the minutes were approved" in response.content.decode()
    response = client.post(
        url, {"at": next_meeting.pk, "amendments": "Paragraph 25: delete “that it was”."}
    )
    assert response.status_code == 302
    held_meeting.refresh_from_db()
    assert held_meeting.minutes_approved_at == next_meeting
    assert held_meeting.minutes_amendments.startswith("Paragraph 25")
    assert held_meeting.status == Meeting.Status.MINUTES_APPROVED
    page = client.get(reverse("panel:staff-meeting", args=[held_meeting.pk])).content.decode()
    assert "Approved at the meeting of" in page
    assert client_for(panel_member).post(url, {"at": next_meeting.pk}).status_code == 403


def test_the_secretariat_corrects_a_draft_minute_keeping_its_number(
    client_for, secretariat, held_meeting, next_meeting
):
    from pcplan.panel import services
    from pcplan.panel.models import MinuteItem

    minute = services.add_minute(
        secretariat, held_meeting, title="Precept Report", questions=["Q one", "Q two"]
    )
    client = client_for(secretariat)
    url = reverse("panel:minute-edit", args=[minute.pk])
    response = client.post(
        url,
        {"title": "Precept Report 2023/24", "resolution": "agreed", "questions": "Q one\n\nQ 2"},
    )
    assert response.status_code == 302
    minute.refresh_from_db()
    assert minute.title == "Precept Report 2023/24"
    assert [q.text for q in minute.questions.all()] == ["Q one", "Q 2"]
    assert MinuteItem.objects.get(pk=minute.pk).number == minute.number
    services.approve_minutes(secretariat, held_meeting, at=next_meeting)
    response = client.post(url, {"title": "Rewritten after approval"})
    assert response.status_code == 400
    assert "have been approved" in response.content.decode()
    minute.refresh_from_db()
    assert minute.title == "Precept Report 2023/24"


def test_the_secretariat_corrects_an_agenda_item_and_numbers_stay_unique(
    client_for, secretariat, next_meeting
):
    items = list(next_meeting.agenda_items.order_by("number"))
    first, second = items[0], items[1]
    client = client_for(secretariat)
    url = reverse("panel:agenda-item-edit", args=[next_meeting.pk, first.number])
    response = client.post(url, {"number": second.number, "title": "Clash", "kind": first.kind})
    assert response.status_code == 400
    assert "Another item of this meeting has this number" in response.content.decode()
    response = client.post(
        url,
        {"number": first.number, "title": "Apologies for Absence (corrected)", "kind": first.kind},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.title == "Apologies for Absence (corrected)"
