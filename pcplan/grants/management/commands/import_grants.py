from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db import transaction

from pcplan.core.commands import DataCommand
from pcplan.grants.importer import ImportRefused, import_external_and_services, import_grants


class Command(DataCommand):
    help = (
        "Import funds and awards from CSV or Excel files in pcplan's grants import format "
        "(docs/grants-import.md). All rows or none; re-importing the same files changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--funds", type=Path, metavar="FILE", help="funds, CSV or .xlsx")
        parser.add_argument("--awards", type=Path, metavar="FILE", help="awards, CSV or .xlsx")
        parser.add_argument("--external", type=Path, metavar="FILE", help="external funding bids")
        parser.add_argument("--services", type=Path, metavar="FILE", help="commissioned services")

    def handle(self, *args: Any, **options: Any) -> None:
        funds, awards = options["funds"], options["awards"]
        external, services = options["external"], options["services"]
        if not any((funds, awards, external, services)):
            raise CommandError("Give --funds, --awards, --external or --services FILE.")
        try:
            with transaction.atomic():
                result = import_grants(funds, awards) if funds or awards else None
                others = import_external_and_services(external, services)
        except ImportRefused as exc:
            raise CommandError(f"Not imported; nothing was changed. Problems:\n{exc}") from None
        if result is not None:
            self.stdout.write(result.summary() if result.changed else "Grants already up to date.")
        if external or services:
            self.stdout.write(f"External funding and commissioned services: {others} changed.")
