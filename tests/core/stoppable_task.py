"""A background task for the worker-recovery test: it writes a row inside its transaction, says
so through a file, then waits to be killed; run again (the file is there), it finishes."""

from __future__ import annotations

import time
from pathlib import Path

from django.db import transaction
from django_tasks import task

from pcplan.core import jobs
from pcplan.core.models import Organisation

HALF_DONE_KEY = "written-by-the-stoppable-task"


@task()
def write_then_wait(job_id: str, marker: str) -> None:
    with jobs.running(job_id) as job, transaction.atomic():
        Organisation.objects.create(
            key=HALF_DONE_KEY, name="Written by the task", kind=Organisation.Kind.OPCC
        )
        said = Path(marker)
        if not said.exists():
            said.write_text(job_id)  # the row is written and not yet committed
            time.sleep(600)  # until the worker is killed
        job.outcome = "Finished."
