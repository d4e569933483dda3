from __future__ import annotations

from typing import Any

from django.conf import settings

from pcplan.accounts.services import forget_old_sign_ins
from pcplan.core.commands import DataCommand


class Command(DataCommand):
    help = (
        "Delete sign-in record entries older than PCPLAN_SIGN_IN_RECORD_DAYS (365 by default), "
        "as the privacy notice promises. Run it daily from cron."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = forget_old_sign_ins()
        days = settings.PCPLAN_SIGN_IN_RECORD_DAYS
        self.stdout.write(f"{deleted} sign-in record entries older than {days} days deleted")
