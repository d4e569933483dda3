"""When PostgreSQL restarts, pages and the worker ride it out (issue 15: "PostgreSQL restarted
during the load: no data lost, every task either done or retried"; found by
benchmarks/load_and_faults.py).

A page whose database connection is lost is a 503 "try again" page, not the 500 that says
something is wrong with the service. The restart is made real for this test's database only
(the server is shared): its connections are ended by the server, as a restart ends them, and
new ones refused for a while.

The worker, too, waits for the database to come back instead of stopping: under systemd a
worker that stopped at once on every failed connection would be given up on after five quick
restarts, and the queue would wait for ever.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from pcplan.core import jobs
from pcplan.core.models import BackgroundJob, Organisation, User
from tests.core.stoppable_task import HALF_DONE_KEY, write_then_wait
from tests.core.test_a_job_whose_worker_was_killed import ROOT, database_for_a_worker
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True)]


def admin_connection() -> psycopg.Connection:
    """A connection of its own to the server's maintenance database, as an operator's."""
    params = connection.get_connection_params()
    params["dbname"] = "postgres"
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("prepare_threshold", None)
    return psycopg.connect(**params, autocommit=True)


def end_connections(name: str, except_pid: int | None = None) -> None:
    """What a server restart does to every open connection of the database."""
    with admin_connection() as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid() AND pid <> %s",
            [name, except_pid or 0],
        )


@contextmanager
def database_down(name: str) -> Iterator[None]:
    """New connections refused and open ones ended, as while the server restarts."""
    with admin_connection() as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
    end_connections(name)
    try:
        yield
    finally:
        with admin_connection() as admin:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')


@pytest.fixture
def postgresql() -> Iterator[str]:
    if connection.vendor != "postgresql":
        pytest.skip("a database server restart is PostgreSQL's")
    yield str(connection.settings_dict["NAME"])
    connection.close()  # the test's own connection was ended: the next use opens a new one


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False


def test_a_page_whose_database_connection_was_ended_is_a_503_to_try_again(postgresql, editor):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    assert client.get(reverse("core:staff-home")).status_code == 200
    end_connections(postgresql)

    response = client.get(reverse("core:staff-home"))

    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Sorry, the service is unavailable – pcplan" in response.text
    assert "check whether it was saved" in response.text


def test_a_page_asked_for_while_the_database_refuses_connections_is_a_503(postgresql, editor):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    connection.close()
    with database_down(postgresql):
        response = client.get(reverse("core:staff-home"))
    assert response.status_code == 503
    assert client.get(reverse("core:staff-home")).status_code == 200


class ConnectionEndsAfterTheView:
    """Just inside Django's SessionMiddleware: the view has answered, and the request's database
    connection is ended (as a restart ends it) before the session, changed by its renewal, is
    saved."""

    def __init__(self, get_response: Callable[[object], object]) -> None:
        self.get_response = get_response

    def __call__(self, request: object) -> object:
        response = self.get_response(request)
        end_connections(str(connection.settings_dict["NAME"]))
        return response


def test_a_session_lost_with_the_connection_after_the_view_is_a_503_not_a_400(
    postgresql, editor, settings
):
    """Django's session middleware reports a session it could not save as deleted by another
    request (400); it was the database going away: the load test's one 400 during a restart."""
    sessions = settings.MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware")
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[: sessions + 1],
        f"{__name__}.ConnectionEndsAfterTheView",
        *settings.MIDDLEWARE[sessions + 1 :],
    ]
    client = Client(raise_request_exception=False)
    client.force_login(editor)  # a new session: its first request renews it

    response = client.get(reverse("core:staff-home"))

    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Sorry, the service is unavailable – pcplan" in response.text


def wait_for(
    check: Callable[[], bool], what: str, worker: subprocess.Popen[bytes], seconds: float = 180
) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if worker.poll() is not None:
            pytest.fail(f"the worker stopped: {worker.communicate()[0].decode()}")
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


@pytest.fixture
def starter(db):
    return UserFactory(role=User.Role.OPCC_EDITOR)


def test_the_worker_waits_for_a_restarted_database_and_runs_what_is_queued_after(
    postgresql, starter: User, tmp_path: Path
) -> None:
    marker = tmp_path / "written"
    marker.write_text("the task finishes at once")
    first = jobs.start(starter, write_then_wait, title="Before", marker=str(marker))
    with database_for_a_worker(tmp_path) as database_url:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
        env.update(DATABASE_URL=database_url, PCPLAN_TESTING="1", PYTHONPATH=str(ROOT))
        env.update(PCPLAN_DATA_DIR=str(tmp_path))
        worker = subprocess.Popen(  # noqa: S603 - our own console script
            [str(Path(sys.executable).parent / "pcplan"), "worker", "--no-reload"]
            + ["--no-startup-delay", "--interval=0.2"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            done = BackgroundJob.Status.DONE
            wait_for(
                lambda: BackgroundJob.objects.get(pk=first.pk).status == done,
                "the worker never ran the first job",
                worker,
            )
            Organisation.objects.filter(key=HALF_DONE_KEY).delete()  # the task writes it again
            connection.close()
            with database_down(postgresql):
                time.sleep(3)  # the worker polls (and fails to connect) several times
                assert worker.poll() is None, worker.communicate()[0].decode()
            after = jobs.start(starter, write_then_wait, title="After", marker=str(marker))
            wait_for(
                lambda: BackgroundJob.objects.get(pk=after.pk).status == done,
                "the worker never ran the job queued after the restart",
                worker,
            )
        finally:
            worker.send_signal(signal.SIGTERM)
            out = worker.communicate(timeout=60)[0].decode()
    assert "could not reach the database" in out
