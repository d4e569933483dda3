"""Background work of the reports pages (run by `pcplan worker`, see pcplan.core.jobs)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext
from django_tasks import task

from pcplan.core import jobs
from pcplan.panel.models import AgendaItem
from pcplan.plans.models import Plan
from pcplan.reports import services
from pcplan.reports.progress import ReportFields


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
