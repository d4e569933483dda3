"""`pcplan worker`: run the background work queued by pages (long imports).

The database is the queue (django-tasks' database backend), so the worker needs nothing but
the same settings as the site. Run one or more under systemd beside the site
(docs/deployment.md); `--batch` runs what is queued and stops (for cron or a test).

On start it first marks not done the jobs a dead worker left "Running" (pcplan.core.jobs), so
that a worker restarted after a crash tells the people waiting on them.

When the database cannot be reached (PostgreSQL restarting) the worker waits and tries again
rather than stopping: systemd gives up on a service that stops five times in ten seconds, and
the queue would then wait for ever. A job it was running when the connection went was rolled
back with it, and is marked not done, to be started again, once the database is back.
"""

from __future__ import annotations

import signal
import time
from typing import Any

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from pcplan.core import jobs

# Seconds between tries to reach a database that could not be reached.
RECONNECT_SECONDS = 2.0

SIGNALS = [signal.SIGINT, signal.SIGTERM, *([signal.SIGQUIT] if hasattr(signal, "SIGQUIT") else [])]


class Command(DatabaseWorker):
    help = (
        "Run background work started from pages (imports), queued in the database. "
        "--batch runs what is queued, then stops."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # The worker installs its own handlers for a graceful stop; put back the caller's
        # when it returns (`--batch` called from a script or a test), so that an interrupt
        # later on is the caller's to handle.
        previous = {number: signal.getsignal(number) for number in SIGNALS}
        try:
            while True:
                try:
                    self.recover()
                    super().handle(*args, **options)
                    return
                except (OperationalError, InterfaceError) as exc:
                    self.stderr.write(
                        f"The worker could not reach the database ({str(exc).strip()}); "
                        f"trying again in {RECONNECT_SECONDS:g} s."
                    )
                    for connection in connections.all(initialized_only=True):
                        try:
                            connection.close()
                        except DatabaseError:
                            pass  # already gone with the server
                    time.sleep(RECONNECT_SECONDS)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)

    def recover(self) -> None:
        for job in jobs.recover_abandoned():
            self.stderr.write(f"{job.title}: its worker stopped before it finished; not done.")
        for job in jobs.recover_own():
            self.stderr.write(f"{job.title}: the database went away while it ran; not done.")
