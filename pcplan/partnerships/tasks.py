"""Background work of the partnerships pages (run by `pcplan worker`, see pcplan.core.jobs)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django_tasks import task

from pcplan.core import jobs
from pcplan.partnerships import services
from pcplan.plans.models import Plan


@task()
def send_plan_copies(job_id: str, plan_key: str) -> None:
    """Email the issued plan's PDF to every recipient not yet sent it (one PDF built, one
    email per recipient): too slow for a request once there are many recipients."""
    with jobs.running(job_id) as job:
        plan = Plan.objects.get(key=plan_key)
        if job.started_by is None:
            raise jobs.JobRefused([gettext("The person who started this has no account now.")])
        try:
            result = services.send_plan_copies(job.started_by, plan)
        except ValidationError as exc:
            raise jobs.JobRefused(exc.messages) from None
        job.outcome = gettext("Sent to %(sent)d recipients; %(missing)d have no email address.") % {
            "sent": len(result.sent),
            "missing": len(result.without_email),
        }
