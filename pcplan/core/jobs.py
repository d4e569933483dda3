"""Background work started from a page: long imports run in `pcplan worker`, not the request.

A view calls `start()` with the uploaded file and the task that does the work; the person is
sent to the job's status page, which refreshes itself until the job is done. The task runs
its work inside `running()`, which records progress, the outcome and any refusal on the job,
and removes the kept upload afterwards. The tasks use django-tasks with its database backend
(the API Django 6 builds in), so SQLite and PostgreSQL both work with no broker.

A refusal the person must act on (a bad file) is raised as `JobRefused`: the job is "Not done"
with the problems listed, and the task itself counts as finished. Anything else is a fault:
the job says so and the task fails, so the worker logs the traceback.

A worker can die in the middle of a job (kill -9, the machine restarted). The work is one
database transaction, so nothing half-done is left, but the job would say "Running" for ever.
While it runs, the job names its worker process and a thread writes a sign of life every
`PCPLAN_JOB_HEARTBEAT_SECONDS`; `recover_abandoned()` (run when a worker starts and when the
job's page is read) marks a job whose worker is gone as not done, and the person may start it
again from its page.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import socket
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath
from typing import IO, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, OperationalError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext, gettext_noop

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
    next_label: str = "",
    **kwargs: Any,
) -> BackgroundJob:
    """Record the job, keep the uploaded file where the worker can read it, and enqueue
    `task(job_id, **kwargs)`. The job row and the queued task commit together.

    `stored` is a file a page already kept in the default storage: (path, name shown); the
    job removes it once the work has read it."""
    job = BackgroundJob(title=title, started_by=user, next_url=next_url, next_label=next_label)
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
        result = task.enqueue(str(job.pk), **kwargs)
        job.task_id = str(result.id)
        job.save(update_fields=["task_id"])
    return job


def status_url(job: BackgroundJob) -> str:
    return reverse("core:job", args=[job.pk])


@contextmanager
def running(job_id: str) -> Iterator[BackgroundJob]:
    """Mark the job running, then done (the block returned), not done (JobRefused) or failed
    (any other exception, re-raised). The kept upload is removed whatever happened."""
    job = BackgroundJob.objects.select_related("started_by").get(pk=job_id)
    job.status = BackgroundJob.Status.RUNNING
    job.started_at = job.heartbeat_at = timezone.now()
    job.worker = this_process()
    job.save(update_fields=["status", "started_at", "heartbeat_at", "worker"])
    try:
        with _heartbeat(job.pk):
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


@contextmanager
def _heartbeat(job_id: Any) -> Iterator[None]:
    """Write the job's sign of life from a thread (with its own connection) while it runs."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(settings.PCPLAN_JOB_HEARTBEAT_SECONDS):
                try:
                    BackgroundJob.objects.filter(
                        pk=job_id, status=BackgroundJob.Status.RUNNING
                    ).update(heartbeat_at=timezone.now())
                except DatabaseError:
                    # On SQLite the job's own import may hold the write lock; the process
                    # check below does not need the beat, so a missed one is harmless.
                    logger.info("Could not record a sign of life for job %s", job_id)
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"job-heartbeat-{job_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=settings.PCPLAN_JOB_HEARTBEAT_SECONDS + 5)


def _process_started(pid: int) -> str | None:
    """When the process started, in clock ticks since boot (Linux), "" where that cannot be
    read, or None when there is no such process. Told apart by start time, a new process
    that was given a dead worker's pid is not taken for it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    except OSError:
        stat = ""
    if stat:
        return stat.rsplit(")", 1)[1].split()[19]
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    return ""


def this_process() -> str:
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{_process_started(pid) or ''}"


def worker_alive(worker: str) -> bool | None:
    """Whether the worker process named by `this_process()` still runs; None when it ran on
    another machine, which only its sign of life can tell."""
    host, pid, started = worker.rsplit(":", 2)
    if host != socket.gethostname():
        return None
    now_started = _process_started(int(pid))
    if now_started is None:
        return False
    return not started or not now_started or now_started == started


def is_abandoned(job: BackgroundJob, now: dt.datetime | None = None) -> bool:
    """A running job whose worker is gone: dead on this machine, or silent too long."""
    if job.status != BackgroundJob.Status.RUNNING:
        return False
    alive = worker_alive(job.worker) if job.worker else None
    if alive is not None:
        return not alive
    last = job.heartbeat_at or job.started_at
    stale = dt.timedelta(seconds=settings.PCPLAN_JOB_STALE_SECONDS)
    return last is not None and (now or timezone.now()) - last > stale


STOPPED = gettext_noop(
    "The worker running this job stopped before it finished (it was ended, or the server "
    "restarted). Nothing was changed. Start it again."
)


def mark_abandoned(job: BackgroundJob, *, ours: bool = False) -> bool:
    """Mark the job not done, and its task failed, if its worker is still gone once the job
    row is locked (or, `ours`, if this process was its worker and runs it no more). Whether it
    was marked.

    A live worker may hold the row's lock in its import's transaction (its progress notes);
    then the lock is not waited for: a worker that holds a lock is alive, and a dead one's
    locks went with its connection."""
    from django_tasks_db.models import DBTaskResult

    with transaction.atomic():
        try:
            with transaction.atomic():  # a savepoint: the refusal must not spoil the rest
                rows = BackgroundJob.objects.select_for_update(nowait=True)
                locked = rows.filter(pk=job.pk).first()
        except OperationalError:
            return False
        if locked is None:
            return False
        mine = (
            ours
            and locked.status == BackgroundJob.Status.RUNNING
            and locked.worker == this_process()
        )
        if not (mine or is_abandoned(locked)):
            return False
        locked.status = BackgroundJob.Status.FAILED
        locked.interrupted = True
        locked.finished_at = timezone.now()
        locked.progress = ""
        locked.outcome = gettext(STOPPED)
        locked.save(update_fields=["status", "interrupted", "finished_at", "progress", "outcome"])
        if locked.task_id:
            DBTaskResult.objects.filter(pk=locked.task_id, status="RUNNING").update(
                status="FAILED",
                finished_at=locked.finished_at,
                exception_class_path=f"{__name__}.WorkerStopped",
                traceback=STOPPED,
            )
    job.refresh_from_db()
    logger.warning("Job %s (%s): its worker %s stopped; marked not done", job.pk, job, job.worker)
    return True


def recover_abandoned() -> list[BackgroundJob]:
    """Every running job whose worker is gone, marked not done."""
    running_jobs = BackgroundJob.objects.filter(status=BackgroundJob.Status.RUNNING)
    return [job for job in running_jobs if is_abandoned(job) and mark_abandoned(job)]


def recover_own() -> list[BackgroundJob]:
    """Every job this worker process was running when it lost its database connection: the
    work's transaction went with the connection, so each is marked not done, to be started
    again, though its worker is alive."""
    running_jobs = BackgroundJob.objects.filter(
        status=BackgroundJob.Status.RUNNING, worker=this_process()
    )
    return [job for job in running_jobs if mark_abandoned(job, ours=True)]


def start_again(user: User, job: BackgroundJob) -> BackgroundJob:
    """Queue a job stopped by its worker's death once more, with the same task, arguments and
    kept upload, under the same page address."""
    from django_tasks_db.models import DBTaskResult

    with transaction.atomic():
        job = BackgroundJob.objects.select_for_update().get(pk=job.pk)
        if not job.can_start_again:
            raise JobRefused([gettext("Only work stopped by the worker can be started again.")])
        previous = DBTaskResult.objects.get(pk=job.task_id)
        result = previous.task.enqueue(
            *previous.args_kwargs["args"], **previous.args_kwargs["kwargs"]
        )
        job.task_id = str(result.id)
        job.status = BackgroundJob.Status.QUEUED
        job.interrupted = False
        job.started_by = job.started_by or user
        job.started_at = job.finished_at = job.heartbeat_at = None
        job.worker = job.progress = job.outcome = ""
        job.problems = []
        job.save()
    logger.info("Job %s started again by %s", job.pk, user)
    return job


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
