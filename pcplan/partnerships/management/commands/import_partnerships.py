from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from pcplan.core.commands import DataCommand
from pcplan.partnerships.importer import import_partnerships_file
from pcplan.plans.importer import ImportRefused


class Command(DataCommand):
    help = (
        "Import partnerships and boards, their members, organisations' statutory roles and "
        "CSP duties from a YAML file (docs/partnerships-format.md). All or nothing; "
        "re-importing the same file adds nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            result = import_partnerships_file(path)
        except ImportRefused as exc:
            raise CommandError(
                f"{path}: not imported; nothing was changed. Problems:\n{exc}"
            ) from None
        verdict = "imported" if result.changed else "already up to date"
        self.stdout.write(f"{path}: partnerships {verdict}")
        self.stdout.write(result.summary())
