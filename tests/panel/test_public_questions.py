"""Public questions and statements: the form, the deadline, late marking and the
secretariat's decision (seed 002, agenda item 5 and its footnote)."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from pcplan.panel import services
from pcplan.panel.deadlines import LONDON
from pcplan.panel.models import Meeting, PublicSubmission


def test_a_member_of_the_public_submits_a_question_in_time(client, next_meeting):
    response = client.post(
        reverse("panel:question-new", args=[next_meeting.pk]),
        {
            "kind": "question",
            "name": "A Resident",
            "contact": "a@example.org",
            "text": "How many officers?",
        },
    )
    assert response.status_code == 302
    submission = PublicSubmission.objects.get()
    assert submission.meeting == next_meeting
    assert submission.status == PublicSubmission.Status.RECEIVED
    assert submission.deadline == next_meeting.question_deadline
    assert not submission.is_late
    page = client.get(response["Location"]).content.decode()
    assert "Submission received" in page
    assert "marked late" not in page


def test_the_form_shows_the_deadline(client, next_meeting):
    page = client.get(reverse("panel:question-new", args=[next_meeting.pk])).content.decode()
    assert f"12 noon on {next_meeting.question_deadline:%A %-d %B %Y}" in page


def test_an_empty_form_is_refused_with_gov_uk_errors_and_nothing_saved(client, next_meeting):
    response = client.post(reverse("panel:question-new", args=[next_meeting.pk]), {})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Enter your name" in page
    assert "Enter your question or statement" in page
    assert not PublicSubmission.objects.exists()


def test_the_form_needs_its_csrf_token(next_meeting):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("panel:question-new", args=[next_meeting.pk]),
        {"kind": "question", "name": "A", "contact": "a@example.org", "text": "Q"},
    )
    assert response.status_code == 403
    assert not PublicSubmission.objects.exists()


def test_a_late_question_is_received_but_marked_late(next_meeting):
    deadline = next_meeting.question_deadline
    late = services.submit_public(
        next_meeting,
        kind="question",
        name="Late Resident",
        contact="late@example.org",
        text="Too late?",
        received_at=deadline + dt.timedelta(minutes=1),
    )
    in_time = services.submit_public(
        next_meeting,
        kind="question",
        name="Early Resident",
        contact="early@example.org",
        text="In time?",
        received_at=deadline - dt.timedelta(minutes=1),
    )
    assert late.is_late and not in_time.is_late


def test_seed_002_a_question_for_15_march_2023_after_noon_on_10_march_is_late(held_meeting):
    meeting = Meeting(date=dt.date(2023, 3, 15))
    assert meeting.question_deadline == dt.datetime(2023, 3, 10, 12, tzinfo=LONDON)


def test_statements_are_late_after_noon_on_the_third_working_day_after_the_agenda(next_meeting):
    deadline = next_meeting.statement_deadline
    statement = services.submit_public(
        next_meeting,
        kind="statement",
        name="R",
        contact="r@example.org",
        text="A statement",
        received_at=deadline + dt.timedelta(seconds=1),
    )
    assert statement.is_late
    assert statement.deadline == deadline


def test_questions_for_a_past_meeting_are_refused(client, held_meeting):
    response = client.get(reverse("panel:question-new", args=[held_meeting.pk]))
    assert "Questions are closed" in response.content.decode()
    assert "<form" not in response.content.decode()


def test_the_secretariat_accepts_and_it_appears_on_the_meeting_page(
    client, client_for, secretariat, next_meeting
):
    submission = services.submit_public(
        next_meeting,
        kind="question",
        name="A Resident",
        contact="private@example.org",
        text="How many PCSOs?",
    )
    url = reverse("panel:meeting", args=[next_meeting.pk])
    assert "How many PCSOs?" not in client.get(url).content.decode()
    staff = client_for(secretariat)
    response = staff.post(
        reverse("panel:submission-decide", args=[submission.pk]), {"decision": "accept"}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == PublicSubmission.Status.ACCEPTED
    staff.logout()
    page = client.get(url).content.decode()
    assert "How many PCSOs?" in page
    assert "private@example.org" not in page
    assert "A Resident" not in page  # names are not published on this site


def test_rejecting_needs_a_reason_and_a_rejected_question_stays_private(
    client_for, secretariat, next_meeting
):
    submission = services.submit_public(
        next_meeting, kind="question", name="B", contact="b@example.org", text="Off topic"
    )
    staff = client_for(secretariat)
    url = reverse("panel:submission-decide", args=[submission.pk])
    response = staff.post(url, {"decision": "reject"})
    assert response.status_code == 400
    assert "Enter the reason for rejecting it" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == PublicSubmission.Status.RECEIVED
    staff.post(url, {"decision": "reject", "reason": "Not about the Commissioner's functions."})
    submission.refresh_from_db()
    assert submission.status == PublicSubmission.Status.REJECTED
    assert submission.reason == "Not about the Commissioner's functions."
    staff.logout()
    assert (
        "Off topic"
        not in staff.get(reverse("panel:meeting", args=[next_meeting.pk])).content.decode()
    )


def test_the_public_cannot_open_the_decision_page(client, panel_member, client_for, next_meeting):
    submission = services.submit_public(
        next_meeting, kind="question", name="C", contact="c@example.org", text="Q"
    )
    url = reverse("panel:submission-decide", args=[submission.pk])
    assert client.get(url).status_code == 302  # to sign in
    assert client_for(panel_member).get(url).status_code == 404


def test_the_receipt_page_needs_the_signed_receipt(client, next_meeting):
    submission = services.submit_public(
        next_meeting, kind="question", name="D", contact="d@example.org", text="Q"
    )
    url = reverse("panel:question-received", args=[next_meeting.pk, submission.pk])
    assert client.get(url).status_code == 404
    assert client.get(url + "?r=forged").status_code == 404
