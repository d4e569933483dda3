"""Bulk writes shared by the importers that load many thousands of rows in one transaction.

Rows go to the database without model instances: on PostgreSQL through COPY, on SQLite
through the driver's `executemany`. The caller prepares each value as its field would
(`get_db_prep_save`) and runs inside its own `transaction.atomic()`, so a failure leaves
nothing behind.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

from django.db import connection
from django.db.models import Model, QuerySet, UniqueConstraint

from pcplan.core.pagecache import public_pages_changed

# Rows handed to SQLite's executemany at a time, so the parameters are never all in memory.
BATCH = 5_000


def insert_rows(model: type[Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert `rows` (values in the order of `columns`, prepared for the database) into the
    model's table; returns how many were written."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(c) for c in columns)
    written = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY takes the rows in one stream: no statement per row, as executemany sends.
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    written += 1
            return written
        sql = insert_sql(model, columns)
        iterator = iter(rows)
        while batch := list(islice(iterator, BATCH)):
            cursor.executemany(sql, batch)
            written += len(batch)
    return written


def delete_rows(rows: QuerySet[Any]) -> int:
    """Delete the rows with one DELETE statement; returns how many were deleted.

    For tables of aggregates that nothing refers to and nothing keeps a history of. Django's
    `delete()` reads every row first and sends two signals for each (pcplan.core.pagecache
    listens to every model): thousands of rows cost seconds. No signal is sent here, so the
    public version moves on once, as after any raw SQL write.
    """
    deleted = rows._raw_delete(rows.db)
    if deleted:
        public_pages_changed()
    return deleted


def insert_sql(model: type[Model], columns: Sequence[str]) -> str:
    """One row's INSERT into the model's table, for `executemany`."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    return f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({placeholders})"  # noqa: S608 - our names


def index_statements(model: type[Model]) -> tuple[list[str], list[str]]:
    """The SQL that drops the model's indexes and unique constraints (those named in its
    Meta), and the SQL that builds them again."""
    editor = connection.SchemaEditorClass(connection)
    built: list[Any] = [
        *model._meta.indexes,
        *(c for c in model._meta.constraints if _is_own_index(c)),
    ]
    drops = [_drop_sql(b, model, editor) for b in built]
    creates = [str(b.create_sql(model, editor)) for b in built]
    return drops, creates


def _drop_sql(built: Any, model: type[Model], editor: Any) -> str:
    if isinstance(built, UniqueConstraint) and connection.vendor != "sqlite":
        return str(built.remove_sql(model, editor))  # ALTER TABLE ... DROP CONSTRAINT
    return f"DROP INDEX {connection.ops.quote_name(built.name)}"


def _is_own_index(constraint: Any) -> bool:
    """Whether a constraint is a unique index that can be dropped and built again. SQLite
    keeps a plain unique constraint inside the table's own definition (Django remakes the
    table to add one), so only a conditional or expression one is an index of its own."""
    if not isinstance(constraint, UniqueConstraint):
        return False
    return connection.vendor != "sqlite" or bool(
        constraint.condition is not None or constraint.contains_expressions
    )


@contextmanager
def indexes_built_after(model: type[Model]) -> Iterator[None]:
    """When the model's table starts out empty (a first load), its indexes and unique
    constraints are built once at the end instead of row by row: in the police data
    benchmark the PostgreSQL write took a fifth to a third less time. Inside the import's
    transaction, so a failure leaves them as they were, and a unique constraint is still
    checked, over every row, when it is built again before the commit. A later load into a
    filled table keeps them: rebuilding them over every row already there would cost more.
    On PostgreSQL, dropping them locks the table until the commit, readers included: that
    is only ever a first load into a table nobody has anything in yet."""
    if model._default_manager.exists():
        yield
        return
    drops, creates = index_statements(model)
    with connection.cursor() as cursor:
        for drop in drops:
            cursor.execute(drop)
    yield
    if connection.vendor == "postgresql":
        # Deferred foreign key checks pending on the new rows forbid ALTER TABLE: run them.
        connection.check_constraints()
    with connection.cursor() as cursor:
        for create in creates:
            cursor.execute(create)


_pause_lock = threading.Lock()
_pauses = 0  # imports running with the cycle collector paused, in any thread
_was_enabled = False


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Run a bulk import without Python's cycle collector (reference counting still frees
    every object as soon as it is unused; only cycles wait until the end).

    An import holds every row of its file as lists and strings, hundreds of thousands of
    objects the collector would traverse again and again, and finds nothing to free: in the
    survey import of 20,000 responses that was about two fifths of the CPU time. Imports
    running at once in one process keep it paused until the last one ends; it is then
    turned on again only if it was on before the first began."""
    global _pauses, _was_enabled
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
