"""Every audited change to engagement records goes through here: permission, atomic, audit."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_if_versioned
from pcplan.core.models import User
from pcplan.engagement import permissions
from pcplan.engagement.models import Concern, Event

M = TypeVar("M", bound=models.Model)

ERASURE_REASON = "Personal details erased (retention period): {fields}; case notes"
ERASED_SUMMARY = "(erased after the retention period)"


def _check(user: User | None) -> None:
    if not permissions.may_run_engagement(user):
        raise PermissionDenied(permissions.REFUSAL)


@transaction.atomic
def save_record(user: User, record: M, reason: str = "", *, version: int | None = None) -> M:
    """Save a consultation, finding, event, concern or output after its form checked it;
    refused (StaleEdit) when it changed after the form was served at `version`."""
    _check(user)
    claim_if_versioned(record, version)
    attributed_to(record, user, reason).save()
    return record


@transaction.atomic
def save_with_m2m(user: User, record: M, save_m2m: object, *, version: int | None = None) -> M:
    """Save a record and then its many-to-many fields (a form's `save_m2m`), both audited;
    refused (StaleEdit) when it changed after the form was served at `version`."""
    _check(user)
    claim_if_versioned(record, version)
    attributed_to(record, user).save()
    if callable(save_m2m):
        save_m2m()
    return record


@transaction.atomic
def concern_from_event(user: User, event: Event, summary: str, topic: str) -> Concern:
    """An issue raised at an event becomes a concern in the case log."""
    _check(user)
    concern = Concern(
        received_on=event.date,
        raised_by=Concern.RaisedBy.RESIDENT,
        area=event.area,
        topic=topic,
        theme=event.theme,
        summary=summary,
        event=event,
    )
    attributed_to(concern, user, gettext("Raised at an event")).save()
    return concern


@transaction.atomic
def erase_personal_data(concern: Concern, today: dt.date, user: User | None = None) -> list[str]:
    """Blank the raiser's details, here and in every earlier history record of the concern.

    The erasure itself is recorded (a history record saying which fields were erased and
    when) without the values: django-simple-history keeps a full copy of the row at every
    change, so erasing only the live row would leave the details in the audit trail.
    The case notes (the concern, actions, response) are free text that may name people, so
    they go too; the area, topic, theme, referral, dates and outcome stay for the counts, and
    the anonymised example stays as the officer wrote it for the public.
    Returns the names of the personal fields that held something.
    """
    erased = [name for name in Concern.PERSONAL_FIELDS if getattr(concern, name)]
    blanks = {
        **dict.fromkeys(Concern.PERSONAL_FIELDS, ""),
        **dict.fromkeys(Concern.CASE_NOTE_FIELDS, ""),
        "summary": ERASED_SUMMARY,
    }
    concern.history.model.objects.filter(id=concern.pk).update(**blanks)
    for name, value in blanks.items():
        setattr(concern, name, value)
    concern.personal_data_erased_on = today
    reason = ERASURE_REASON.format(
        fields=", ".join(n.removeprefix("raiser_") for n in erased) or "none held"
    )
    attributed_to(concern, user, reason).save(update_fields=[*blanks, "personal_data_erased_on"])
    return erased


def erase_expired(today: dt.date, retention_days: int) -> int:
    """Erase the personal details of every concern past retention; how many were erased."""
    count = 0
    for concern in Concern.objects.due_for_erasure(today, retention_days):
        erase_personal_data(concern, today)
        count += 1
    return count
