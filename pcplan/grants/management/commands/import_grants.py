from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pcplan.grants.importer import ImportRefused, import_grants


class Command(BaseCommand):
    help = (
        "Import funds and awards from CSV or Excel files in pcplan's grants import format "
        "(docs/grants-import.md). All rows or none; re-importing the same files changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--funds", type=Path, metavar="FILE", help="funds, CSV or .xlsx")
        parser.add_argument("--awards", type=Path, metavar="FILE", help="awards, CSV or .xlsx")

    def handle(self, *args: Any, **options: Any) -> None:
        funds, awards = options["funds"], options["awards"]
        if funds is None and awards is None:
            raise CommandError("Give --funds FILE, --awards FILE, or both.")
        try:
            result = import_grants(funds, awards)
        except ImportRefused as exc:
            raise CommandError(f"Not imported; nothing was changed. Problems:\n{exc}") from None
        self.stdout.write(result.summary() if result.changed else "Grants already up to date.")
