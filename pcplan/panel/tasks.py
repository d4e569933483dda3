"""Background work of the Panel's staff pages (run by `pcplan worker`, see pcplan.core.jobs):
filling in the agenda's page ranges, which builds the whole agenda pack to count its pages.
The packs themselves are built by the tasks in pcplan.panel.packs."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext, ngettext
from django_tasks import task

from pcplan.core import jobs
from pcplan.panel import services
from pcplan.panel.models import Meeting


@task()
def fill_page_ranges(job_id: str, *, meeting_id: int, version: int | None = None) -> None:
    """Count the pages of the meeting's full agenda pack and store each item's page range, all
    or nothing; refused if the meeting or its agenda changed meanwhile."""
    with jobs.running(job_id) as job:
        if job.started_by is None:
            raise jobs.JobRefused([gettext("The person who started this has no account now.")])
        meeting = Meeting.objects.filter(pk=meeting_id).first()
        if meeting is None:
            raise jobs.JobRefused([gettext("The meeting has been deleted.")])
        jobs.report_progress(
            job, gettext("Making the agenda pack, exempt papers included, to count its pages")
        )
        try:
            ranges = services.fill_page_ranges(job.started_by, meeting, version=version)
        except ValidationError as exc:
            raise jobs.JobRefused(exc.messages) from None
        except PermissionDenied as exc:
            raise jobs.JobRefused([str(exc)]) from None
        job.outcome = ngettext(
            "The page range of %(count)s paper was filled in.",
            "The page ranges of %(count)s papers were filled in.",
            len(ranges),
        ) % {"count": len(ranges)}
