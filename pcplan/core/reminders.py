"""One place for email reminders (issue 10): who is reminded of what, and never twice the
same day. Delivery Plan update requests (`pcplan send-update-reminders`), grant award returns
and commissioned services' quarterly returns (`pcplan send-grant-return-reminders`) all use
it: a `LastRemindedField` on the thing reminded, `may_remind` to decide, `people_to_remind`
for the addresses and `mark_reminded` to record it, audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from pcplan.core.audit import attributed_to


def may_remind(
    today: dt.date,
    last_reminded_on: dt.date | None,
    *,
    from_on: dt.date | None = None,
    until_on: dt.date | None = None,
) -> bool:
    """True if a reminder may go today: today is within [from_on, until_on] (either end
    open when None) and none went today already (nor, with a clock set back, later)."""
    if from_on is not None and today < from_on:
        return False
    if until_on is not None and today > until_on:
        return False
    return last_reminded_on is None or last_reminded_on < today


class LastRemindedField(models.DateField):
    """The day the last reminder went, in the office's time zone; empty until one has."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("verbose_name", _("last reminded"))
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)


def people_to_remind(organisation_id: int) -> list[str]:
    """The email addresses of an organisation's active people, in a stable order."""
    from pcplan.core.models import User

    return list(
        User.objects.filter(organisation_id=organisation_id, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )


def mark_reminded(obj: models.Model, today: dt.date, field: str = "last_reminded_on") -> None:
    """Record that `obj` was reminded today, in its history as "Reminder sent"."""
    setattr(obj, field, today)
    attributed_to(obj, None, "Reminder sent").save(update_fields=[field])
