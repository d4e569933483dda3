"""Reminders for monitoring returns, as Delivery Plan update requests are reminded (the shared
rule is core.reminders): an email to each person of the organisation that owes the return,
once a day at most, until it is in. Award returns are reminded once overdue
(rules.may_remind); commissioned services' quarterly returns from a week before they are due
(rules.may_remind_service_return). Run daily by `pcplan send-grant-return-reminders`."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from pcplan.core import reminders
from pcplan.core.dates import long_date
from pcplan.grants import rules
from pcplan.grants.models import MonitoringReturn, ServiceReturn


def send_return_reminders(*, today: dt.date | None = None, base_url: str = "") -> int:
    """Email reminders for award and service returns; returns the number of emails sent."""
    today = today or timezone.localdate()
    link = base_url.rstrip("/") + reverse("grants:home")
    return _remind_award_returns(today, link) + _remind_service_returns(today, link)


def _remind_award_returns(today: dt.date, link: str) -> int:
    sent = 0
    overdue = MonitoringReturn.objects.overdue(today).select_related(
        "award__recipient", "award__fund"
    )
    for monitoring_return in overdue:
        if not rules.may_remind(
            monitoring_return.due_on,
            monitoring_return.received_on,
            monitoring_return.last_reminded_on,
            today,
        ):
            continue
        award = monitoring_return.award
        recipients = reminders.people_to_remind(award.recipient_id)
        if not recipients:
            continue
        send_mail(
            subject=f"Reminder: monitoring return on {award.fund.name} grant {award.reference} "
            f"was due {long_date(monitoring_return.due_on)}",
            message=(
                f"The monitoring return on the grant {award.reference} from the "
                f"{award.fund.name} to {award.recipient.name} was due on "
                f"{long_date(monitoring_return.due_on)}. Please send the spend to date, "
                f"outputs and outcomes against those sought.\n\n{link}\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
        reminders.mark_reminded(monitoring_return, today)
        sent += len(recipients)
    return sent


def _remind_service_returns(today: dt.date, link: str) -> int:
    sent = 0
    notice = dt.timedelta(days=rules.SERVICE_RETURN_NOTICE_DAYS)
    outstanding = ServiceReturn.objects.filter(
        received_on__isnull=True, due_on__lte=today + notice
    ).select_related("service__provider")
    for service_return in outstanding:
        if not rules.may_remind_service_return(
            service_return.due_on,
            service_return.received_on,
            service_return.last_reminded_on,
            today,
        ):
            continue
        service = service_return.service
        if service.provider_id is None:
            continue
        recipients = reminders.people_to_remind(service.provider_id)
        if not recipients:
            continue
        due = long_date(service_return.due_on)
        quarter = long_date(service_return.period_ends_on)
        overdue = service_return.is_overdue(today)
        send_mail(
            subject=(
                f"Reminder: quarterly return on {service.name} "
                + (f"was due {due}" if overdue else f"due by {due}")
            ),
            message=(
                f"The quarterly return on the commissioned service {service.name} for the "
                f"quarter to {quarter} "
                + (f"was due on {due}" if overdue else f"is due by {due}")
                + ". Please send the activity in the quarter, the spend to date and the "
                f"outcomes against the service's measures.\n\n{link}\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
        reminders.mark_reminded(service_return, today)
        sent += len(recipients)
    return sent
