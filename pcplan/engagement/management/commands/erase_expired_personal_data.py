"""Blank the personal details of concerns closed longer ago than the retention period.

Run daily from cron or a systemd timer. The erasure is recorded in each concern's history
(which fields, when) without the values, which are blanked in earlier history records too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from pcplan.engagement.services import erase_expired


class Command(BaseCommand):
    help = "Erase the personal details of concerns closed longer ago than the retention period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention in days after closure (default: PCPLAN_CONCERN_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--today", type=dt.date.fromisoformat, default=None, help="As if run on this date."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if days is None:
            days = int(settings.PCPLAN_CONCERN_RETENTION_DAYS)
        if days < 0:
            self.stderr.write("--days must be 0 or more")
            raise SystemExit(2)
        today = options["today"] or dt.date.today()
        erased = erase_expired(today, days)
        self.stdout.write(f"Personal details erased from {erased} concern(s).")
