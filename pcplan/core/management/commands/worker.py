"""`pcplan worker`: run the background work queued by pages (long imports).

The database is the queue (django-tasks' database backend), so the worker needs nothing but
the same settings as the site. Run one or more under systemd beside the site
(docs/deployment.md); `--batch` runs what is queued and stops (for cron or a test).

On start it first marks not done the jobs a dead worker left "Running" (pcplan.core.jobs), so
that a worker restarted after a crash tells the people waiting on them.
"""

from __future__ import annotations

import signal
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from pcplan.core import jobs

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
        for job in jobs.recover_abandoned():
            self.stderr.write(f"{job.title}: its worker stopped before it finished; not done.")
        try:
            super().handle(*args, **options)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
