"""Send each confirmed subscriber a digest of what was published in their scope since the
last one. Run it on a schedule (cron or a systemd timer), e.g. weekly."""

from __future__ import annotations

from typing import Any

from pcplan.core.commands import DataCommand
from pcplan.engagement.subscriptions import send_digests


class Command(DataCommand):
    help = "Email confirmed subscribers what was published in their scope since the last digest."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_digests()
        self.stdout.write(f"Digests sent: {sent}.")
