"""Background work of the transparency pages (run by `pcplan worker`, see pcplan.core.jobs):
the annual report, whose PDF takes seconds to render."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext
from django_tasks import task

from pcplan.core import jobs
from pcplan.core.periods import FinancialYear
from pcplan.transparency.annual_report import generate_annual_report


@task()
def generate_annual_report_task(job_id: str, *, financial_year: int) -> None:
    """Generate (or generate again) the year's annual report as PDF and Word, all or nothing."""
    with jobs.running(job_id) as job:
        if job.started_by is None:
            raise jobs.JobRefused([gettext("The person who started this has no account now.")])
        jobs.report_progress(
            job,
            gettext("Building the annual report for %(year)s")
            % {"year": FinancialYear(financial_year)},
        )
        try:
            report = generate_annual_report(job.started_by, financial_year)
        except PermissionDenied as exc:
            raise jobs.JobRefused([str(exc)]) from None
        job.next_url = reverse("transparency:staff-annual-report", args=[report.pk])
        job.outcome = gettext("The annual report is ready: %(title)s.") % {"title": report.title}
