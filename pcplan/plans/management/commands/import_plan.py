from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from pcplan.core.commands import DataCommand
from pcplan.plans.importer import ImportRefused, import_plan_files


class Command(DataCommand):
    help = (
        "Import a plan, its themes and its Delivery Plan from a YAML file in pcplan's plan "
        "import format (docs/import-format.md). All files or none; re-importing changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[Path] = options["files"]
        try:
            results = import_plan_files(paths)
        except ImportRefused as exc:
            names = ", ".join(str(p) for p in paths)
            raise CommandError(
                f"{names}: not imported; nothing was changed. Problems:\n{exc}"
            ) from None
        for path, result in zip(paths, results, strict=True):
            verdict = "imported" if result.changed else "already up to date"
            self.stdout.write(f"{path}: plan '{result.plan_key}' {verdict}")
            if options["verbosity"] > 1 or result.changed:
                self.stdout.write(result.summary())
