from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pcplan.core.concurrency import Versioned
from pcplan.core.dates import long_date
from pcplan.core.models import Organisation, User
from pcplan.core.periods import Quarter, QuarterSpan
from pcplan.core.publishing import Publishable
from pcplan.delivery import permissions, rules
from pcplan.delivery.rules import Status
from pcplan.plans import lifecycle
from pcplan.plans.models import Plan, Theme


class DeliverableQuerySet(models.QuerySet["Deliverable"]):
    def for_plan(self, plan: Plan) -> DeliverableQuerySet:
        return self.filter(theme__plan=plan)

    def public(self) -> DeliverableQuerySet:
        """What anyone may see: published, in a public plan (issued, varied, superseded).

        The one meaning of "public" for deliverables: every public page, report, feed and
        API route reads through it.
        """
        return self.filter(is_published=True, theme__plan__status__in=lifecycle.PUBLIC_STATUSES)

    def with_latest_update(self, updates: UpdateQuerySet) -> DeliverableQuerySet:
        """Each deliverable with its latest of `updates` in `latest_updates` (0 or 1 item):
        `Update.objects.public()` on public pages, so a newer draft never counts."""
        return self.prefetch_related(
            models.Prefetch("updates", queryset=updates.latest_each(), to_attr="latest_updates")
        )

    def overdue(self, on: dt.date) -> DeliverableQuerySet:
        """Target quarter ended before `on`, not completed (delivery.rules.is_overdue)."""
        return self.exclude(status=Status.COMPLETED).filter(target_end__lt=on)

    def in_quarter(self, quarter: Quarter) -> DeliverableQuerySet:
        """Deliverables whose target period includes the quarter."""
        return self.filter(target_start__lte=quarter.start, target_end__gte=quarter.end)


class Deliverable(Versioned, Publishable):
    """An entry in the Delivery Plan, under a theme of the plan."""

    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="deliverables")
    key = models.SlugField("slug", max_length=80)
    title = models.CharField(max_length=300)
    purpose = models.TextField(blank=True)
    lead = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_deliverables",
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="partnered_deliverables"
    )
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.NOT_STARTED)
    # The target period is a run of financial-year quarters, stored as its first and last day
    # so that "overdue" and "in quarter" are plain date comparisons in SQL.
    target_start = models.DateField(null=True, blank=True)
    target_end = models.DateField(null=True, blank=True)
    added_on = models.DateField(help_text="When it was added to the Delivery Plan.")
    completed_on = models.DateField(null=True, blank=True)
    depends_on = models.ManyToManyField(
        "self",
        verbose_name=_("depends on"),
        symmetrical=False,
        blank=True,
        related_name="dependents",
    )
    risk = models.CharField(_("risk"), max_length=10, choices=rules.Risk.choices, blank=True)

    history = HistoricalRecords(m2m_fields=[partners, depends_on])
    objects = DeliverableQuerySet.as_manager()

    class Meta:
        ordering = ["theme__position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "key"], name="deliverable_key_unique_in_theme"
            ),
            models.CheckConstraint(
                condition=Q(target_start__isnull=True, target_end__isnull=True)
                | Q(target_start__lte=models.F("target_end")),
                name="deliverable_target_start_before_end",
            ),
        ]
        indexes = [
            # The staff list filters by status and target (overdue) within a plan.
            models.Index(fields=["status", "target_end"], name="deliverable_status_target"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def plan(self) -> Plan:
        return self.theme.plan

    @property
    def target(self) -> QuarterSpan | None:
        if self.target_start is None or self.target_end is None:
            return None
        return QuarterSpan(Quarter.for_date(self.target_start), Quarter.for_date(self.target_end))

    @target.setter
    def target(self, span: QuarterSpan | None) -> None:
        self.target_start = span.start if span else None
        self.target_end = span.end if span else None

    def may_be_published_by(self, user: models.Model) -> bool:
        return isinstance(user, User) and permissions.can_publish(user)

    def keep_completion_date(self, today: dt.date) -> None:
        """Set or clear `completed_on` for the status, as every way of saving it must
        (rules.completed_on_for): the editor's form and the plan importer alike."""
        self.completed_on = rules.completed_on_for(self.status, self.completed_on, today)

    def is_overdue(self, on: dt.date) -> bool:
        return rules.is_overdue(self.status, self.target, on)

    def late_dependencies(self, on: dt.date) -> list[Deliverable]:
        """The deliverables this one depends on that are overdue on `on` (flagged to staff)."""
        return [d for d in self.depends_on.all() if d.is_overdue(on)]

    def rag(self, on: dt.date, *, dependencies: Iterable[Deliverable] | None = None) -> rules.Rag:
        """Red, amber or green by the one rule, `rules.rag_status`. Public pages pass the
        public `dependencies` only (prefetched), so a draft never colours what the public sees."""
        late = (
            bool(self.late_dependencies(on))
            if dependencies is None
            else any(d.is_overdue(on) for d in dependencies)
        )
        return rules.rag_status(self.status, self.target, on, risk=self.risk, dependency_late=late)

    def is_new_since(self, since: dt.date, as_of: dt.date) -> bool:
        return rules.is_new_since(self.added_on, since, as_of)

    def is_completed_since(self, since: dt.date, as_of: dt.date) -> bool:
        return rules.is_completed_since(self.status, self.completed_on, since, as_of)

    def latest_update(self, *, published_only: bool) -> Update | None:
        updates = self.updates.all()
        if published_only:
            updates = updates.filter(is_published=True)
        return updates.order_by("-date", "-id").first()


class UpdateQuerySet(models.QuerySet["Update"]):
    def awaiting_decision(self) -> UpdateQuerySet:
        """The editors' queue: updates not yet decided that are unpublished or propose a
        change of status or target (a published update with nothing proposed needs nothing)."""
        return self.filter(review=Review.AWAITING).filter(
            Q(is_published=False) | ~Q(proposed_status="") | Q(proposed_target_start__isnull=False)
        )

    def latest_each(self) -> UpdateQuerySet:
        """Of these updates, each deliverable's latest (by date, then id), and no other.

        A correlated subquery picks the latest id per deliverable, so the rows read do not grow
        with the number of updates (on SQLite and PostgreSQL alike)."""
        latest_id = (
            self.filter(deliverable_id=OuterRef("deliverable_id"))
            .order_by("-date", "-id")
            .values("id")[:1]
        )
        return self.filter(id=Subquery(latest_id))

    def public(self) -> UpdateQuerySet:
        """Published updates of public deliverables (see DeliverableQuerySet.public)."""
        return self.filter(
            is_published=True,
            deliverable__is_published=True,
            deliverable__theme__plan__status__in=lifecycle.PUBLIC_STATUSES,
        )


class Review(models.TextChoices):
    """Where an update stands with the editors: a lead proposes, an editor decides."""

    AWAITING = "awaiting", _("Awaiting decision")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned")


class Update(Versioned, Publishable):
    """A dated progress update on a deliverable ("Update: ..." in the progress report).

    With it, the lead may propose a new status and/or target period with a reason; nothing
    changes on the deliverable until an editor accepts (delivery.services.accept_update).
    """

    deliverable = models.ForeignKey(Deliverable, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(help_text="The date the update speaks for.")
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delivery_updates",
    )
    author_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    proposed_status = models.CharField(
        _("proposed status"), max_length=30, choices=Status.choices, blank=True
    )
    proposed_target_start = models.DateField(null=True, blank=True)
    proposed_target_end = models.DateField(null=True, blank=True)
    proposal_reason = models.TextField(_("reason for the proposed change"), blank=True)
    review = models.CharField(max_length=20, choices=Review.choices, default=Review.AWAITING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_comment = models.TextField(_("editor's comment"), blank=True)

    history = HistoricalRecords()
    objects = UpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            # Latest (published) update per deliverable.
            models.Index(fields=["deliverable", "is_published", "date"], name="update_latest"),
            # Every list of updates, newest first (the API's, the feeds'): read in order and
            # stopped at the page's end, not every update sorted (docs/PERFORMANCE.md).
            models.Index(fields=["-date", "-id"], name="update_newest_first"),
        ]

    def __str__(self) -> str:
        return f"Update of {long_date(self.date, padded=True)}"

    @property
    def proposed_target(self) -> QuarterSpan | None:
        if self.proposed_target_start is None or self.proposed_target_end is None:
            return None
        return QuarterSpan(
            Quarter.for_date(self.proposed_target_start), Quarter.for_date(self.proposed_target_end)
        )

    @proposed_target.setter
    def proposed_target(self, span: QuarterSpan | None) -> None:
        self.proposed_target_start = span.start if span else None
        self.proposed_target_end = span.end if span else None

    @property
    def proposes_change(self) -> bool:
        return bool(self.proposed_status) or self.proposed_target_start is not None

    @property
    def awaits_decision(self) -> bool:
        """In the editors' queue: the one-object twin of `UpdateQuerySet.awaiting_decision`."""
        return self.review == Review.AWAITING and (not self.is_published or self.proposes_change)

    def may_be_published_by(self, user: models.Model) -> bool:
        return isinstance(user, User) and permissions.can_publish(user)


class Task(Versioned):
    """A task within a deliverable ("Twelve of the 16 tasks completed", seed 002 item 9 §5.3)."""

    deliverable = models.ForeignKey(Deliverable, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    done = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["deliverable", "position", "id"]

    def __str__(self) -> str:
        return self.title
