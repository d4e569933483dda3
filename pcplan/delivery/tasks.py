"""Background work of the Delivery Plan pages (run by `pcplan worker`, see pcplan.core.jobs)."""

from __future__ import annotations

from django.utils.translation import gettext
from django_tasks import task

from pcplan.core import jobs
from pcplan.delivery import spreadsheet
from pcplan.plans.models import Plan


@task()
def apply_spreadsheet(job_id: str, plan_id: int) -> None:
    """Apply a previewed Delivery Plan spreadsheet, read again now: all rows or none."""
    with jobs.running(job_id) as job:
        plan = Plan.objects.get(pk=plan_id)
        user = job.started_by
        if user is None:
            raise jobs.JobRefused([gettext("The account that started this no longer exists.")])
        jobs.report_progress(job, gettext("Checking every row again and saving"))
        try:
            with jobs.open_upload(job) as stored:
                changes = spreadsheet.read_changes(plan, job.upload, stored)
            saved = spreadsheet.apply_changes(user, changes)
        except FileNotFoundError:
            raise jobs.JobRefused([gettext("This file has already been applied.")]) from None
        except spreadsheet.ImportRefused as exc:
            # The plan changed since the preview (a theme or organisation was removed).
            raise jobs.JobRefused(exc.problems) from None
        job.outcome = gettext("%(count)s deliverables saved from the spreadsheet.") % {
            "count": saved
        }
