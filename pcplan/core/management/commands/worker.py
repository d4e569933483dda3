"""`pcplan worker`: run the background work queued by pages (long imports).

The database is the queue (django-tasks' database backend), so the worker needs nothing but
the same settings as the site. Run one or more under systemd beside the site
(docs/deployment.md); `--batch` runs what is queued and stops (for cron or a test).
"""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker


class Command(DatabaseWorker):
    help = (
        "Run background work started from pages (imports), queued in the database. "
        "--batch runs what is queued, then stops."
    )
