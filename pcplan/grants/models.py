"""Grants and commissioning: funds, bids for them, the awards made, and how they are monitored.

The Commissioner may award crime and disorder reduction grants (PRSRA 2011 s.9) and must
publish each one with its recipient, purpose, conditions and reasons (SI 2011/3050 Sch.
para 3). Applications, declined bids and the applicant's contact details are never public:
only `Award.objects.public()` is read by public pages, feeds and downloads.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pcplan.core.concurrency import Versioned
from pcplan.core.dates import long_date
from pcplan.core.models import CommunitySafetyPartnership, Organisation, User
from pcplan.core.publishing import Publishable
from pcplan.core.reminders import LastRemindedField
from pcplan.delivery.models import Deliverable
from pcplan.grants import permissions, rules
from pcplan.plans.models import Theme

ZERO = Decimal("0.00")


class Source(models.TextChoices):
    COMMISSIONER = "commissioner", _("The office holder's budget")
    HOME_OFFICE = "home-office", _("Home Office")
    MINISTRY_OF_JUSTICE = "ministry-of-justice", _("Ministry of Justice")
    OTHER = "other", _("Other")


class FundQuerySet(models.QuerySet["Fund"]):
    def with_committed(self) -> FundQuerySet:
        """Each fund with `committed`, the sum of its awards' amounts, in the same query."""
        return self.annotate(
            committed_total=Coalesce(
                Sum("awards__amount"),
                ZERO,
                output_field=models.DecimalField(max_digits=14, decimal_places=2),
            )
        )


class Fund(Versioned):
    """A pot of money the office awards from, with its rules (seed 002 item 7 §5.5)."""

    key = models.SlugField(_("short name for addresses and imports"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    source = models.CharField(
        _("source of the money"), max_length=30, choices=Source.choices, default=Source.COMMISSIONER
    )
    purpose = models.TextField(_("purpose"), blank=True)
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="funds", verbose_name=_("plan themes it serves")
    )
    eligible_kinds = models.JSONField(
        _("kinds of organisation that may apply"),
        default=list,
        blank=True,
        help_text=_("None listed: any organisation may apply."),
    )
    max_award = models.DecimalField(
        _("largest award per bid"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    opens_on = models.DateField(_("opens for bids"), null=True, blank=True)
    closes_on = models.DateField(_("closes for bids"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("Where the figures come from, and what is not known.")
    )

    history = HistoricalRecords(m2m_fields=[themes])
    objects = FundQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def committed(self) -> Decimal:
        annotated = getattr(self, "committed_total", None)
        if annotated is not None:
            return Decimal(annotated)
        total = self.awards.aggregate(total=Sum("amount"))["total"]
        return Decimal(total or ZERO)

    @property
    def left(self) -> Decimal | None:
        return rules.remaining(self.budget, self.committed)

    def eligible_labels(self) -> list[str]:
        labels = dict(Organisation.Kind.choices)
        return [str(labels.get(k, k)) for k in self.eligible_kinds]

    def refusals_for_bid(
        self, organisation: Organisation, amount: Decimal, on: dt.date
    ) -> list[str]:
        """Every rule of the fund the bid breaks (cap, eligibility, window), in words."""
        labels = {k: str(v) for k, v in Organisation.Kind.choices}
        found = [
            rules.eligibility_refusal(organisation.kind, self.eligible_kinds, labels),
            rules.cap_refusal(amount, self.max_award),
            rules.window_refusal(on, self.opens_on, self.closes_on),
        ]
        return [r for r in found if r]


class Application(Versioned):
    """A bid to a fund. Never public: only the award made from it may be published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ASSESSED = "assessed", _("Assessed")
        AWARDED = "awarded", _("Awarded")
        DECLINED = "declined", _("Declined")

    class Recommendation(models.TextChoices):
        AWARD = "award", _("Award")
        DECLINE = "decline", _("Decline")

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="applications")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="grant_applications"
    )
    title = models.CharField(_("what the money is for"), max_length=300)
    amount = models.DecimalField(_("amount asked for"), max_digits=14, decimal_places=2)
    area = models.ForeignKey(
        CommunitySafetyPartnership,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("area (Community Safety Partnership)"),
    )
    outcomes_sought = models.TextField(_("outcomes sought"), blank=True)
    deliverables = models.ManyToManyField(
        Deliverable,
        blank=True,
        related_name="grant_applications",
        verbose_name=_("deliverables it supports"),
    )
    # Personal data: shown to staff only, never on a public page, feed or export.
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_on = models.DateField(null=True, blank=True)
    assessment = models.TextField(_("assessment against the fund's criteria"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=10, choices=Recommendation.choices, blank=True
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_on = models.DateField(null=True, blank=True)
    # The decision, shaped as a decision record (the transparency register publishes those).
    decision_number = models.CharField(_("decision number"), max_length=40, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_reasons = models.TextField(_("reasons for the decision"), blank=True)

    measures = models.ManyToManyField(
        "performance.Measure",
        blank=True,
        related_name="grant_applications",
        verbose_name=_("measures it supports"),
    )

    history = HistoricalRecords(m2m_fields=[deliverables, measures])

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.organisation})"


class AwardQuerySet(models.QuerySet["Award"]):
    def public(self) -> AwardQuerySet:
        """The one meaning of "public" for grants: published awards (SI 2011/3050 Sch. para 3).
        An award exists only once decided (services.decide_application, or the importer for
        awards already made); applications and declined bids are never read here."""
        return self.filter(is_published=True)


class Award(Versioned, Publishable):
    """A grant made from a fund: the record the register publishes."""

    reference = models.SlugField(_("reference"), max_length=80, unique=True)
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="awards")
    application = models.OneToOneField(
        Application, null=True, blank=True, on_delete=models.PROTECT, related_name="award"
    )
    recipient = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="grant_awards",
        verbose_name=_("recipient"),
    )
    area = models.ForeignKey(
        CommunitySafetyPartnership,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("area (Community Safety Partnership)"),
    )
    purpose = models.TextField(_("purpose"))
    amount = models.DecimalField(
        _("amount"),
        null=True,
        blank=True,
        help_text=_("Empty when the source does not say."),
        max_digits=14,
        decimal_places=2,
    )
    amount_note = models.CharField(_("note on the amount"), max_length=300, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    payment_schedule = models.TextField(_("payment schedule"), blank=True)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    decision = models.ForeignKey(
        "transparency.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grant_awards",
        verbose_name=_("decision"),
        help_text=_(
            "The decision record in the decision register: its number, date and maker. One "
            "decision may make several awards."
        ),
    )
    # The decision's date, kept on the award too: the register lists and filters awards by
    # the month of their decision, and its index orders by it (set from the decision).
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reasons = models.TextField(_("reasons"), blank=True)
    budget_override_reason = models.TextField(
        _("reason for exceeding the fund's budget"), blank=True
    )
    source_note = models.CharField(_("where this record comes from"), max_length=300, blank=True)

    history = HistoricalRecords()
    objects = AwardQuerySet.as_manager()

    class Meta:
        ordering = ["-decision_date", "reference"]
        indexes = [
            # The public register lists published awards newest first (then by reference):
            # the index's order is the page's, so a page is read without sorting them all.
            # (is_published is left out: nearly every award is published, and SQLite does not
            # use an index for a bare boolean test.)
            models.Index(fields=["-decision_date", "reference"], name="award_register"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="award_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.recipient}"

    def may_be_published_by(self, user: models.Model) -> bool:
        return isinstance(user, User) and permissions.can_decide(user)


class Variation(models.Model):
    """A change to an award after it was made: a variation of its amount or terms, or money
    clawed back (issue 10 item 3)."""

    class Kind(models.TextChoices):
        VARIATION = "variation", _("Variation")
        CLAWBACK = "clawback", _("Clawback")

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="variations")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    date = models.DateField(_("date"))
    previous_amount = models.DecimalField(
        _("amount before"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    new_amount = models.DecimalField(
        _("amount after"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    reason = models.TextField(_("reason"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision = models.ForeignKey(
        "transparency.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grant_variations",
        verbose_name=_("decision"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        on = long_date(self.date, padded=True)
        return f"{self.get_kind_display()} of {self.award.reference} on {on}"


class MonitoringReturnQuerySet(models.QuerySet["MonitoringReturn"]):
    def overdue(self, on: dt.date) -> MonitoringReturnQuerySet:
        """Due before `on` and not in (rules.is_return_overdue)."""
        return self.filter(received_on__isnull=True, due_on__lt=on)


class MonitoringReturn(Versioned):
    """A return the recipient owes on an award: spend to date, outputs and outcomes."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="returns")
    due_on = models.DateField(_("due"))
    received_on = models.DateField(_("received"), null=True, blank=True)
    spend_to_date = models.DecimalField(
        _("spend to date"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    outputs = models.TextField(_("outputs"), blank=True)
    outcomes = models.TextField(_("outcomes against those sought"), blank=True)
    last_reminded_on = LastRemindedField()

    history = HistoricalRecords()
    objects = MonitoringReturnQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            # Officers' overdue list: not received, due before today.
            models.Index(fields=["received_on", "due_on"], name="return_overdue"),
        ]

    def __str__(self) -> str:
        return f"Return on {self.award.reference} due {long_date(self.due_on, padded=True)}"

    def is_overdue(self, on: dt.date) -> bool:
        return rules.is_return_overdue(self.due_on, self.received_on, on)


class ExternalBid(Versioned):
    """Money bid for, or won, from another body (e.g. the Home Office's Safer Streets Fund;
    seed 002 item 7 §6, seed 004 §7.5): the bid, its partners, the award and its
    interventions, linked to the deliverables it serves."""

    class Status(models.TextChoices):
        BID = "bid", _("Bid made")
        WON = "won", _("Won")
        UNSUCCESSFUL = "unsuccessful", _("Unsuccessful")

    key = models.SlugField(_("short name"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    funder = models.CharField(
        _("funder"), max_length=30, choices=Source.choices, default=Source.HOME_OFFICE
    )
    fund = models.ForeignKey(
        Fund, null=True, blank=True, on_delete=models.SET_NULL, related_name="external_bids"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    announced_on = models.DateField(_("announced"), null=True, blank=True)
    amount_won = models.DecimalField(
        _("amount won"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    period = models.CharField(_("period"), max_length=200, blank=True)
    areas = models.CharField(_("areas"), max_length=300, blank=True)
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="external_bids", verbose_name=_("partners")
    )
    deliverables = models.ManyToManyField(
        Deliverable, blank=True, related_name="external_bids", verbose_name=_("deliverables")
    )
    measures = models.ManyToManyField(
        "performance.Measure",
        blank=True,
        related_name="external_bids",
        verbose_name=_("measures"),
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords(m2m_fields=[partners, deliverables, measures])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Intervention(Versioned):
    """One thing an external award pays for, and how it is going."""

    class Progress(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in-progress", _("In progress")
        DONE = "done", _("Done")
        NOT_KNOWN = "not-known", _("Not known")

    bid = models.ForeignKey(ExternalBid, on_delete=models.CASCADE, related_name="interventions")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("intervention"), max_length=400)
    progress = models.CharField(
        _("progress"), max_length=20, choices=Progress.choices, default=Progress.NOT_KNOWN
    )
    progress_note = models.TextField(_("progress note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["bid", "position", "id"]

    def __str__(self) -> str:
        return self.title


class CommissionedService(Versioned):
    """A service the office commissions (victims' services and others; seed 004 §7.5):
    provider, contract value and period, its measures, quarterly returns, renewal date."""

    key = models.SlugField(_("short name"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    provider = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commissioned_services",
        verbose_name=_("provider"),
    )
    fund = models.ForeignKey(
        Fund, null=True, blank=True, on_delete=models.SET_NULL, related_name="services"
    )
    contract_value = models.DecimalField(
        _("contract value"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    starts_on = models.DateField(_("contract starts"), null=True, blank=True)
    ends_on = models.DateField(_("contract ends"), null=True, blank=True)
    renewal_on = models.DateField(_("renewal date"), null=True, blank=True)
    measures = models.ManyToManyField(
        "performance.Measure", blank=True, related_name="commissioned_services"
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords(m2m_fields=[measures])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceReturnQuerySet(models.QuerySet["ServiceReturn"]):
    def overdue(self, on: dt.date) -> ServiceReturnQuerySet:
        """Due before `on` and not in (rules.is_return_overdue), as for award returns."""
        return self.filter(received_on__isnull=True, due_on__lt=on)


class ServiceReturn(Versioned):
    """A commissioned service's quarterly return: activity, spend and outcomes against the
    service's measures for the quarter ending `period_ends_on` (issue 10 item 5)."""

    service = models.ForeignKey(
        CommissionedService, on_delete=models.CASCADE, related_name="returns"
    )
    period_ends_on = models.DateField(_("quarter ends"))
    due_on = models.DateField(_("due"))
    received_on = models.DateField(_("received"), null=True, blank=True)
    spend_to_date = models.DecimalField(
        _("spend to date"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    activity = models.TextField(_("activity in the quarter"), blank=True)
    outcomes = models.TextField(_("outcomes against the service's measures"), blank=True)
    last_reminded_on = LastRemindedField()

    history = HistoricalRecords()
    objects = ServiceReturnQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "period_ends_on"], name="service_return_once_per_quarter"
            )
        ]

    def __str__(self) -> str:
        quarter_to = long_date(self.period_ends_on, padded=True)
        return f"Return on {self.service.key} for the quarter to {quarter_to}"

    def is_overdue(self, on: dt.date) -> bool:
        return rules.is_return_overdue(self.due_on, self.received_on, on)
