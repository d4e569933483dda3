"""Background work of the engagement pages (run by `pcplan worker`, see pcplan.core.jobs)."""

from __future__ import annotations

from django.utils.translation import gettext
from django_tasks import task

from pcplan.core import jobs
from pcplan.engagement import surveys
from pcplan.engagement.models import Consultation


@task()
def import_survey(job_id: str, consultation_id: int, mapping: dict[str, str]) -> None:
    """Import a survey export with the columns the officer chose: all rows or none."""
    with jobs.running(job_id) as job:
        consultation = Consultation.objects.get(pk=consultation_id)
        jobs.report_progress(job, gettext("Reading and checking every row"))
        try:
            done = surveys.apply(
                job.started_by, consultation, job.upload_name, jobs.read_upload(job), mapping
            )
        except surveys.UploadError as exc:
            raise jobs.JobRefused(exc.problems) from None
        if done is None:
            job.outcome = gettext("This file was imported before: nothing was added.")
        else:
            job.outcome = gettext("%(added)s responses added (%(rows)s rows read).") % {
                "added": done.responses_added,
                "rows": done.rows_read,
            }
