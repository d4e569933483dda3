"""Background work of the performance pages (run by `pcplan worker`, see pcplan.core.jobs)."""

from __future__ import annotations

from django.utils.translation import gettext
from django_tasks import task

from pcplan.core import jobs
from pcplan.core.models import BackgroundJob
from pcplan.performance.importer import PoliceDataError, Progress, import_police_data


class JobProgress(Progress):
    """The import's progress, in words on the job's status page."""

    def __init__(self, job: BackgroundJob) -> None:
        self.job = job
        self.total_rows = 0
        self.written = 0

    def files_found(self, total: int) -> None:
        jobs.report_progress(self.job, gettext("Reading %(n)s files") % {"n": total})

    def writing(self, total_rows: int) -> None:
        # Called again as more files are read: the total grows; said once.
        if not self.total_rows:
            jobs.report_progress(self.job, gettext("Writing the monthly figures"))
        self.total_rows = total_rows

    def rows_written(self, n: int) -> None:
        self.written += n
        if self.total_rows:
            jobs.report_progress(
                self.job,
                gettext("Writing the monthly figures: %(done)s of %(total)s")
                % {"done": f"{self.written:,}", "total": f"{self.total_rows:,}"},
            )


@task()
def import_police_upload(job_id: str, allow_empty: bool = False) -> None:
    """Import an uploaded data.police.uk file (CSV or the download zip), all or nothing."""
    with jobs.running(job_id) as job, jobs.upload_on_disk(job) as path:
        try:
            run, _summary = import_police_data(
                [path], user=job.started_by, progress=JobProgress(job), allow_empty=allow_empty
            )
        except PoliceDataError as exc:
            # The reader names files by where they were unpacked: show the uploaded name.
            shown = (
                str(exc)
                .replace(f"{path}:", f"{job.upload_name}: ")
                .replace(str(path), job.upload_name)
            )
            raise jobs.JobRefused([shown]) from None
        job.outcome = gettext(
            "%(rows)s rows read from %(files)s files: %(months)s for %(forces)s."
        ) % {
            "rows": f"{run.rows:,}",
            "files": run.file_count,
            "months": ", ".join(run.months),
            "forces": ", ".join(run.forces),
        }
