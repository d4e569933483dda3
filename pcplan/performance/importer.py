"""`pcplan import-police-data`: validate every file, then replace its months in one transaction."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.db.models import Model, Q

from pcplan.core.audit import attributed_to
from pcplan.core.models import User
from pcplan.performance.models import (
    ImportRun,
    PoliceMonthlyCrime,
    PoliceMonthlyOutcome,
    PoliceMonthlyStopSearch,
)
from pcplan.performance.police import (
    OUTCOMES,
    STOP_AND_SEARCH,
    STREET,
    PoliceDataError,
    Reader,
    Summary,
    find_files,
)

__all__ = ["PoliceDataError", "import_police_data"]

TARGETS: dict[str, tuple[type[Model], list[str]]] = {
    STREET: (
        PoliceMonthlyCrime,
        ["lsoa_code", "lsoa_name", "district", "crime_type", "last_outcome_category", "count"],
    ),
    OUTCOMES: (
        PoliceMonthlyOutcome,
        ["lsoa_code", "lsoa_name", "district", "outcome_type", "count"],
    ),
    STOP_AND_SEARCH: (PoliceMonthlyStopSearch, ["object_of_search", "outcome", "count"]),
}


class Progress:
    """Callbacks the command line uses to draw its progress bars; silent by default."""

    def files_found(self, total: int) -> None: ...

    def files_read(self, n: int) -> None: ...

    def writing(self, total_rows: int) -> None: ...

    def rows_written(self, n: int) -> None: ...


def import_police_data(
    paths: Iterable[Path],
    *,
    user: User | None = None,
    progress: Progress | None = None,
    memory_limit: str = "512MB",
) -> tuple[ImportRun, Summary]:
    """Read every file first; if any is refused, raise PoliceDataError and change nothing."""
    progress = progress or Progress()
    with tempfile.TemporaryDirectory(prefix="pcplan-police-") as tmp:
        files = find_files(list(paths), Path(tmp))
        progress.files_found(len(files))
        reader = Reader(memory_limit=memory_limit, temp_directory=str(Path(tmp) / "duckdb"))
        try:
            summary = reader.aggregate(files, progress=progress.files_read)
            progress.writing(summary.aggregate_rows)
            run = _write(reader, summary, user, progress)
        finally:
            reader.close()
    return run, summary


@transaction.atomic
def _write(reader: Reader, summary: Summary, user: User | None, progress: Progress) -> ImportRun:
    for kind, (model, _) in TARGETS.items():
        replaced = [(force, month) for force, month, k in summary.replaced if k == kind]
        for force in {force for force, _ in replaced}:
            months = [month for f, month in replaced if f == force]
            model._default_manager.filter(Q(force=force) & Q(month__in=months)).delete()
    _insert(STREET, reader.street_rows(), progress.rows_written)
    _insert(OUTCOMES, reader.outcome_rows(), progress.rows_written)
    _insert(STOP_AND_SEARCH, reader.stop_rows(), progress.rows_written)
    run = ImportRun(
        imported_by=user,
        files=[f.name for f in summary.files],
        file_count=len(summary.files),
        rows=summary.rows,
        aggregate_rows=summary.aggregate_rows,
        months=summary.months,
        forces=summary.forces,
        rows_dated_in_other_month=summary.rows_dated_in_other_month,
    )
    attributed_to(run, user, "Police data imported").save()
    return run


def _insert(
    kind: str, batches: Iterator[list[tuple[Any, ...]]], rows_written: Callable[[int], None]
) -> None:
    """Rows straight from DuckDB: COPY on PostgreSQL, executemany on SQLite; millions of
    aggregates would be slow as model instances."""
    model, columns = TARGETS[kind]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(c) for c in ["force", "month", *columns])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # psycopg 3
            with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for batch in batches:
                    for row in batch:
                        copy.write_row(row)
                    rows_written(len(batch))
            return
        placeholders = ", ".join(["%s"] * (len(columns) + 2))
        sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"  # noqa: S608 - our names
        for batch in batches:
            cursor.executemany(sql, batch)
            rows_written(len(batch))
