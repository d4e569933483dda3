"""Concerns keep the raiser's details only for the retention period, and the audit trail
records the erasure without keeping what was erased."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from pcplan.engagement import services
from pcplan.engagement.models import Concern
from tests.engagement.conftest import PLANTED, PLANTED_EMAIL, PLANTED_NAME

pytestmark = pytest.mark.django_db

TODAY = dt.date(2024, 6, 1)


def close(concern: Concern, on: dt.date) -> None:
    concern.outcome = Concern.Outcome.RESOLVED
    concern.closed_on = on
    concern.raiser_email = "changed.later@example.org"
    concern.save()


def history_values(concern: Concern) -> list[str]:
    rows = concern.history.values_list(*Concern.PERSONAL_FIELDS)
    return [value for row in rows for value in row if value]


def test_erasure_blanks_the_details_and_every_history_record_of_them(concern):
    close(concern, dt.date(2023, 1, 1))
    assert PLANTED_EMAIL in history_values(concern)
    erased = services.erase_personal_data(concern, TODAY)
    concern.refresh_from_db()
    assert erased == list(Concern.PERSONAL_FIELDS)
    assert [getattr(concern, f) for f in Concern.PERSONAL_FIELDS] == ["", "", "", ""]
    assert concern.personal_data_erased_on == TODAY
    assert history_values(concern) == []
    latest = concern.history.first()
    assert latest.history_change_reason == (
        "Personal details erased (retention period): name, email, phone, address; case notes"
    )
    assert concern.summary == services.ERASED_SUMMARY
    assert not concern.history.filter(summary__contains=PLANTED_NAME).exists()
    for value in PLANTED:
        assert value not in latest.history_change_reason


def test_the_command_erases_only_concerns_closed_longer_ago_than_the_retention(concern, editor):
    close(concern, dt.date(2023, 1, 1))
    recent = Concern.objects.create(
        received_on=dt.date(2024, 5, 1),
        raised_by=Concern.RaisedBy.COUNCILLOR,
        raiser_name="Recent Person",
        topic=Concern.Topic.ASB,
        summary="ASB",
        outcome=Concern.Outcome.RESOLVED,
        closed_on=dt.date(2024, 5, 20),
    )
    still_open = Concern.objects.create(
        received_on=dt.date(2020, 1, 1),
        raised_by=Concern.RaisedBy.BUSINESS,
        raiser_name="Open Person",
        topic=Concern.Topic.DRUGS,
        summary="Drugs",
    )
    out = StringIO()
    call_command("erase_expired_personal_data", "--days=365", "--today=2024-06-01", stdout=out)
    assert "from 1 concern(s)" in out.getvalue()
    for record in (concern, recent, still_open):
        record.refresh_from_db()
    assert concern.raiser_name == ""
    assert recent.raiser_name == "Recent Person"
    assert still_open.raiser_name == "Open Person"


def test_running_the_command_again_erases_nothing_more(concern):
    close(concern, dt.date(2023, 1, 1))
    call_command(
        "erase_expired_personal_data", "--days=30", "--today=2024-06-01", stdout=StringIO()
    )
    out = StringIO()
    call_command("erase_expired_personal_data", "--days=30", "--today=2024-06-01", stdout=out)
    assert "from 0 concern(s)" in out.getvalue()
    assert concern.history.count() == 3


def test_officers_see_open_concerns_and_how_long_they_have_been_open(client_for, editor, concern):
    response = client_for(editor).get("/staff/engagement/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bike theft" in body
    days = (dt.date.today() - concern.received_on).days
    assert f">{days}</td>" in body


def test_an_issue_raised_at_an_event_becomes_a_concern(client_for, editor):
    from pcplan.engagement.models import Event

    event = Event.objects.create(
        title="District Day",
        kind=Event.Kind.DISTRICT_DAY,
        date=dt.date(2023, 1, 17),
        area="Fenland",
    )
    response = client_for(editor).post(
        f"/staff/engagement/events/{event.pk}/",
        {"summary": "Hare coursing on farmland", "topic": Concern.Topic.RURAL_CRIME},
    )
    assert response.status_code == 302
    concern = Concern.objects.get(event=event)
    assert (concern.area, concern.received_on) == ("Fenland", dt.date(2023, 1, 17))
    assert concern.history.first().history_user == editor


def test_logging_a_concern_on_the_staff_page_is_audited(client_for, editor):
    response = client_for(editor).post(
        "/staff/engagement/concerns/new/",
        {
            "received_on_day": "3",
            "received_on_month": "10",
            "received_on_year": "2022",
            "raised_by": "councillor",
            "raiser_name": PLANTED_NAME,
            "area": "Cambridge",
            "topic": "bike-theft",
            "summary": "Bike theft at the station",
            "outcome": "open",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    concern = Concern.objects.get()
    assert concern.raiser_name == PLANTED_NAME
    assert concern.history.get().history_user == editor


def test_the_audit_history_page_shows_the_erasure_but_not_the_erased_details(
    client_for, editor, concern
):
    close(concern, dt.date(2023, 1, 1))
    services.erase_personal_data(concern, TODAY)
    response = client_for(editor).get(f"/staff/engagement/concerns/{concern.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Personal details erased (retention period): name, email, phone, address" in body
    assert services.ERASED_SUMMARY in body
    for value in (*PLANTED, "changed.later@example.org"):
        assert value not in body
