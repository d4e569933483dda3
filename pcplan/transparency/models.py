"""The accountability layer: decisions, HMICFRS inspections and specified-information
publications (issue 13).

Every rule that computes a date lives in `deadlines.py`; every "who may" in `permissions.py`;
every audited change in `services.py`.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pcplan.core.concurrency import Versioned
from pcplan.core.dates import long_date
from pcplan.core.documents import DOCUMENT_TEXT_FIELDS, WithDocumentText
from pcplan.core.models import Organisation, User
from pcplan.core.publishing import Publishable
from pcplan.delivery.models import Deliverable
from pcplan.panel.models import Meeting
from pcplan.partnerships.models import Body
from pcplan.transparency import deadlines, permissions


class DecisionQuerySet(models.QuerySet["Decision"]):
    def public(self) -> DecisionQuerySet:
        """Published decisions: the public register and decision pages show these (and never
        their exempt part, which no public template names)."""
        return self.filter(is_published=True)

    def newest_first(self) -> DecisionQuerySet:
        return self.order_by("-decided_on", "-number", "-pk")


class Decision(Versioned, Publishable):
    """A formal decision of the office holder (or its board), as its decision record states it.

    A decision of significant public interest must be published (SI 2011/3050 Sch. para 5);
    the part withheld as exempt is kept here with the reason and the paragraph relied on, for
    staff and the Panel, and never shown publicly.
    """

    class Kind(models.TextChoices):
        GENERAL = "general", _("General")
        PLAN = "plan", _("Police and crime plan")
        PRECEPT = "precept", _("Precept and budget")
        GRANT = "grant", _("Grant award")
        CONTRACT = "contract", _("Contract or commissioning")
        OTHER = "other", _("Other")

    number = models.CharField(
        _("decision number"),
        max_length=40,
        blank=True,
        help_text=_("As the office numbers its decisions, e.g. 2021/045. Unique when given."),
    )
    decided_on = models.DateField(_("date of decision"))
    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.GENERAL)
    decision_maker = models.CharField(
        _("decided by"),
        max_length=200,
        blank=True,
        help_text=_("e.g. the office holder, or the board at which it was taken."),
    )
    summary = models.TextField(_("summary of the decision"))
    reasons = models.TextField(_("reasons"), blank=True)
    financial_implications = models.TextField(_("financial implications"), blank=True)
    advised_by = models.CharField(
        _("advised by"), max_length=250, blank=True, help_text=_("Who advised on the decision.")
    )
    source = models.CharField(
        _("source document"),
        max_length=300,
        blank=True,
        help_text=_("The report or record the decision was taken on."),
    )
    significant_public_interest = models.BooleanField(
        _("of significant public interest"),
        default=False,
        help_text=_("Such decisions must be published (SI 2011/3050, Schedule, paragraph 5)."),
    )
    exempt_part = models.TextField(
        _("exempt part (never published)"),
        blank=True,
        help_text=_("Staff and the Panel see this; the public register never shows it."),
    )
    exemption_reason = models.TextField(_("why the exempt part is withheld"), blank=True)
    exemption_paragraph = models.CharField(
        _("exemption relied on"),
        max_length=200,
        blank=True,
        help_text=_(
            "e.g. Local Government Act 1972 Schedule 12A paragraph 3, or the Freedom of "
            "Information Act 2000 section relied on."
        ),
    )
    # Where a decision was made by another app's record, the link both ways: the precept's or
    # the plan step's `decision`, and the decision's source. One decision per record (the
    # one-to-one keeps a repeated call from recording it twice).
    precept = models.OneToOneField(
        "panel.Precept",
        verbose_name=_("precept"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision",
    )
    plan_step = models.OneToOneField(
        "plans.PlanStatusChange",
        verbose_name=_("step of the plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DecisionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["number"],
                condition=~Q(number=""),
                name="transparency_decision_number_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()

    @property
    def has_exempt_part(self) -> bool:
        return bool(self.exempt_part.strip())

    def clean(self) -> None:
        if self.has_exempt_part and not (
            self.exemption_reason.strip() and self.exemption_paragraph.strip()
        ):
            raise ValidationError(
                {
                    "exemption_reason": _(
                        "Give the reason the exempt part is withheld and the paragraph relied on."
                    )
                }
            )

    def may_be_published_by(self, user: models.Model) -> bool:
        return isinstance(user, User) and permissions.can_keep_decisions(user)


class InspectionQuerySet(models.QuerySet["Inspection"]):
    def public(self, today: dt.date) -> InspectionQuerySet:
        """Reports HMICFRS has published by `today`: a report shared with the office before
        its publication (under embargo) stays off every public page, feed and report."""
        return self.filter(published_on__lte=today)

    def comments_overdue(self, today: dt.date) -> InspectionQuerySet:
        """Reports whose comments are unpublished after the 56th day (s.55(5A)): the same
        answer as `deadlines.hmicfrs_comments_status`, asked of the database."""
        return self.filter(_comments_overdue(today))

    def comments_due_soon(self, today: dt.date) -> InspectionQuerySet:
        """Reports whose comments are unpublished and due within the warning period."""
        return self.filter(_comments_due_soon(today))

    def comments_warning_counts(self, today: dt.date) -> tuple[int, int]:
        """(overdue, due soon), in one query: the staff home's warning."""
        counts = self.aggregate(
            overdue=Count("pk", filter=_comments_overdue(today)),
            due_soon=Count("pk", filter=_comments_due_soon(today)),
        )
        return counts["overdue"], counts["due_soon"]


def _comments_overdue(today: dt.date) -> Q:
    last_day_passed = today - dt.timedelta(days=deadlines.HMICFRS_COMMENTS_DAYS - 1)
    return Q(comments_published_on=None, published_on__lt=last_day_passed)


def _comments_due_soon(today: dt.date) -> Q:
    window = deadlines.HMICFRS_COMMENTS_DAYS - 1 - deadlines.HMICFRS_WARNING_DAYS
    return Q(
        comments_published_on=None,
        published_on__gte=today - dt.timedelta(days=deadlines.HMICFRS_COMMENTS_DAYS - 1),
        published_on__lte=today - dt.timedelta(days=window),
    )


class Inspection(Versioned):
    """An HMICFRS report on the force (PEEL, thematic or joint) and the office holder's
    comments on it, due within 56 days of its publication (Police Act 1996 s.55(5A))."""

    class Kind(models.TextChoices):
        PEEL = "peel", _("PEEL inspection")
        THEMATIC = "thematic", _("Thematic inspection")
        JOINT = "joint", _("Joint inspection")

    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    inspectorates = models.CharField(
        _("inspectorates"),
        max_length=250,
        blank=True,
        help_text=_("For a joint inspection: the inspectorates that carried it out."),
    )
    published_on = models.DateField(_("date the report was published"))
    report_url = models.URLField(_("link to the report"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    comments_published_on = models.DateField(
        _("date the comments were published"), null=True, blank=True
    )
    comments_url = models.URLField(_("link to the published comments"), blank=True)
    comments = models.TextField(_("comments"), blank=True)

    objects = InspectionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def comments_due(self) -> dt.date:
        return deadlines.hmicfrs_comments_due(self.published_on)

    def comments_status(self, today: dt.date) -> str:
        return deadlines.hmicfrs_comments_status(
            self.published_on, self.comments_published_on, today
        )


class GradedArea(models.Model):
    """A PEEL area and the grade HMICFRS gave it."""

    class Grade(models.TextChoices):
        OUTSTANDING = "outstanding", _("Outstanding")
        GOOD = "good", _("Good")
        ADEQUATE = "adequate", _("Adequate")
        REQUIRES_IMPROVEMENT = "requires-improvement", _("Requires improvement")
        INADEQUATE = "inadequate", _("Inadequate")

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="graded_areas"
    )
    area = models.CharField(_("area"), max_length=200)
    grade = models.CharField(_("grade"), max_length=30, choices=Grade.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.area}: {self.get_grade_display()}"


class Finding(Versioned):
    """A recommendation, cause of concern or area for improvement in an inspection report,
    tracked to the office's response, an owner and the deliverables that answer it."""

    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", _("Recommendation")
        CAUSE_OF_CONCERN = "cause-of-concern", _("Cause of concern")
        AREA_FOR_IMPROVEMENT = "area-for-improvement", _("Area for improvement")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in-progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        CLOSED = "closed", _("Closed by HMICFRS")

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    reference = models.CharField(_("reference"), max_length=40, blank=True)
    text = models.TextField(_("text"))
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspection_findings",
    )
    response = models.TextField(_("response"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    deliverables = models.ManyToManyField(
        Deliverable, verbose_name=_("deliverables"), blank=True, related_name="inspection_findings"
    )

    history = HistoricalRecords(m2m_fields=[deliverables])

    class Meta:
        ordering = ["inspection", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference}".strip()


class SpecifiedPublication(WithDocumentText):
    """A publication of one item of specified information (SI 2011/3050): the date it was
    published and where (an uploaded document or a link). The items themselves are data, in
    `specified_information.yaml`, each with its citation and frequency."""

    item_key = models.SlugField(_("item"), max_length=80)
    published_on = models.DateField(_("date published"))
    title = models.CharField(_("title"), max_length=250)
    url = models.URLField(_("link"), blank=True)
    document = models.FileField(_("document"), upload_to="transparency/", blank=True)
    recorded_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords(excluded_fields=DOCUMENT_TEXT_FIELDS)

    class Meta:
        ordering = ["item_key", "-published_on", "-pk"]
        # The specified-information page asks for the latest publication of each item.
        indexes = [models.Index(fields=["item_key", "-published_on"], name="transp_pub_item_date")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if not self.url and not self.document:
            raise ValidationError(_("Give a link or upload the document."))


class StatementQuerySet(models.QuerySet["MeasuresStatement"]):
    def public(self) -> StatementQuerySet:
        return self.filter(is_published=True)


class MeasuresStatement(Publishable):
    """The statement on the force's contribution to the national crime and policing measures,
    and which apply locally and why (SI 2011/3050 Schedule para 7A, inserted by SI 2021/547).
    Generated on a date from the performance module; its figures are kept as they were then."""

    statement_date = models.DateField(_("date of the statement"))
    force = models.CharField(_("force"), max_length=100, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StatementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-statement_date", "-pk"]

    def __str__(self) -> str:
        return (
            "National crime and policing measures statement "
            f"{long_date(self.statement_date, padded=True)}"
        )

    def may_be_published_by(self, user: models.Model) -> bool:
        return isinstance(user, User) and permissions.can_keep_publications(user)


class MeasureEntry(Versioned):
    """One national measure in a statement: the figures on the statement's date, whether it
    applies locally and why, and the force's contribution."""

    statement = models.ForeignKey(
        MeasuresStatement, on_delete=models.CASCADE, related_name="entries"
    )
    position = models.PositiveIntegerField(default=0)
    measure_key = models.SlugField(max_length=80)
    measure_name = models.CharField(_("measure"), max_length=200)
    unit = models.CharField(max_length=60, blank=True)
    baseline_label = models.CharField(max_length=100, blank=True)
    baseline = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    current_label = models.CharField(max_length=100, blank=True)
    current = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    change_percent = models.DecimalField(max_digits=10, decimal_places=1, null=True, blank=True)
    judgement = models.CharField(max_length=60, blank=True)
    applies_locally = models.BooleanField(_("applies in this police area"), default=True)
    why = models.TextField(
        _("why it applies or not"),
        blank=True,
        help_text=_("The reasons for the assessment (paragraph 7A(b))."),
    )
    contribution = models.TextField(
        _("the force's contribution"),
        blank=True,
        help_text=_("The force's contribution to achieving improvements (paragraph 7A(a))."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["statement", "position", "pk"]

    def __str__(self) -> str:
        return self.measure_name


class AnnualReportQuerySet(models.QuerySet["AnnualReport"]):
    def public(self) -> AnnualReportQuerySet:
        return self.filter(is_published=True)


class AnnualReport(Versioned, Publishable, WithDocumentText):
    """The annual report on a financial year (PRSRA 2011 s.12), generated from the year's
    records, presented to the Panel at a public meeting; the Panel's report on it and the
    response are the Panel's own recommendations and responses, linked here."""

    financial_year = models.PositiveIntegerField(
        _("financial year"), unique=True, help_text=_("The year it starts, e.g. 2022 for 2022/23.")
    )
    title = models.CharField(_("title"), max_length=250)
    presented_to = models.ForeignKey(
        "panel.Meeting",
        verbose_name=_("Panel meeting it is presented to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The item of that meeting's agenda it is presented under: the Panel's agenda links to the
    # report through it (the published PDF is the item's paper).
    agenda_item = models.ForeignKey(
        "panel.AgendaItem",
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="annual_reports",
    )
    recommendations = models.ManyToManyField(
        "panel.Recommendation",
        verbose_name=_("the Panel's recommendations on it"),
        blank=True,
        related_name="+",
    )
    pdf = models.FileField(upload_to="transparency/annual-reports/", blank=True)
    docx = models.FileField(upload_to="transparency/annual-reports/", blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)

    objects = AnnualReportQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[recommendations], excluded_fields=DOCUMENT_TEXT_FIELDS)

    class Meta:
        ordering = ["-financial_year"]

    def __str__(self) -> str:
        return self.title

    @property
    def due(self) -> dt.date:
        return deadlines.annual_report_due(self.financial_year)

    def may_be_published_by(self, user: models.Model) -> bool:
        return isinstance(user, User) and permissions.can_keep_publications(user)


class PlanReview(Versioned):
    """A draft plan, or a draft variation of an issued plan, in consultation and before the
    Panel: the consultation's dates and how to respond, the Panel meeting's agenda item, and the
    Panel's report or recommendations with the response (PRSRA 2011 s.28(3)-(4): the Panel
    reviews the draft plan or variation and may report or recommend; seed 003 §2.1, §4.1,
    §7.1)."""

    class Kind(models.TextChoices):
        DRAFT = "draft", _("Draft plan")
        VARIATION = "variation", _("Draft variation of an issued plan")

    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DRAFT)
    consultation_opens = models.DateField(_("consultation opens"), null=True, blank=True)
    consultation_closes = models.DateField(_("consultation closes"), null=True, blank=True)
    how_to_respond = models.TextField(
        _("how to respond"),
        blank=True,
        help_text=_("Shown on the public draft page: a survey link, an address or an email."),
    )
    agenda_item = models.ForeignKey(
        "panel.AgendaItem",
        verbose_name=_("Panel agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recommendations = models.ManyToManyField(
        "panel.Recommendation",
        verbose_name=_("the Panel's report or recommendations"),
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords(m2m_fields=[recommendations])

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.plan}"


class MeetingSummaryQuerySet(models.QuerySet["MeetingSummary"]):
    def public(self) -> MeetingSummaryQuerySet:
        """Published summaries: the public pages show these, and only their title, the
        meeting's date and the summary written for publication (never the meeting's minutes,
        papers or body, which stay on the staff pages)."""
        return self.filter(is_published=True)

    def newest_first(self) -> MeetingSummaryQuerySet:
        return self.order_by("-meeting__date", "-pk")


class MeetingSummary(Versioned, Publishable):
    """The published minutes of a meeting the office holds in private at which matters of
    significant public interest were discussed (SI 2011/3050 Sch. para 5(c): "a copy of the
    minutes of ... each meeting which is not a public meeting but at which matters of
    significant public interest arising from the exercise of the body's functions are
    discussed"). An officer writes the part that may be published; the meeting's own minutes,
    exempt items included, are never shown publicly."""

    meeting = models.OneToOneField(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="public_interest_summary",
        help_text=_("A meeting the office holds that is not held in public."),
    )
    title = models.CharField(
        _("public title"),
        max_length=250,
        help_text=_("What the public page calls it: the matters discussed, not who was there."),
    )
    summary = models.TextField(
        _("minutes for publication"),
        help_text=_(
            "The minutes of the matters of significant public interest, as they may be "
            "published: leave out anything exempt or personal."
        ),
    )

    objects = MeetingSummaryQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-meeting__date", "-pk"]
        verbose_name_plural = _("meeting summaries")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.meeting_id is None:
            return
        held_in_private = (
            Meeting.objects.filter(pk=self.meeting_id, body__in=Body.objects.held_by_the_office())
            .exclude(pk__in=Meeting.objects.public())
            .exists()
        )
        if not held_in_private:
            raise ValidationError(
                {
                    "meeting": _(
                        "Choose a meeting the office holds in private: a public meeting's "
                        "minutes are published with the meeting, and the Panel's or a "
                        "partnership's are not the office's own."
                    )
                }
            )

    def may_be_published_by(self, user: models.Model) -> bool:
        return isinstance(user, User) and permissions.can_keep_decisions(user)
