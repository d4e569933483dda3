"""What pcplan's own management commands share."""

from __future__ import annotations

from django.core.management.base import BaseCommand


class DataCommand(BaseCommand):
    """A command that moves data, run by hand or by cron: imports, exports, digests, reminders
    and erasure.

    Django runs its system checks before every command typed on the command line. They check
    the project's configuration, not the data, and to do it they import every URL module, view
    and template library: 44% of `pcplan import-police-data` on one force-month (a profile,
    docs/PERFORMANCE.md). These commands skip them; `pcplan check --deploy`, `pcplan migrate`
    and `pcplan serve` still run them, so a broken configuration is still found before it
    serves anyone.
    """

    requires_system_checks: list[str] = []
