"""Every change to the Delivery Plan goes through here: permission-checked, atomic, audited.

HTML views, the command line and (later) the API call these functions, never the ORM directly.
Publishing deliverables and updates is `pcplan.core.publishing.set_published`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_version
from pcplan.core.models import Organisation, User
from pcplan.delivery import permissions
from pcplan.delivery.models import Deliverable, Task, Update
from pcplan.plans.permissions import require


@transaction.atomic
def post_update(user: User, deliverable: Deliverable, *, text: str, date: dt.date) -> Update:
    """Add an unpublished progress update; an editor publishes it separately."""
    require(permissions.can_post_update(user, deliverable), permissions.NOT_YOUR_DELIVERABLE)
    update = Update(
        deliverable=deliverable,
        text=text.strip(),
        date=date,
        author=user,
        author_organisation=user.organisation,
    )
    attributed_to(update, user, "Update added").save()
    return update


@transaction.atomic
def edit_update(
    user: User, update: Update, *, text: str, date: dt.date, version: int | None = None
) -> Update:
    """Change an update's text and date; refused (StaleEdit) when `version`, the one the
    editor's form was served with, is no longer the update's."""
    require(permissions.can_edit_update(user, update), permissions.NOT_YOUR_UPDATE)
    claim_version(update, version, noun=gettext("update"))
    update.text = text.strip()
    update.date = date
    attributed_to(update, user, "Update edited").save(update_fields=["text", "date", "version"])
    return update


@transaction.atomic
def save_deliverable(
    user: User,
    deliverable: Deliverable,
    *,
    partners: Iterable[Organisation] | None = None,
    reason: str = "",
    version: int | None = None,
) -> Deliverable:
    """Save a new or edited deliverable, keeping its completion date consistent with status,
    and its partners when given (the change of partners is in the history too).

    Refused (StaleEdit) when `version`, the one the editor's form was served with, is no
    longer the deliverable's: someone else saved it in between."""
    require(permissions.can_edit_delivery_plan(user))
    claim_version(deliverable, version, noun=gettext("deliverable"))
    deliverable.keep_completion_date(timezone.localdate())
    reason = reason or ("Created" if deliverable.pk is None else "Edited")
    attributed_to(deliverable, user, reason).save()
    if partners is not None:
        attributed_to(deliverable, user, reason)
        deliverable.partners.set(partners)
    return deliverable


@transaction.atomic
def save_task(user: User, task: Task) -> Task:
    require(permissions.can_edit_delivery_plan(user))
    attributed_to(task, user, "Task added" if task.pk is None else "Task edited").save()
    return task


@transaction.atomic
def set_task_done(user: User, task: Task, *, done: bool) -> Task:
    require(permissions.can_edit_delivery_plan(user))
    task.done = done
    attributed_to(task, user, "Task done" if done else "Task reopened").save(update_fields=["done"])
    return task
