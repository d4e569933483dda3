from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from pcplan.core.commands import DataCommand
from pcplan.grants.reminders import send_return_reminders


class Command(DataCommand):
    help = (
        "Email a reminder about every overdue grant monitoring return, and every commissioned "
        "service's quarterly return due within a week or overdue, to the organisation's "
        "people, at most once a day until it is in. Run daily from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--base-url", default="", help="The site's address, for the link.")

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_return_reminders(base_url=options["base_url"])
        self.stdout.write(f"Sent {sent} reminder{'s' if sent != 1 else ''}.")
