"""Background work started from a page: long imports run in `pcplan worker`, not the request.

A view calls `start()` with the uploaded file and the task that does the work; the person is
sent to the job's status page, which refreshes itself until the job is done. The task runs
its work inside `running()`, which records progress, the outcome and any refusal on the job,
and removes the kept upload afterwards. The tasks use django-tasks with its database backend
(the API Django 6 builds in), so SQLite and PostgreSQL both work with no broker.

A refusal the person must act on (a bad file) is raised as `JobRefused`: the job is "Not done"
with the problems listed, and the task itself counts as finished. Anything else is a fault:
the job says so and the task fails, so the worker logs the traceback.
"""

from __future__ import annotations

import logging
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext

from pcplan.core.models import BackgroundJob, User

logger = logging.getLogger(__name__)

UPLOAD_DIR = "background-jobs"


class JobRefused(Exception):
    """The work was refused for reasons the person can fix; nothing was changed."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def start(
    user: User,
    task: Any,
    *,
    title: str,
    upload: UploadedFile | None = None,
    stored: tuple[str, str] | None = None,
    next_url: str = "",
    **kwargs: Any,
) -> BackgroundJob:
    """Record the job, keep the uploaded file where the worker can read it, and enqueue
    `task(job_id, **kwargs)`. The job row and the queued task commit together.

    `stored` is a file a page already kept in the default storage: (path, name shown); the
    job removes it once the work has read it."""
    job = BackgroundJob(title=title, started_by=user, next_url=next_url)
    if stored is not None:
        job.upload, job.upload_name = stored
    elif upload is not None:
        name = PurePath(upload.name or "upload").name
        job.upload_name = name
        safe = get_valid_filename(name)[-80:] or "upload"
        job.upload = default_storage.save(
            f"{UPLOAD_DIR}/{secrets.token_urlsafe(12)}-{safe}", ContentFile(upload.read())
        )
    with transaction.atomic():
        job.save()
        task.enqueue(str(job.pk), **kwargs)
    return job


def status_url(job: BackgroundJob) -> str:
    return reverse("core:job", args=[job.pk])


@contextmanager
def running(job_id: str) -> Iterator[BackgroundJob]:
    """Mark the job running, then done (the block returned), not done (JobRefused) or failed
    (any other exception, re-raised). The kept upload is removed whatever happened."""
    job = BackgroundJob.objects.select_related("started_by").get(pk=job_id)
    job.status = BackgroundJob.Status.RUNNING
    job.started_at = timezone.now()
    job.save(update_fields=["status", "started_at"])
    try:
        yield job
    except JobRefused as exc:
        job.status = BackgroundJob.Status.FAILED
        job.problems = exc.problems
        job.outcome = gettext("Nothing was changed.")
    except Exception:
        job.status = BackgroundJob.Status.FAILED
        job.outcome = gettext(
            "Something went wrong and nothing was changed. Try again, or report the problem."
        )
        _finish(job)
        raise
    else:
        job.status = BackgroundJob.Status.DONE
    _finish(job)


def _finish(job: BackgroundJob) -> None:
    job.finished_at = timezone.now()
    job.progress = ""
    if job.upload:
        default_storage.delete(job.upload)
    job.save()


def report_progress(job: BackgroundJob, words: str) -> None:
    """What the status page says the job is doing now."""
    job.progress = words[:200]
    BackgroundJob.objects.filter(pk=job.pk).update(progress=job.progress)


def read_upload(job: BackgroundJob) -> bytes:
    with open_upload(job) as stored:
        return bytes(stored.read())


@contextmanager
def open_upload(job: BackgroundJob) -> Iterator[IO[bytes]]:
    """The kept upload, opened for reading; FileNotFoundError if it is gone."""
    with default_storage.open(job.upload, "rb") as stored:
        yield stored


def already_started(stored_path: str) -> bool:
    """Whether a job was already started on this kept file (a form posted twice)."""
    return BackgroundJob.objects.filter(upload=stored_path).exists()


@contextmanager
def upload_on_disk(job: BackgroundJob) -> Iterator[Path]:
    """The kept upload as a local file with its original name (readers go by the name)."""
    with tempfile.TemporaryDirectory(prefix="pcplan-job-") as tmp:
        path = Path(tmp) / get_valid_filename(job.upload_name or "upload")
        path.write_bytes(read_upload(job))
        yield path
