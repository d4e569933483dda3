"""Import communications output (press releases, social posts, statements...) from a CSV or
Excel file: all rows or none; importing the same file again adds nothing
(docs/engagement-import.md, "Communications output")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from pcplan.core.commands import DataCommand
from pcplan.engagement import output_import


class Command(DataCommand):
    help = (
        "Import communications output from a CSV or .xlsx file with the columns Date, Kind, "
        "Title, and optionally Channel and Theme. All rows or none; re-importing adds nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV (UTF-8) or .xlsx")
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and say what would be added"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from None
        try:
            if options["dry_run"]:
                result = output_import.preview(path.name, data)
            else:
                result = output_import.apply(None, path.name, data)
        except output_import.UploadError as exc:
            problems = "\n".join(exc.problems)
            raise CommandError(
                f"Not imported; nothing was changed. Problems:\n{problems}"
            ) from None
        verb = "would be added" if options["dry_run"] else "added"
        self.stdout.write(f"{path.name}: {result.rows} rows read, {len(result.new)} {verb}.")
