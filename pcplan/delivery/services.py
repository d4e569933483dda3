"""Every change to the Delivery Plan goes through here: permission-checked, atomic, audited.

HTML views, the command line and (later) the API call these functions, never the ORM directly.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from pcplan.core.audit import attributed_to
from pcplan.core.models import User
from pcplan.delivery import permissions, rules
from pcplan.delivery.models import Deliverable, Task, Update


@transaction.atomic
def post_update(user: User, deliverable: Deliverable, *, text: str, date: dt.date) -> Update:
    """Add an unpublished progress update; an editor publishes it separately."""
    if not permissions.can_post_update(user, deliverable):
        raise PermissionDenied("You may only add updates to deliverables your organisation leads.")
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
def edit_update(user: User, update: Update, *, text: str, date: dt.date) -> Update:
    if not permissions.can_edit_update(user, update):
        raise PermissionDenied("You may not edit this update.")
    update.text = text.strip()
    update.date = date
    attributed_to(update, user, "Update edited").save(update_fields=["text", "date"])
    return update


@transaction.atomic
def set_update_published(user: User, update: Update, *, published: bool) -> Update:
    if not permissions.can_publish(user):
        raise PermissionDenied("Only OPCC editors publish updates.")
    update.is_published = published
    update.published_at = timezone.now() if published else None
    update.published_by = user if published else None
    attributed_to(update, user, "Published" if published else "Unpublished").save(
        update_fields=["is_published", "published_at", "published_by"]
    )
    return update


@transaction.atomic
def save_deliverable(user: User, deliverable: Deliverable, *, reason: str = "") -> Deliverable:
    """Save a new or edited deliverable, keeping its completion date consistent with status."""
    if not permissions.can_edit_delivery_plan(user):
        raise PermissionDenied("Only OPCC editors change the Delivery Plan.")
    deliverable.completed_on = rules.completed_on_for(
        deliverable.status, deliverable.completed_on, timezone.localdate()
    )
    creating = deliverable.pk is None
    attributed_to(deliverable, user, reason or ("Created" if creating else "Edited")).save()
    return deliverable


@transaction.atomic
def set_deliverable_published(
    user: User, deliverable: Deliverable, *, published: bool
) -> Deliverable:
    if not permissions.can_publish(user):
        raise PermissionDenied("Only OPCC editors publish deliverables.")
    deliverable.is_published = published
    deliverable.published_at = timezone.now() if published else None
    attributed_to(deliverable, user, "Published" if published else "Unpublished").save(
        update_fields=["is_published", "published_at"]
    )
    return deliverable


@transaction.atomic
def save_task(user: User, task: Task) -> Task:
    if not permissions.can_edit_delivery_plan(user):
        raise PermissionDenied("Only OPCC editors change the Delivery Plan.")
    attributed_to(task, user, "Task added" if task.pk is None else "Task edited").save()
    return task


@transaction.atomic
def set_task_done(user: User, task: Task, *, done: bool) -> Task:
    if not permissions.can_edit_delivery_plan(user):
        raise PermissionDenied("Only OPCC editors change the Delivery Plan.")
    task.done = done
    attributed_to(task, user, "Task done" if done else "Task reopened").save(update_fields=["done"])
    return task
