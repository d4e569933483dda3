"""A job whose worker is killed (kill -9) mid-task is noticed, said to be not done with a clear
message, has left nothing half-written, and can be started again from its page (issue 15:
"kill -9 of the worker mid-task ... every task either done or retried").

The worker is a real `pcplan worker` process on the test database: on PostgreSQL the same
database; on SQLite, whose test database lives in memory, a file copy of it, copied back
after the worker is killed.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pcplan.core import jobs
from pcplan.core.models import BackgroundJob, Organisation, User
from tests.core.stoppable_task import HALF_DONE_KEY, write_then_wait
from tests.factories import UserFactory
from tests.htmlforms import served_form

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def database_for_a_worker(tmp_path: Path) -> Iterator[str]:
    """The DATABASE_URL a worker process uses to reach this test's database."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        password = quote(str(settings.get("PASSWORD") or ""))
        user = quote(str(settings.get("USER") or ""))
        credentials = f"{user}:{password}@" if password else f"{user}@"
        host, port = settings.get("HOST") or "127.0.0.1", settings.get("PORT") or 5432
        yield f"postgres://{credentials}{host}:{port}/{settings['NAME']}"
        return
    copy = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    into = sqlite3.connect(copy)
    connection.connection.backup(into)
    into.close()
    yield f"sqlite:///{copy}"
    back = sqlite3.connect(copy)
    back.backup(connection.connection)
    back.close()


def run_worker_until_killed(database_url: str, marker: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
    env.update(
        DATABASE_URL=database_url,
        PCPLAN_TESTING="1",
        PCPLAN_DATA_DIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    worker = subprocess.Popen(  # noqa: S603 - our own console script
        [
            str(Path(sys.executable).parent / "pcplan"),
            "worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--interval=0",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 180
        while not marker.exists():
            assert worker.poll() is None, worker.communicate()[0].decode()
            assert time.monotonic() < deadline, "the worker never started the task"
            time.sleep(0.1)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL


def run_worker_in_batch() -> str:
    out = StringIO()
    call_command(
        "worker", "--batch", "--no-reload", "--no-startup-delay", "--interval=0", stderr=out
    )
    return out.getvalue()


@pytest.fixture
def starter(db):
    return UserFactory(username="importer", role=User.Role.OPCC_EDITOR)


def test_a_job_whose_worker_was_killed_is_not_done_and_can_be_started_again(
    starter: User, tmp_path: Path
) -> None:
    marker = tmp_path / "written"
    job = jobs.start(starter, write_then_wait, title="A long import", marker=str(marker))

    with database_for_a_worker(tmp_path) as database_url:
        run_worker_until_killed(database_url, marker, tmp_path)

    # The worker died mid-task: its transaction went with it, and the job still says running.
    assert not Organisation.objects.filter(key=HALF_DONE_KEY).exists()
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.RUNNING
    assert job.worker and job.heartbeat_at is not None

    # The next worker to start notices, and says so.
    said = run_worker_in_batch()
    assert "A long import: its worker stopped before it finished" in said
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.FAILED
    assert job.interrupted
    assert DBTaskResult.objects.get(pk=job.task_id).status == "FAILED"

    client = Client()
    client.force_login(starter)
    page = client.get(reverse("core:job", args=[job.pk]))
    body = page.content.decode()
    assert "The worker running this job stopped before it finished" in body
    assert "Nothing was changed. Start it again." in body
    action = reverse("core:job-start-again", args=[job.pk])
    assert client.post(action, served_form(body, action=action)).status_code == 302
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.QUEUED

    run_worker_in_batch()
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE
    assert job.outcome == "Finished."
    assert Organisation.objects.filter(key=HALF_DONE_KEY).count() == 1
    # Finished work cannot be queued again.
    assert client.post(action).status_code == 302
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE


def test_a_job_on_another_machine_is_taken_as_stopped_only_once_its_worker_is_silent(
    starter: User, settings: Any
) -> None:
    settings.PCPLAN_JOB_STALE_SECONDS = 120
    job = BackgroundJob.objects.create(
        title="An import elsewhere",
        started_by=starter,
        status=BackgroundJob.Status.RUNNING,
        worker="another-machine:4242:1234",
    )
    now = timezone.now()
    job.heartbeat_at = now - dt.timedelta(seconds=60)
    assert not jobs.is_abandoned(job, now)
    job.heartbeat_at = now - dt.timedelta(seconds=121)
    assert jobs.is_abandoned(job, now)


def test_a_running_job_of_a_live_worker_on_this_machine_is_left_alone(starter: User) -> None:
    job = BackgroundJob.objects.create(
        title="An import here",
        started_by=starter,
        status=BackgroundJob.Status.RUNNING,
        worker=jobs.this_process(),
    )
    assert jobs.recover_abandoned() == []
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.RUNNING
