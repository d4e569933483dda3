from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pcplan.plans.importer import ImportRefused, import_plan_file


class Command(BaseCommand):
    help = (
        "Import a plan, its themes and its Delivery Plan from a YAML file in pcplan's plan "
        "import format (docs/import-format.md). All or nothing; re-importing changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        for path in options["files"]:
            try:
                result = import_plan_file(path)
            except ImportRefused as exc:
                raise CommandError(
                    f"{path} was not imported; nothing was changed. Problems:\n{exc}"
                ) from None
            verdict = "imported" if result.changed else "already up to date"
            self.stdout.write(f"{path}: plan '{result.plan_key}' {verdict}")
            if options["verbosity"] > 1 or result.changed:
                self.stdout.write(result.summary())
