from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from pcplan.core.commands import DataCommand
from pcplan.delivery.services import send_decision_digest


class Command(DataCommand):
    help = (
        "Email every editor how many updates and proposals await their decision (nothing when "
        "none wait). Run daily from cron or a systemd timer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            default="",
            help="The site's address, for the link in the email, e.g. https://plan.example.org",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_decision_digest(base_url=options["base_url"])
        self.stdout.write(f"Sent {sent} email{'s' if sent != 1 else ''}.")
