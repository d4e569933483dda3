"""Background work of the reports pages (run by `pcplan worker`, see pcplan.core.jobs): progress
reports and theme reports on what is too large to render within a second."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext
from django_tasks import task

from pcplan.core import jobs
from pcplan.core.models import BackgroundJob, User
from pcplan.panel.models import AgendaItem
from pcplan.plans.models import Plan, Theme
from pcplan.reports import services
from pcplan.reports.progress import ReportError, ReportFields


def fields_as_data(fields: ReportFields) -> dict[str, Any]:
    """The report's words as the queue stores a task's arguments (JSON: dates as text)."""
    return {
        name: value.isoformat() if isinstance(value, dt.date) else value
        for name, value in asdict(fields).items()
    }


def fields_from_data(data: dict[str, Any]) -> ReportFields:
    meeting_date = data.get("meeting_date")
    if isinstance(meeting_date, str) and meeting_date:
        data = {**data, "meeting_date": dt.date.fromisoformat(meeting_date)}
    return ReportFields(**data)


@task()
def generate_report(
    job_id: str,
    *,
    plan_key: str,
    kind: str,
    fmt: str,
    as_of: str,
    since: str,
    report_fields: dict[str, Any],
    paper_for: int | None = None,
) -> None:
    """Build, render and keep a progress report (services.generate_report), all or nothing."""
    with jobs.running(job_id) as job:
        if job.started_by is None:
            raise jobs.JobRefused([gettext("The person who started this has no account now.")])
        jobs.report_progress(job, gettext("Building the report from the Delivery Plan"))
        try:
            report = services.generate_report(
                job.started_by,
                Plan.objects.get(key=plan_key),
                kind=kind,
                fmt=fmt,
                as_of=dt.date.fromisoformat(as_of),
                since=dt.date.fromisoformat(since),
                report_fields=fields_from_data(report_fields),
                paper_for=AgendaItem.objects.get(pk=paper_for) if paper_for else None,
            )
        except ValidationError as exc:
            raise jobs.JobRefused(exc.messages) from None
        job.next_url = reverse("reports:report-detail", args=[report.pk])
        job.outcome = gettext("The report is ready: %(name)s.") % {"name": report.filename}


def _starter(job: BackgroundJob) -> User:
    if job.started_by is None:
        raise jobs.JobRefused([gettext("The person who started this has no account now.")])
    return job.started_by


@task()
def generate_theme_report(
    job_id: str,
    *,
    theme_id: int,
    fmt: str,
    as_of: str,
    since: str,
    paper_for: int | None = None,
) -> None:
    """Build, render and keep a theme report (services.generate_theme_report), all or nothing."""
    with jobs.running(job_id) as job:
        user = _starter(job)
        theme = Theme.objects.select_related("plan").get(pk=theme_id)
        jobs.report_progress(
            job, gettext("Building the report on %(theme)s") % {"theme": theme.title}
        )
        try:
            report = services.generate_theme_report(
                user,
                theme,
                fmt=fmt,
                as_of=dt.date.fromisoformat(as_of),
                since=dt.date.fromisoformat(since),
                paper_for=AgendaItem.objects.get(pk=paper_for) if paper_for else None,
            )
        except (ValidationError, ReportError) as exc:
            problems = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            raise jobs.JobRefused(problems) from None
        job.next_url = reverse("reports:report-detail", args=[report.pk])
        job.outcome = gettext("The report is ready: %(name)s.") % {"name": report.filename}


@task()
def make_theme_report(job_id: str, *, theme_id: int, as_of: str, since: str) -> None:
    """Make a theme report's PDF without saving it as a generated report: it is kept until
    the data changes, and the job's link downloads it (the theme report page serves it)."""
    with jobs.running(job_id) as job:
        _starter(job)
        theme = Theme.objects.select_related("plan").get(pk=theme_id)
        jobs.report_progress(
            job, gettext("Making the report on %(theme)s") % {"theme": theme.title}
        )
        dates = {"as_of": dt.date.fromisoformat(as_of), "since": dt.date.fromisoformat(since)}
        try:
            services.make_theme_pdf(theme, **dates)
        except ReportError as exc:
            raise jobs.JobRefused([str(exc)]) from None
        job.next_url = services.made_theme_pdf_url(theme, **dates)
        job.outcome = gettext("The report is ready to download.")
