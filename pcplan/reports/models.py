"""Generated reports (who, when, parameters, file) and the reporting cycle's update requests."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from pcplan.core.dates import long_date
from pcplan.core.documents import DOCUMENT_TEXT_FIELDS, WithDocumentText
from pcplan.core.models import Organisation, User
from pcplan.core.publishing import Publishable
from pcplan.core.reminders import LastRemindedField
from pcplan.panel.models import AgendaItem
from pcplan.plans import lifecycle
from pcplan.plans.models import Plan, Theme
from pcplan.reports import permissions
from pcplan.reports.progress import ReportFields


class ReportKind(models.TextChoices):
    PANEL = "panel", "Panel progress report"
    BOARD = "board", "Board quarterly report"
    THEME = "theme", "Theme report"


class ReportFormat(models.TextChoices):
    HTML = "html", "Web page (HTML)"
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (DOCX)"


CONTENT_TYPES = {
    ReportFormat.HTML: "text/html; charset=utf-8",
    ReportFormat.PDF: "application/pdf",
    ReportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def report_upload_to(instance: GeneratedReport, filename: str) -> str:
    return f"reports/{instance.plan.key}/{filename}"


class GeneratedReportQuerySet(models.QuerySet["GeneratedReport"]):
    def public(self) -> GeneratedReportQuerySet:
        """Published reports of public plans: what the public report list and downloads show."""
        return self.filter(is_published=True, plan__status__in=lifecycle.PUBLIC_STATUSES)


class GeneratedReport(Publishable, WithDocumentText):
    """A report as generated on a day, with the words the officer chose; the file is kept."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="generated_reports")
    kind = models.CharField(max_length=10, choices=ReportKind.choices, default=ReportKind.PANEL)
    format = models.CharField(max_length=10, choices=ReportFormat.choices)
    # A theme report is on one theme (issue 18 item 3); the others cover the whole plan.
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="generated_reports"
    )
    # The Panel agenda item whose paper this report became, if it was generated for one. The
    # paper itself is the item's own file (the Panel's storage); this says where it came from.
    paper_for = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="generated_reports",
        verbose_name="paper for agenda item",
    )
    as_of = models.DateField("report date")
    since = models.DateField("previous report date")
    # The editable words (progress.ReportFields), saved with each report.
    panel_name = models.CharField(max_length=200)
    agenda_item = models.CharField("agenda item number", max_length=20, blank=True)
    meeting_date = models.DateField()
    report_of = models.CharField("report of", max_length=200)
    contact_officer = models.CharField(max_length=200)
    contact_details = models.CharField(max_length=300, blank=True)
    purpose = models.TextField()
    recommendation = models.TextField()
    terms_of_reference = models.TextField()
    background_documents = models.TextField(blank=True)

    file = models.FileField(upload_to=report_upload_to, max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=DOCUMENT_TEXT_FIELDS)
    objects = GeneratedReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The public list of published reports, newest first.
            models.Index(fields=["is_published", "as_of"], name="report_published_as_of"),
        ]

    def __str__(self) -> str:
        what = f"Theme report: {self.theme.title}" if self.theme else self.get_kind_display()
        return f"{what} as of {long_date(self.as_of, padded=True)} ({self.get_format_display()})"

    def may_be_published_by(self, user: models.Model) -> bool:
        return isinstance(user, User) and permissions.can_manage_reports(user)

    @property
    def report_fields(self) -> ReportFields:
        return ReportFields(**{name: getattr(self, name) for name in ReportFields.names()})

    @property
    def filename(self) -> str:
        if self.kind == ReportKind.THEME and self.theme is not None:
            return (
                f"{self.plan.key}-{self.theme.key}-theme-report-{self.as_of:%Y-%m-%d}.{self.format}"
            )
        return f"{self.plan.key}-{self.kind}-report-{self.as_of:%Y-%m-%d}.{self.format}"

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[ReportFormat(self.format)]


class UpdateRound(models.Model):
    """An editor's request, before a report, that every lead organisation update its work."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="update_rounds")
    due_on = models.DateField("updates due by")
    message = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"Updates due by {long_date(self.due_on, padded=True)}"

    def is_overdue(self, today: dt.date) -> bool:
        return today > self.due_on


class UpdateRequest(models.Model):
    """What one lead organisation is asked for in a round."""

    round = models.ForeignKey(UpdateRound, on_delete=models.CASCADE, related_name="requests")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="update_requests"
    )
    last_reminded_on = LastRemindedField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"], name="update_request_once_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.round}"
