"""`pcplan restore FILE`: put back a `pcplan backup` archive, replacing what is there now."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pcplan.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the database and the stored files with those of a pcplan backup archive. "
        "Everything saved since that backup is lost: stop the site and the worker first. "
        "Asks to confirm unless --yes is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, metavar="FILE")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask to confirm (for scripts)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source: Path = options["file"]
        if not source.is_file():
            raise CommandError(f"{source}: no such file; nothing was changed")
        if not options["yes"]:
            answer = input(
                "This replaces the database and stored files with the backup's; everything "
                "saved since is lost. Type 'restore' to go on: "
            )
            if answer.strip() != "restore":
                raise CommandError("Not restored; nothing was changed")
        try:
            manifest = restore(source)
        except BackupError as exc:
            raise CommandError(f"Not restored: {exc}") from None
        self.stdout.write(
            f"{source}: restored the {manifest['database']} database made at {manifest['made_at']}"
        )
        self.stdout.write("Run pcplan migrate if this pcplan is newer than the backup.")
