"""The Panel's numbers and records hold when two people act at the same moment: minutes take
different numbers, two precept decisions take turns, a question sent twice is kept once, and
approved minutes take no more minutes."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.urls import reverse

from pcplan.panel import services
from pcplan.panel.models import Meeting, MinuteItem, Precept, PreceptVote, PublicSubmission

on_postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite lets one connection write at a time, so two writes cannot overlap there",
)


def overlapping(first: Callable[[], Any], second: Callable[[], Any]) -> dict[str, Any]:
    """Run `first` in its own connection and hold its transaction open after it has written,
    while `second` runs in another connection; the result or exception of each."""
    written = threading.Event()
    outcome: dict[str, Any] = {}

    def run_first() -> None:
        try:
            with transaction.atomic():
                outcome["first"] = first()
                written.set()
                time.sleep(0.5)
        except Exception as exc:
            outcome["first"] = exc
        finally:
            written.set()
            connection.close()

    def run_second() -> None:
        written.wait(5)
        try:
            outcome["second"] = second()
        except Exception as exc:
            outcome["second"] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(15)
    return outcome


@pytest.fixture
def other_held_meeting(db, held_meeting):
    return Meeting.objects.create(
        date=held_meeting.date + dt.timedelta(days=7), status=Meeting.Status.HELD
    )


@pytest.fixture
def proposal(db):
    meeting = Meeting.objects.create(date=dt.date(2023, 2, 1), status=Meeting.Status.HELD)
    return Precept.objects.create(
        financial_year_start=2023,
        notified_on=dt.date(2023, 1, 23),
        meeting=meeting,
        band_d=Decimal("285.57"),
        previous_band_d=Decimal("270.57"),
        signed_by="Edward Leigh",
    )


def question(text: str = "How many officers?") -> dict[str, Any]:
    return {"kind": "question", "name": "A Resident", "contact": "a@example.org", "text": text}


def test_a_minute_cannot_be_added_to_approved_minutes(
    client_for, secretariat, held_meeting, other_held_meeting
):
    services.add_minute(secretariat, held_meeting, title="Apologies for Absence")
    services.approve_minutes(secretariat, held_meeting, at=other_held_meeting)

    response = client_for(secretariat).post(
        reverse("panel:minute-new", args=[held_meeting.pk]), {"title": "An afterthought"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "These minutes have been approved, so no minute can be added to them." in page
    titles = list(held_meeting.minute_items.values_list("title", flat=True))
    assert titles == ["Apologies for Absence"]
    with pytest.raises(ValidationError):
        services.add_minute(secretariat, held_meeting, title="An afterthought")


def test_an_identical_question_sent_twice_is_kept_once(client, next_meeting):
    url = reverse("panel:question-new", args=[next_meeting.pk])
    first = client.post(url, question())
    again = client.post(url, question())

    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert PublicSubmission.objects.count() == 1


def test_a_different_question_from_the_same_person_is_kept(client, next_meeting):
    url = reverse("panel:question-new", args=[next_meeting.pk])
    client.post(url, question())
    client.post(url, question("And how many PCSOs?"))
    assert PublicSubmission.objects.count() == 2


def test_the_same_question_sent_again_after_the_window_is_kept(next_meeting):
    now = dt.datetime.now(dt.UTC)
    values = question()
    first = services.submit_public(next_meeting, **values, received_at=now)
    later = now + services.DUPLICATE_SUBMISSION_WINDOW + dt.timedelta(seconds=1)
    second = services.submit_public(next_meeting, **values, received_at=later)
    assert first.pk != second.pk


@pytest.mark.django_db(transaction=True)
@on_postgresql_only
def test_two_minutes_added_at_once_to_two_meetings_take_the_next_two_numbers(
    secretariat, held_meeting, other_held_meeting
):
    outcome = overlapping(
        lambda: services.add_minute(secretariat, held_meeting, title="Apologies"),
        lambda: services.add_minute(secretariat, other_held_meeting, title="Apologies"),
    )

    assert all(isinstance(v, MinuteItem) for v in outcome.values()), outcome
    assert sorted(MinuteItem.objects.values_list("number", flat=True)) == [1, 2]


@pytest.mark.django_db(transaction=True)
@on_postgresql_only
def test_two_minutes_added_at_once_to_one_meeting_take_the_next_two_numbers(
    secretariat, held_meeting
):
    outcome = overlapping(
        lambda: services.add_minute(secretariat, held_meeting, title="Apologies"),
        lambda: services.add_minute(secretariat, held_meeting, title="Declarations"),
    )

    assert all(isinstance(v, MinuteItem) for v in outcome.values()), outcome
    assert sorted(MinuteItem.objects.values_list("number", flat=True)) == [1, 2]


@pytest.mark.django_db(transaction=True)
@on_postgresql_only
def test_a_minute_added_while_the_minutes_are_approved_waits_and_is_refused(
    secretariat, held_meeting, other_held_meeting
):
    outcome = overlapping(
        lambda: services.approve_minutes(secretariat, held_meeting, at=other_held_meeting),
        lambda: services.add_minute(secretariat, held_meeting, title="An afterthought"),
    )

    assert isinstance(outcome["second"], ValidationError), outcome
    assert not MinuteItem.objects.exists()


@pytest.mark.django_db(transaction=True)
@on_postgresql_only
def test_two_precept_decisions_recorded_at_once_leave_one_set_of_votes(
    secretariat, panel_of_13, proposal
):
    def decide() -> Precept:
        return services.record_precept_decision(
            secretariat,
            Precept.objects.get(pk=proposal.pk),
            votes={m.pk: PreceptVote.Vote.NO_VETO for m in panel_of_13},
            report_date=dt.date(2023, 2, 2),
        )

    outcome = overlapping(decide, decide)

    assert all(isinstance(v, Precept) for v in outcome.values()), outcome
    assert PreceptVote.objects.filter(precept=proposal).count() == 13
    proposal.refresh_from_db()
    assert proposal.outcome == Precept.Outcome.NO_VETO


@pytest.mark.django_db(transaction=True)
@on_postgresql_only
def test_an_identical_question_sent_twice_at_once_is_kept_once(next_meeting):
    def send() -> PublicSubmission:
        return services.submit_public(next_meeting, **question())

    outcome = overlapping(send, send)

    assert all(isinstance(v, PublicSubmission) for v in outcome.values()), outcome
    assert outcome["first"].pk == outcome["second"].pk
    assert PublicSubmission.objects.count() == 1
