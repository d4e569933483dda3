"""The contact details of people who send the Panel a question or statement are erased a set
time after the meeting, by the same daily command that erases concerns' personal details."""

from __future__ import annotations

import datetime as dt
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from pcplan.panel import services
from pcplan.panel.models import PublicSubmission


def submit(meeting, contact: str = "resident@example.org") -> PublicSubmission:
    return services.submit_public(
        meeting, kind="question", name="A Resident", contact=contact, text="How many officers?"
    )


def erase(today: dt.date, days: int = 180) -> str:
    out = StringIO()
    call_command(
        "erase_expired_personal_data",
        f"--submission-days={days}",
        f"--today={today.isoformat()}",
        stdout=out,
    )
    return out.getvalue()


def test_contact_details_are_erased_after_the_retention_period_and_from_the_history(
    next_meeting,
):
    submission = submit(next_meeting)
    kept = erase(next_meeting.date + dt.timedelta(days=179))
    assert "from 0 public question(s)" in kept
    submission.refresh_from_db()
    assert submission.contact == "resident@example.org"

    said = erase(next_meeting.date + dt.timedelta(days=180))

    assert "from 1 public question(s) and statement(s)" in said
    submission.refresh_from_db()
    assert submission.contact == ""
    assert submission.contact_erased_on == next_meeting.date + dt.timedelta(days=180)
    assert submission.name == "A Resident"
    assert submission.text == "How many officers?"
    records = submission.history.all()
    assert all(record.contact == "" for record in records)
    assert records.first().history_change_reason.startswith("Contact details erased")


def test_running_the_command_again_erases_nothing_more(next_meeting):
    submit(next_meeting)
    later = next_meeting.date + dt.timedelta(days=400)
    erase(later)
    assert "from 0 public question(s)" in erase(later)
    assert PublicSubmission.objects.get().history.count() == 2


def test_the_secretariat_sees_that_the_contact_was_erased(client_for, secretariat, next_meeting):
    submission = submit(next_meeting)
    erase(next_meeting.date + dt.timedelta(days=365))
    page = client_for(secretariat).get(reverse("panel:submission-decide", args=[submission.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Erased after the retention period" in body
    assert "resident@example.org" not in body
