"""Overdue monitoring returns are reminded once a day at most, until they are in."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command

from pcplan.grants.models import MonitoringReturn
from pcplan.grants.reminders import send_return_reminders
from tests.factories import UserFactory
from tests.grants.conftest import make_award

pytestmark = pytest.mark.django_db

DUE = dt.date(2023, 2, 28)


@pytest.fixture
def due_return(fund, csp):
    UserFactory(username="csp-lead", organisation=csp, email="lead@csp.example.org")
    award = make_award(fund, csp, reference="scf-9")
    return MonitoringReturn.objects.create(award=award, due_on=DUE)


def test_no_reminder_on_the_due_date_itself(due_return):
    assert send_return_reminders(today=DUE) == 0
    assert mail.outbox == []


def test_the_day_after_one_reminder_goes_and_not_a_second_that_day(due_return):
    day_after = DUE + dt.timedelta(days=1)
    assert send_return_reminders(today=day_after) == 1
    assert send_return_reminders(today=day_after) == 0
    assert len(mail.outbox) == 1
    assert "scf-9" in mail.outbox[0].subject
    assert mail.outbox[0].to == ["lead@csp.example.org"]
    due_return.refresh_from_db()
    assert due_return.last_reminded_on == day_after
    assert send_return_reminders(today=day_after + dt.timedelta(days=1)) == 1


def test_no_reminder_once_the_return_is_in(due_return):
    due_return.received_on = DUE
    due_return.save()
    assert send_return_reminders(today=DUE + dt.timedelta(days=5)) == 0
    assert mail.outbox == []


def test_the_command_reports_what_it_sent(due_return, capsys):
    call_command("send_grant_return_reminders")
    assert "Sent 1 reminder." in capsys.readouterr().out


def test_an_officer_records_the_return_and_it_is_no_longer_overdue(client, editor, due_return):
    client.force_login(editor)
    url = f"/staff/grants/awards/{due_return.award_id}/returns/{due_return.pk}/"
    response = client.post(
        url,
        {
            "received_on_day": "3",
            "received_on_month": "3",
            "received_on_year": "2023",
            "spend_to_date": "2500.10",
            "outputs": "400 bikes marked.",
        },
    )
    assert response.status_code == 302
    due_return.refresh_from_db()
    assert due_return.received_on == dt.date(2023, 3, 3)
    assert due_return.spend_to_date == Decimal("2500.10")
    assert not due_return.is_overdue(dt.date(2023, 6, 1))
    assert send_return_reminders(today=dt.date(2023, 6, 1)) == 0
