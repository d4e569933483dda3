"""`pcplan backup FILE`: the database and the stored files in one archive (pcplan.core.backup)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pcplan.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database and the stored files (reports, agenda papers) to one .tar.gz "
        "archive, while the site runs. SQLite uses its online backup; PostgreSQL needs "
        "pg_dump on PATH. Restore it with pcplan restore FILE."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        target: Path = options["file"]
        if not target.parent.is_dir():
            raise CommandError(f"{target.parent} is not a folder: nothing was written")
        try:
            manifest = backup(target)
        except BackupError as exc:
            raise CommandError(f"Not backed up: {exc}") from None
        media = "and stored files " if manifest["media"] else ""
        self.stdout.write(f"{target}: {manifest['database']} database {media}backed up")
