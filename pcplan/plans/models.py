from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pcplan.core.concurrency import Versioned
from pcplan.core.dates import long_date
from pcplan.core.periods import financial_year_end
from pcplan.plans import lifecycle
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.statutory import StatutoryElement, missing_elements


class PlanQuerySet(models.QuerySet["Plan"]):
    def public(self) -> PlanQuerySet:
        return self.filter(status__in=lifecycle.PUBLIC_STATUSES)


class Plan(Versioned):
    """A Police and Crime Plan, e.g. "Police and Crime Plan 2021-24"."""

    key = models.SlugField("slug", max_length=80, unique=True)
    title = models.CharField(max_length=200)
    area = models.CharField(max_length=200, help_text="The police area, as the plan names it.")
    commissioner = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    elected_on = models.DateField(
        null=True,
        blank=True,
        help_text="The date the Commissioner was elected; the plan must be issued by 31 March "
        "of that financial year.",
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=30, choices=PlanStatus.choices, default=PlanStatus.DRAFTING
    )

    history = HistoricalRecords()
    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return lifecycle.is_public(self.status)

    @property
    def issue_deadline(self) -> dt.date | None:
        """31 March of the financial year of the election (PRSRA 2011 s.5(1); seed 000 §3.1)."""
        return financial_year_end(self.elected_on) if self.elected_on else None

    def issued_on(self) -> dt.date | None:
        change = self.status_changes.filter(status=PlanStatus.ISSUED).first()
        return change.date if change else None

    def date_of(self, status: str) -> dt.date | None:
        """The date of the plan's latest step to `status` (a plan may be varied more than once),
        or None if it never took that step."""
        change = self.status_changes.filter(status=status).order_by("date", "id").last()
        return change.date if change else None

    def status_date(self) -> dt.date | None:
        """Since when the plan has had its current status: "Superseded on" the day it was."""
        return self.date_of(self.status)

    def next_statuses(self) -> list[PlanStatus]:
        return [PlanStatus(s) for s in lifecycle.NEXT_STATUSES[self.status]]

    def missing_statutory_elements(self) -> list[StatutoryElement]:
        covered = {e.element for e in self.statutory_elements.all() if e.text.strip()}
        return missing_elements(covered)


class PlanStatusChange(models.Model):
    """One dated step of the plan along its lifecycle."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(max_length=30, choices=PlanStatus.choices)
    date = models.DateField()
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {long_date(self.date, padded=True)}"


class Theme(Versioned):
    """A theme of the plan with its aim ("What we will do")."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    key = models.SlugField("slug", max_length=80)
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=200)
    aim = models.TextField("What we will do", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="theme_key_unique_in_plan")
        ]

    def __str__(self) -> str:
        return self.title


class Priority(Versioned):
    """A priority for action under a theme."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="priorities")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["theme", "position", "id"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return self.text[:80]


class PlanStatutoryElement(Versioned):
    """Where and how the plan sets out one of the elements PRSRA 2011 s.7 requires."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="statutory_elements")
    element = models.CharField(max_length=30, choices=StatutoryElement.choices)
    text = models.TextField(help_text="How the plan sets this out, with a reference.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "element"], name="statutory_element_once_per_plan"
            )
        ]

    def __str__(self) -> str:
        return self.get_element_display()


class Commitment(Versioned):
    """A key objective or shared outcome under a theme, or a personal pledge of the office
    holder (seed 001 §4.1: "a framework through a series of shared outcomes ... Each theme is
    supported by Key Objectives and Priorities for Action"; seed 003 §5.2: "'Personal Pledges'
    which are clearly marked out in the plan"), linked to the deliverables and measures that
    show it is kept.

    Key objectives and shared outcomes belong to a theme; a pledge belongs to the plan and may
    name a theme.
    """

    class Kind(models.TextChoices):
        KEY_OBJECTIVE = "key-objective", _("Key objective")
        SHARED_OUTCOME = "shared-outcome", _("Shared outcome")
        PLEDGE = "pledge", _("Personal pledge")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="commitments")
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.CASCADE, related_name="commitments"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    position = models.PositiveIntegerField(default=0)
    text = models.TextField()
    deliverables = models.ManyToManyField(
        "delivery.Deliverable", blank=True, related_name="commitments"
    )
    measures = models.ManyToManyField("performance.Measure", blank=True, related_name="commitments")

    history = HistoricalRecords(m2m_fields=[deliverables, measures])

    class Meta:
        ordering = ["plan", "kind", "theme__position", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="pledge") | models.Q(theme__isnull=False),
                name="commitment_objective_or_outcome_has_a_theme",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]
