"""Overdue monitoring returns are reminded once a day at most, until they are in."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from pcplan.grants import services
from pcplan.grants.models import CommissionedService, MonitoringReturn, ServiceReturn
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


def test_overdue_returns_are_listed_for_officers_and_not_for_the_recipient(
    client, editor, csp_user, due_return
):
    """The fixture's return fell due on 28 February 2023, so it is overdue today."""
    client.force_login(editor)
    page = client.get(reverse("grants:home")).content.decode()
    assert "Overdue monitoring returns" in page
    assert reverse("grants:award-detail", args=[due_return.award_id]) in page
    assert "due 28 February 2023" in page
    client.force_login(csp_user)
    page = client.get(reverse("grants:home")).content.decode()
    assert "Overdue monitoring returns" not in page


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
            "outcomes": "Cycle theft down a fifth against the fall sought.",
        },
    )
    assert response.status_code == 302
    due_return.refresh_from_db()
    assert due_return.received_on == dt.date(2023, 3, 3)
    assert due_return.spend_to_date == Decimal("2500.10")
    assert due_return.outputs == "400 bikes marked."
    assert due_return.outcomes == "Cycle theft down a fifth against the fall sought."
    assert not due_return.is_overdue(dt.date(2023, 6, 1))
    assert send_return_reminders(today=dt.date(2023, 6, 1)) == 0


TODAY = dt.date(2024, 7, 1)


@pytest.fixture
def provider(charity):
    UserFactory(username="provider-lead", organisation=charity, email="hub@charity.example.org")
    UserFactory(username="provider-away", organisation=charity, email="", is_active=True)
    UserFactory(
        username="provider-gone",
        organisation=charity,
        email="gone@charity.example.org",
        is_active=False,
    )
    return CommissionedService.objects.create(key="hub", name="Victims' hub", provider=charity)


def service_return(service, due_on, period_ends_on=dt.date(2024, 6, 30)):
    return ServiceReturn.objects.create(
        service=service, period_ends_on=period_ends_on, due_on=due_on
    )


def test_a_service_return_due_in_a_week_is_reminded_once_a_day(provider):
    due = service_return(provider, TODAY + dt.timedelta(days=7))
    assert send_return_reminders(today=TODAY - dt.timedelta(days=1)) == 0
    assert send_return_reminders(today=TODAY) == 1
    assert send_return_reminders(today=TODAY) == 0
    [email] = mail.outbox
    assert email.to == ["hub@charity.example.org"]
    assert email.subject == "Reminder: quarterly return on Victims' hub due by 8 July 2024"
    assert "quarter to 30 June 2024" in email.body
    due.refresh_from_db()
    assert due.last_reminded_on == TODAY
    assert send_return_reminders(today=TODAY + dt.timedelta(days=1)) == 1


def test_an_overdue_service_return_is_reminded_once_a_day_until_it_is_in(provider, editor):
    overdue = service_return(provider, TODAY - dt.timedelta(days=3))
    assert send_return_reminders(today=TODAY) == 1
    assert send_return_reminders(today=TODAY) == 0
    assert (
        mail.outbox[0].subject == "Reminder: quarterly return on Victims' hub was due 28 June 2024"
    )
    services.record_service_return(
        editor, overdue, received_on=TODAY, spend_to_date=None, activity="", outcomes=""
    )
    assert send_return_reminders(today=TODAY + dt.timedelta(days=1)) == 0
    assert len(mail.outbox) == 1
    assert overdue.history.filter(history_change_reason="Reminder sent").count() == 1


def test_a_service_without_a_provider_is_not_reminded(provider):
    provider.provider = None
    provider.save()
    service_return(provider, TODAY)
    assert send_return_reminders(today=TODAY) == 0


def test_the_command_reminds_award_and_service_returns_in_one_run(due_return, provider, capsys):
    today = timezone.localdate()
    service_return(provider, today + dt.timedelta(days=7))
    service_return(provider, today - dt.timedelta(days=1), period_ends_on=dt.date(2024, 3, 31))
    call_command("send_grant_return_reminders")
    call_command("send_grant_return_reminders")
    out = capsys.readouterr().out
    assert "Sent 3 reminders." in out
    assert "Sent 0 reminders." in out
    assert sorted(m.to[0] for m in mail.outbox) == [
        "hub@charity.example.org",
        "hub@charity.example.org",
        "lead@csp.example.org",
    ]


def test_the_reminder_dates_the_return_in_welsh_when_welsh_is_the_language(due_return):
    with translation.override("cy"):
        send_return_reminders(today=DUE + dt.timedelta(days=1))
    assert "was due 28 Chwefror 2023" in mail.outbox[0].subject
    assert "was due on 28 Chwefror 2023." in mail.outbox[0].body
