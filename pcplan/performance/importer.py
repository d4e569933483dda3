"""`pcplan import-police-data`: read every file and replace its months, in one transaction."""

from __future__ import annotations

import datetime as dt
import os
import queue
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext

from pcplan.core import bulk
from pcplan.core.audit import attributed_to
from pcplan.core.models import User
from pcplan.performance import figures, limits
from pcplan.performance.models import (
    ImportRun,
    PoliceMapPoint,
    PoliceMonthlyCrime,
    PoliceMonthlyOutcome,
    PoliceMonthlyStopSearch,
)
from pcplan.performance.police import (
    MAP_POINTS,
    OUTCOMES,
    STOP_AND_SEARCH,
    STREET,
    Batch,
    PoliceDataError,
    PoliceFile,
    Reader,
    Summary,
    find_files,
)

__all__ = ["PoliceDataError", "import_police_data"]

# What each kind of file is stored as, replaced a whole (force, month) at a time.
TARGETS: dict[str, tuple[type[Model], list[str]]] = {
    STREET: (
        PoliceMonthlyCrime,
        [
            "force",
            "month",
            "lsoa_code",
            "lsoa_name",
            "district",
            "crime_type",
            "last_outcome_category",
            "count",
        ],
    ),
    OUTCOMES: (
        PoliceMonthlyOutcome,
        ["force", "month", "lsoa_code", "lsoa_name", "district", "outcome_type", "count"],
    ),
    STOP_AND_SEARCH: (
        PoliceMonthlyStopSearch,
        [
            "force",
            "month",
            "district",
            "object_of_search",
            "outcome",
            "outcome_linked",
            "officer_defined_ethnicity",
            "self_defined_ethnicity",
            "count",
        ],
    ),
}
# Street-crime map points are only ever added to (police.NEW_POINTS_SQL).
MAP_POINT_COLUMNS = ["force", "latitude", "longitude", "district"]


def stored_models() -> list[type[Model]]:
    """Every table the import writes rows into, bar its one ImportRun row."""
    return [model for model, _ in TARGETS.values()] + [PoliceMapPoint]


class Progress:
    """Callbacks the command line uses to draw its progress bars; silent by default.

    Files are read in one thread while what was read before is written in the calling one:
    `files_read` is called from the reading thread (so it must not touch the database);
    `writing` when writing begins and again each time more rows are read to be written, with
    the rows known so far; `rows_written` as they are written."""

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
    allow_empty: bool = False,
) -> tuple[ImportRun, Summary]:
    """Read every file and write its aggregates in one transaction; if any is refused, raise
    PoliceDataError and change nothing.

    A file with a header and no rows for a force, month and kind already loaded is refused
    unless allow_empty: replacing the month with nothing is far more often a broken
    download than a month with no crime."""
    progress = progress or Progress()
    # The map points kept and the rows written pass through Python as lists of tuples:
    # hundreds of thousands of objects the cycle collector would traverse and never free.
    with (
        bulk.cycle_collector_paused(),
        tempfile.TemporaryDirectory(prefix="pcplan-police-") as tmp,
    ):
        files = find_files(list(paths), Path(tmp))
        _refuse_months_outside_the_limits(files)
        progress.files_found(len(files))
        reader = Reader(memory_limit=memory_limit, temp_directory=str(Path(tmp) / "duckdb"))
        try:
            reader.keep_points(
                PoliceMapPoint.objects.filter(force__in={f.force for f in files})
                .values_list(*MAP_POINT_COLUMNS)
                .iterator(chunk_size=20_000)
            )
            run, summary = _read_and_write(reader, files, user, progress, allow_empty=allow_empty)
        finally:
            reader.close()
    # The public figures of the forces just loaded, built now rather than on a page request.
    transaction.on_commit(figures.warm)
    return run, summary


@transaction.atomic
def _read_and_write(
    reader: Reader,
    files: list[PoliceFile],
    user: User | None,
    progress: Progress,
    *,
    allow_empty: bool,
) -> tuple[ImportRun, Summary]:
    """DuckDB reads the files a batch at a time in another thread (out of the GIL) while this
    one writes each batch read before, all inside the import's transaction: a file refused
    after others were written rolls them back with everything else. The reading alone took a
    third of a national import when every file was read before anything was written."""
    with _reading(reader, files, progress) as batches, ExitStack() as indexes:
        loaded = _months_loaded(files)
        emptied: set[type[Model]] = set()
        known = 0
        for batch in batches:
            known += reader.batch_rows(batch)
            progress.writing(known)
            _write_batch(reader, batch, progress, indexes, emptied, loaded, allow_empty=allow_empty)
    summary = reader.summary(files)
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
    return run, summary


@contextmanager
def _reading(
    reader: Reader, files: list[PoliceFile], progress: Progress
) -> Iterator[Iterator[Batch]]:
    """The batches as the reading thread finishes them. However the caller leaves (a refusal
    raised in either thread, a failed write), the reading is stopped and its thread ended."""
    done: queue.SimpleQueue[Batch | BaseException | None] = queue.SimpleQueue()
    stop = threading.Event()
    cursor = reader.con.cursor()

    def read() -> None:
        try:
            for batch in reader.read_batches(files, progress.files_read, con=cursor):
                if stop.is_set():
                    return
                done.put(batch)
            done.put(None)
        except BaseException as exc:  # noqa: BLE001 - raised again in the writing thread
            done.put(exc)

    def batches() -> Iterator[Batch]:
        while (item := done.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item

    thread = threading.Thread(target=read, name="pcplan-police-read", daemon=True)
    thread.start()
    try:
        yield batches()
    finally:
        if thread.is_alive():
            stop.set()
            cursor.interrupt()  # the query under way, if any, ends with an error nobody reads
        thread.join()
        cursor.close()


def _write_batch(
    reader: Reader,
    batch: Batch,
    progress: Progress,
    indexes: ExitStack,
    emptied: set[type[Model]],
    loaded: dict[str, set[tuple[str, dt.date]]],
    *,
    allow_empty: bool,
) -> None:
    """Replace the (force, month)s of the batch's files with what they hold. A table first
    written to starts with its indexes dropped, built again when the import's writing ends
    (bulk.indexes_built_after), if it was empty once the first batch's months were deleted.

    Only months `loaded` before the import are deleted: once a table's indexes are dropped,
    each DELETE reads the whole table, and a national first load, 22 batches of 24 forces,
    spent 86 s deleting nothing from the rows the batches before had written."""
    model: type[Model] = PoliceMapPoint
    columns = MAP_POINT_COLUMNS
    if batch.kind != MAP_POINTS:
        model, columns = TARGETS[batch.kind]
        replaced = [f for f in batch.files if (f.force, f.month) in loaded[batch.kind]]
        if not allow_empty:
            empty = reader.empty_files_of(batch)
            _refuse_empty_files_over_loaded_months([f for f in empty if f in replaced])
        by_force: dict[str, list[dt.date]] = defaultdict(list)
        for f in replaced:
            by_force[f.force].append(f.month)
        for force, months in by_force.items():
            bulk.delete_rows(model._default_manager.filter(Q(force=force) & Q(month__in=months)))
    if model not in emptied:
        emptied.add(model)
        indexes.enter_context(bulk.indexes_built_after(model))
    _insert(batch, model, columns, reader, progress.rows_written)


def _months_loaded(files: list[PoliceFile]) -> dict[str, set[tuple[str, dt.date]]]:
    """The (force, month)s of each kind of the files already stored, before anything is
    written: one read of each table's index on force, district and month."""
    forces = {f.force for f in files}
    return {
        kind: set(
            model._default_manager.filter(force__in=forces)
            .values_list("force", "month")
            .distinct()
            .order_by()
        )
        for kind, (model, _columns) in TARGETS.items()
    }


def _refuse_months_outside_the_limits(files: Iterable[PoliceFile]) -> None:
    """A file's month passes the limits every observation passes (performance.limits): the
    dashboards derive observations from these months, and a year 9999 broke their charts."""
    today = timezone.localdate()
    for f in files:
        if problem := limits.period_problem(f.month, today):
            raise PoliceDataError(
                f.name, gettext("the month in the file name: %(problem)s") % {"problem": problem}
            )


def _refuse_empty_files_over_loaded_months(empty_files: list[PoliceFile]) -> None:
    """Checked inside the import's transaction, so the month cannot be loaded in between."""
    for f in empty_files:
        model, _columns = TARGETS[f.kind]
        loaded = model._default_manager.filter(force=f.force, month=f.month).count()
        if loaded:
            raise PoliceDataError(
                f.name,
                gettext(
                    "the file has a header and no rows, but %(kind)s data for %(force)s in "
                    "%(month)s is already loaded (%(loaded)s aggregate rows); importing it "
                    "would remove that month. Check the download, or give --allow-empty to "
                    "replace the month with nothing"
                )
                % {
                    "kind": f.kind,
                    "force": f.force,
                    "month": f"{f.month:%Y-%m}",
                    "loaded": f"{loaded:,}",
                },
            )


def _insert(
    batch: Batch,
    model: type[Model],
    columns: list[str],
    reader: Reader,
    rows_written: Callable[[int], None],
) -> None:
    """Aggregates straight from DuckDB, never as model instances (there are millions):
    PostgreSQL's COPY reads a CSV file DuckDB writes; SQLite takes executemany batches."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            sql = f"COPY {table} ({names}) FROM STDIN (FORMAT csv)"
            written = _copy_through_a_pipe(reader, batch, cursor.cursor, sql)  # psycopg 3
            # Told only once the COPY has ended: while it runs the connection takes no
            # other statement, and a progress note written then waited for ever.
            rows_written(written)
            return
        sql = bulk.insert_sql(model, columns)
        for rows in reader.rows(batch):
            cursor.executemany(sql, rows)
            rows_written(len(rows))


COPY_CHUNK = 1 << 20


def _copy_through_a_pipe(reader: Reader, batch: Batch, raw: Any, sql: str) -> int:
    """PostgreSQL's COPY reads the CSV DuckDB writes while DuckDB writes it: DuckDB (in a
    thread, out of the GIL) writes into a pipe and this thread passes it to the server, so the
    two run at once on two cores (a whole file written first, then read, took a fifth longer:
    docs/PERFORMANCE.md). The rows written, counted by their line ends.

    The writer always closes its end, so the read ends; a writer's failure is raised here,
    inside the COPY, which aborts it (the import's transaction then undoes everything); a
    failure here closes the read end, which ends the writer's next write."""
    read_end, write_end = os.pipe()
    failed: list[BaseException] = []

    def write() -> None:
        try:
            reader.write_csv(batch, Path(f"/dev/fd/{write_end}"))
        except BaseException as exc:  # noqa: BLE001 - raised again in the reading thread
            failed.append(exc)
        finally:
            os.close(write_end)

    writer = threading.Thread(target=write, name=f"pcplan-police-{batch.kind}", daemon=True)
    writer.start()
    written = 0
    try:
        with os.fdopen(read_end, "rb") as stream, raw.copy(sql) as copy:
            while chunk := stream.read(COPY_CHUNK):
                copy.write(chunk)
                written += chunk.count(b"\n")
            writer.join()
            if failed:
                raise failed[0]
    finally:
        writer.join()
    return written
