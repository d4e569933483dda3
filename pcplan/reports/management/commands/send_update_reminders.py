from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from pcplan.core.commands import DataCommand
from pcplan.reports.services import send_update_reminders


class Command(DataCommand):
    help = (
        "Email a reminder to every organisation asked for updates that has not yet posted one, "
        "while the request is open (at most once a day). Run daily from cron or a systemd timer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            default="",
            help="The site's address, for the link in the email, e.g. https://plan.example.org",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_update_reminders(base_url=options["base_url"])
        self.stdout.write(f"Sent {sent} reminder{'s' if sent != 1 else ''}.")
