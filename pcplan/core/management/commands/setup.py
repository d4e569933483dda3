from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pcplan.core.profile import setup_from_file
from pcplan.plans.importer import ImportRefused


class Command(BaseCommand):
    help = (
        "Set up the office profile (kind of body, names, forces, Panel, Community Safety "
        "Partnerships and their districts) from a YAML file (docs/profile-format.md). The file "
        "is the whole profile; a bad file changes nothing; running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, metavar="PROFILE")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            result = setup_from_file(path)
        except ImportRefused as exc:
            raise CommandError(
                f"{path}: not set up; nothing was changed. Problems:\n{exc}"
            ) from None
        verdict = "office profile set up" if result.changed else "office profile already up to date"
        self.stdout.write(f"{path}: {verdict}")
        if result.changed:
            self.stdout.write(result.summary())
