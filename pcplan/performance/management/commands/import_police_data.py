from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.management.base import CommandError, CommandParser

from pcplan.core.commands import DataCommand
from pcplan.performance.importer import PoliceDataError, import_police_data
from pcplan.performance.importer import Progress as ImportProgress
from pcplan.performance.models import ImportRun
from pcplan.performance.police import Summary

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


class RichProgress(ImportProgress):
    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.reading: TaskID | None = None
        self.writing_task: TaskID | None = None

    def files_found(self, total: int) -> None:
        self.reading = self.progress.add_task("Reading files", total=total)

    def files_read(self, n: int) -> None:
        if self.reading is not None:
            self.progress.advance(self.reading, n)

    def writing(self, total_rows: int) -> None:
        # Called again as more files are read: the total grows.
        if self.writing_task is None:
            self.writing_task = self.progress.add_task("Writing aggregates", total=total_rows)
        else:
            self.progress.update(self.writing_task, total=total_rows)

    def rows_written(self, n: int) -> None:
        if self.writing_task is not None:
            self.progress.advance(self.writing_task, n)


class Command(DataCommand):
    help = (
        "Import data.police.uk monthly downloads (street, outcomes and stop-and-search CSV "
        "files, folders of them, or the download zip) as monthly aggregates. Every file is "
        "checked before anything is written; re-importing a month replaces it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--allow-empty",
            action="store_true",
            help="Accept a file with a header and no rows for a month already loaded, "
            "replacing that month with nothing (refused without this).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verbosity"] == 0:
            # No bars, no table: rich is not even imported (issue 16, start-up).
            self._import(options, ImportProgress())
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
        from rich.table import Table

        console = Console(file=self.stdout, highlight=False)  # type: ignore[arg-type]
        columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
        with Progress(*columns, console=console, transient=False) as bar:
            run, summary = self._import(options, RichProgress(bar))
        table = Table(title="Police data imported", show_header=False)
        table.add_row("Files", str(run.file_count))
        for kind, rows in summary.rows_by_kind.items():
            if rows:
                table.add_row(f"Rows ({kind})", f"{rows:,}")
        table.add_row("Rows", f"{run.rows:,}")
        table.add_row("Aggregates stored", f"{run.aggregate_rows:,}")
        table.add_row("Months", ", ".join(run.months))
        table.add_row("Forces", ", ".join(run.forces))
        if run.rows_dated_in_other_month:
            table.add_row(
                "Stop and search dated in another month",
                f"{run.rows_dated_in_other_month:,} (kept in the month of their file)",
            )
        if summary.searches_not_placed:
            table.add_row(
                "Stop and search with a location but no area",
                f"{summary.searches_not_placed:,} (no street crime of the force near them in "
                "the files imported with them: import street and stop and search files "
                "together)",
            )
        console.print(table)

    def _import(
        self, options: dict[str, Any], progress: ImportProgress
    ) -> tuple[ImportRun, Summary]:
        try:
            return import_police_data(
                options["paths"], progress=progress, allow_empty=options["allow_empty"]
            )
        except PoliceDataError as exc:
            raise CommandError(f"Nothing was imported. {exc}") from None
