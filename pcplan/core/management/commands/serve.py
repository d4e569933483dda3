"""`pcplan serve`: pcplan under gunicorn, the production server (docs/deployment.md)."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pcplan.lib.env import env_int, env_str


def default_workers() -> int:
    """gunicorn's advice, two per core and one more, unless PCPLAN_WORKERS says otherwise."""
    return env_int("PCPLAN_WORKERS", 2 * (os.cpu_count() or 1) + 1)


def gunicorn_argv(*, bind: str, workers: int, threads: int, timeout: int) -> list[str]:
    """The gunicorn command line that serves pcplan's WSGI application."""
    return [
        "gunicorn",
        "pcplan.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        str(timeout),
        # Requests are logged by the proxy in front; errors go to stderr.
        "--error-logfile",
        "-",
        # Workers' temporary heartbeat files in memory, not on a possibly slow disk.
        "--worker-tmp-dir",
        "/dev/shm" if os.path.isdir("/dev/shm") else "/tmp",  # noqa: S108
    ]


class Command(BaseCommand):
    help = (
        "Serve pcplan with gunicorn: PCPLAN_WORKERS worker processes (default two per core and "
        "one more) on PCPLAN_BIND (default 127.0.0.1:8000). Static files are served by "
        "WhiteNoise after `pcplan collectstatic`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bind",
            default=env_str("PCPLAN_BIND", "127.0.0.1:8000"),
            help="address:port or unix:PATH to listen on (PCPLAN_BIND)",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=default_workers(),
            help="worker processes (PCPLAN_WORKERS)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=env_int("PCPLAN_THREADS", 1),
            help="threads per worker (PCPLAN_THREADS); each holds its own database connection",
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=env_int("PCPLAN_WORKER_TIMEOUT", 60),
            help="seconds before a silent worker is restarted (PCPLAN_WORKER_TIMEOUT)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1 or options["threads"] < 1:
            raise CommandError("--workers and --threads must be at least 1")
        argv = gunicorn_argv(
            bind=options["bind"],
            workers=options["workers"],
            threads=options["threads"],
            timeout=options["timeout"],
        )
        executable = shutil.which("gunicorn", path=os.path.dirname(sys.executable))
        if executable is None:
            executable = shutil.which("gunicorn")
        if executable is None:
            raise CommandError("gunicorn is not installed: pip install gunicorn")
        sys.stdout.flush()
        sys.stderr.flush()
        # gunicorn replaces this process, so signals (TERM, HUP to reload) reach it directly.
        os.execv(executable, argv)  # noqa: S606 - our own argument list, no shell
