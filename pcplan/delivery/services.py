"""Every change to the Delivery Plan goes through here: permission-checked, atomic, audited.

HTML views, the command line and (later) the API call these functions, never the ORM directly.
Publishing deliverables and updates is `pcplan.core.publishing.set_published`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_version
from pcplan.core.dates import long_date
from pcplan.core.models import Organisation, User
from pcplan.core.periods import QuarterSpan
from pcplan.delivery import permissions
from pcplan.delivery.models import Deliverable, Review, Task, Update
from pcplan.delivery.rules import find_cycle
from pcplan.lib.text import xml_safe
from pcplan.plans.models import Plan
from pcplan.plans.permissions import require

# The daily email lists the oldest waiting updates; the count says how many in all.
DIGEST_LISTED = 25


def check_proposal(proposed_status: str, proposed_target: QuarterSpan | None, reason: str) -> None:
    """A proposed change of status or target must say why (issue 18: "with a reason")."""
    if (proposed_status or proposed_target is not None) and not reason.strip():
        raise ValidationError(
            {"proposal_reason": gettext("Say why you propose this change of status or target")}
        )


def update_text(text: str) -> str:
    """An update's text as every path stores it (its form, the API, the Delivery Plan
    spreadsheet): XML-safe, since Word's Shift+Enter (U+000B) pasted in would break every Word
    report of the plan, and trimmed; refused when nothing is left."""
    cleaned = xml_safe(text).strip()
    if not cleaned:
        raise ValidationError(gettext("Enter the update"))
    return cleaned


@transaction.atomic
def post_update(
    user: User,
    deliverable: Deliverable,
    *,
    text: str,
    date: dt.date,
    proposed_status: str = "",
    proposed_target: QuarterSpan | None = None,
    reason: str = "",
) -> Update:
    """Add an unpublished progress update, with a proposed new status and/or target period
    when given; it waits in the editors' queue until one accepts or returns it."""
    require(permissions.can_post_update(user, deliverable), permissions.NOT_YOUR_DELIVERABLE)
    check_proposal(proposed_status, proposed_target, reason)
    update = Update(
        deliverable=deliverable,
        text=update_text(text),
        date=date,
        author=user,
        author_organisation=user.organisation,
        proposed_status=proposed_status,
        proposal_reason=reason.strip(),
    )
    update.proposed_target = proposed_target
    reason_text = "Update added with a proposal" if update.proposes_change else "Update added"
    attributed_to(update, user, reason_text).save()
    return update


@transaction.atomic
def accept_update(
    user: User,
    update: Update,
    *,
    comment: str = "",
    deliverable_version: int | None,
    base_url: str = "",
) -> Update:
    """An editor accepts an update: it is published and what it proposes is applied to the
    deliverable. Refused (StaleEdit) when the deliverable has changed since the editor was
    shown it (`deliverable_version`), so a stale proposal cannot undo a newer change."""
    require(permissions.can_decide(user))
    lock_and_refresh(update)
    if not update.awaits_decision:
        raise ValidationError(gettext("This update has already been decided."))
    deliverable = update.deliverable
    if update.proposes_change:
        claim_version(deliverable, deliverable_version, noun=gettext("deliverable"))
        if update.proposed_status:
            deliverable.status = update.proposed_status
        if update.proposed_target is not None:
            deliverable.target = update.proposed_target
        deliverable.keep_completion_date(timezone.localdate())
        attributed_to(
            deliverable,
            user,
            f"Proposal accepted from the update of {long_date(update.date, padded=True)}",
        ).save()
    update.review = Review.ACCEPTED
    update.decided_by = user
    update.decided_at = timezone.now()
    update.decision_comment = comment.strip()
    update.stamp_publication(True, user)
    attributed_to(update, user, "Accepted").save()
    transaction.on_commit(lambda: notify_author(update, base_url=base_url))
    return update


@transaction.atomic
def return_update(user: User, update: Update, *, comment: str, base_url: str = "") -> Update:
    """An editor returns an update to its author with a comment; nothing else changes."""
    require(permissions.can_decide(user))
    lock_and_refresh(update)
    if not update.awaits_decision:
        raise ValidationError(gettext("This update has already been decided."))
    if not comment.strip():
        raise ValidationError({"comment": gettext("Say why you are returning this update")})
    update.review = Review.RETURNED
    update.decided_by = user
    update.decided_at = timezone.now()
    update.decision_comment = comment.strip()
    attributed_to(update, user, "Returned").save(
        update_fields=["review", "decided_by", "decided_at", "decision_comment"]
    )
    transaction.on_commit(lambda: notify_author(update, base_url=base_url))
    return update


def lock_and_refresh(update: Update) -> None:
    """Lock the update's row for the decision and read it afresh: two editors deciding at
    once are served one after the other, and the second sees the first's decision."""
    Update.objects.select_for_update().filter(pk=update.pk).values_list("pk").get()
    update.refresh_from_db()


def notify_author(update: Update, *, base_url: str = "") -> int:
    """Tell the update's author what the editor decided (their email, if they have one)."""
    author = update.author
    if author is None or not author.email:
        return 0
    deliverable = update.deliverable
    accepted = update.review == Review.ACCEPTED
    subject = (
        gettext("Your update on %(title)s was accepted")
        if accepted
        else gettext("Your update on %(title)s was returned")
    ) % {"title": deliverable.title}
    lines = [
        subject + ".",
        "",
        gettext("Update of %(date)s") % {"date": long_date(update.date)},
    ]
    if update.decision_comment:
        lines += [
            "",
            gettext("The editor's comment: %(comment)s") % {"comment": update.decision_comment},
        ]
    if not accepted:
        lines += ["", gettext("You may change the update and its proposal, then save it again.")]
    link = base_url.rstrip("/") + reverse("delivery:deliverable-detail", args=[deliverable.pk])
    lines += ["", link]
    return send_mail(
        subject=subject,
        message="\n".join(lines) + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[author.email],
    )


def send_decision_digest(*, base_url: str = "") -> int:
    """The editors' daily email: how many updates and proposals await their decision, the
    oldest listed. Nothing is sent when nothing waits. Returns the number of emails sent."""
    waiting = Update.objects.awaiting_decision().select_related(
        "deliverable", "author_organisation"
    )
    count = waiting.count()
    if not count:
        return 0
    editors = [
        u.email
        for u in User.objects.filter(is_active=True).exclude(email="")
        if permissions.can_decide(u)
    ]
    if not editors:
        return 0
    link = base_url.rstrip("/") + reverse("delivery:decision-queue")
    subject = ngettext(
        "%(count)d update awaits your decision",
        "%(count)d updates await your decision",
        count,
    ) % {"count": count}
    lines = [subject + ".", ""]
    for update in waiting.order_by("created_at", "id")[:DIGEST_LISTED]:
        proposal = gettext(" (proposes a change)") if update.proposes_change else ""
        organisation = update.author_organisation.name if update.author_organisation else ""
        lines.append(
            f"- {update.deliverable.title}: {organisation} {long_date(update.date)}{proposal}"
        )
    lines += ["", gettext("Decide them here: %(link)s") % {"link": link}]
    message = "\n".join(lines) + "\n"
    for email in editors:
        send_mail(
            subject=subject,
            message=message,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[email],
        )
    return len(editors)


@transaction.atomic
def edit_update(
    user: User,
    update: Update,
    *,
    text: str,
    date: dt.date,
    version: int | None = None,
    proposed_status: str | None = None,
    proposed_target: QuarterSpan | None = None,
    reason: str = "",
) -> Update:
    """Change an update's text and date (and, while undecided or returned, its proposal,
    when `proposed_status` is given); refused (StaleEdit) when `version`, the one the
    editor's form was served with, is no longer the update's.

    A returned update that its author saves again goes back to the editors' queue."""
    require(permissions.can_edit_update(user, update), permissions.NOT_YOUR_UPDATE)
    claim_version(update, version, noun=gettext("update"))
    update.text = update_text(text)
    update.date = date
    fields = ["text", "date", "version"]
    if proposed_status is not None and update.review != Review.ACCEPTED:
        check_proposal(proposed_status, proposed_target, reason)
        update.proposed_status = proposed_status
        update.proposed_target = proposed_target
        update.proposal_reason = reason.strip()
        fields += ["proposed_status", "proposed_target_start", "proposed_target_end"]
        fields += ["proposal_reason"]
    if update.review == Review.RETURNED:
        update.review = Review.AWAITING
        fields.append("review")
    attributed_to(update, user, "Update edited").save(update_fields=fields)
    return update


def dependency_cycle(plan: Plan, deliverable: Deliverable, depends_on: Iterable[int]) -> str:
    """The refusal when `deliverable` depending on `depends_on` (ids) would close a cycle in
    the plan's dependencies, naming the chain; "" when it would not (rules.find_cycle)."""
    edges: dict[int, list[int]] = {}
    through = Deliverable.depends_on.through.objects.filter(from_deliverable__theme__plan=plan)
    for source, target in through.values_list("from_deliverable_id", "to_deliverable_id"):
        edges.setdefault(source, []).append(target)
    key = deliverable.pk if deliverable.pk is not None else 0
    edges[key] = list(depends_on)
    cycle = find_cycle(edges)
    if cycle is None:
        return ""
    if key in cycle:  # told from the deliverable being saved
        at = cycle.index(key)
        cycle = [*cycle[at:-1], *cycle[:at], key]
    titles = dict(Deliverable.objects.filter(pk__in=cycle).values_list("pk", "title"))
    titles[0] = deliverable.title or gettext("this deliverable")
    chain = " → ".join(titles[pk] for pk in cycle)
    return gettext(
        "Dependencies cannot go round in a circle: %(chain)s. Remove one of these dependencies."
    ) % {"chain": chain}


@transaction.atomic
def save_deliverable(
    user: User,
    deliverable: Deliverable,
    *,
    partners: Iterable[Organisation] | None = None,
    depends_on: Iterable[Deliverable] | None = None,
    reason: str = "",
    version: int | None = None,
) -> Deliverable:
    """Save a new or edited deliverable, keeping its completion date consistent with status,
    and its partners when given (the change of partners is in the history too).

    Refused (StaleEdit) when `version`, the one the editor's form was served with, is no
    longer the deliverable's: someone else saved it in between."""
    require(permissions.can_edit_delivery_plan(user))
    if depends_on is not None:
        depends_on = list(depends_on)
        problem = dependency_cycle(deliverable.plan, deliverable, [d.pk for d in depends_on])
        if problem:
            raise ValidationError({"depends_on": problem})
    claim_version(deliverable, version, noun=gettext("deliverable"))
    deliverable.keep_completion_date(timezone.localdate())
    reason = reason or ("Created" if deliverable.pk is None else "Edited")
    attributed_to(deliverable, user, reason).save()
    if partners is not None:
        attributed_to(deliverable, user, reason)
        deliverable.partners.set(partners)
    if depends_on is not None:
        attributed_to(deliverable, user, reason)
        deliverable.depends_on.set(depends_on)
    return deliverable


@transaction.atomic
def save_task(user: User, task: Task, *, version: int | None = None) -> Task:
    """Refused (StaleEdit) when the task changed after the form was served at `version`."""
    require(permissions.can_edit_delivery_plan(user))
    claim_version(task, version)
    attributed_to(task, user, "Task added" if task.pk is None else "Task edited").save()
    return task


@transaction.atomic
def set_task_done(user: User, task: Task, *, done: bool) -> Task:
    require(permissions.can_edit_delivery_plan(user))
    task.done = done
    attributed_to(task, user, "Task done" if done else "Task reopened").save(update_fields=["done"])
    return task
