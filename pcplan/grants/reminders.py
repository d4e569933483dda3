"""Reminders for overdue monitoring returns, as Delivery Plan update requests are reminded:
an email to each person of the recipient organisation, once a day at most, until it is in
(rules.may_remind). Run daily by `pcplan send-grant-return-reminders` from cron or a timer."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from pcplan.core.audit import attributed_to
from pcplan.core.models import User
from pcplan.grants import rules
from pcplan.grants.models import MonitoringReturn


def send_return_reminders(*, today: dt.date | None = None, base_url: str = "") -> int:
    """Email reminders for overdue returns; returns the number of emails sent."""
    today = today or timezone.localdate()
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
        recipients = list(
            User.objects.filter(organisation_id=award.recipient_id, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
        if not recipients:
            continue
        link = base_url.rstrip("/") + reverse("grants:home")
        send_mail(
            subject=f"Reminder: monitoring return on {award.fund.name} grant {award.reference} "
            f"was due {monitoring_return.due_on:%-d %B %Y}",
            message=(
                f"The monitoring return on the grant {award.reference} from the "
                f"{award.fund.name} to {award.recipient.name} was due on "
                f"{monitoring_return.due_on:%-d %B %Y}. Please send the spend to date, "
                f"outputs and outcomes against those sought.\n\n{link}\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
        monitoring_return.last_reminded_on = today
        attributed_to(monitoring_return, None, "Reminder sent").save(
            update_fields=["last_reminded_on"]
        )
        sent += len(recipients)
    return sent
