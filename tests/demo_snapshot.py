"""The demo, loaded once per test process and copied back for every later test that needs it.

Loading the whole demo (plans, Panel, police data, grants, partnerships, engagement,
decisions) takes 20 to 30 seconds on this 2-core machine, and about forty tests start from it,
which set the floor of the CI time. The first such test in a process runs the real loader
(`pcplan demo --no-serve`, as a newcomer's `make demo` does) on an emptied database and keeps a
copy of every table's rows; each later one empties the database and writes the copy back
(PostgreSQL's COPY, SQLite's executemany), which takes well under a second. Tests that check
the loader itself (idempotency, the guard, the command's output) still call it directly.

`load_demo_database()` empties the test database first: rows a test made before it are gone,
as after a first `make demo` on a new database. Use it before making any data of your own.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from pcplan.core.pagecache import public_pages_changed

# Kept as the test database was migrated: never emptied, never copied.
KEPT = frozenset({"django_migrations"})
# Left in place for the real loader: what migrate made, which the loader looks up.
MIGRATED = frozenset({"django_content_type", "auth_permission"})


@dataclass(frozen=True)
class Snapshot:
    database: str
    # table -> (columns, rows) on SQLite; table -> COPY text on PostgreSQL
    tables: dict[str, tuple[list[str], list[tuple[object, ...]]] | bytes]


_snapshot: Snapshot | None = None


def _tables() -> list[str]:
    existing = set(connection.introspection.table_names())
    names = connection.introspection.django_table_names(only_existing=True)
    return sorted(t for t in names if t in existing and t not in KEPT)


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _empty(tables: list[str]) -> None:
    if not tables:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # TRUNCATE refuses a table with foreign-key checks still pending from rows the
            # test made first: run those checks now, then defer again for the copy.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("TRUNCATE " + ", ".join(_quote(t) for t in tables))
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            # Django's SQLite foreign keys are deferred: checked when the transaction ends.
            for table in tables:
                cursor.execute(f"DELETE FROM {_quote(table)}")  # noqa: S608


def _copy_out(tables: list[str]) -> dict[str, tuple[list[str], list[tuple[object, ...]]] | bytes]:
    copied: dict[str, tuple[list[str], list[tuple[object, ...]]] | bytes] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            for table in tables:
                buffer = io.BytesIO()
                with raw.copy(f"COPY {_quote(table)} TO STDOUT") as copy:
                    for block in copy:
                        buffer.write(block)
                copied[table] = buffer.getvalue()
        else:
            sqlite = connection.connection
            for table in tables:
                columns = [
                    c.name for c in connection.introspection.get_table_description(cursor, table)
                ]
                # Unary plus keeps each stored value as it is and hides the declared type, so
                # Django's SQLite converters (dates, decimals, booleans) leave it alone.
                select = ", ".join(f"+{_quote(c)}" for c in columns)
                rows = sqlite.execute(f"SELECT {select} FROM {_quote(table)}").fetchall()  # noqa: S608
                if rows:
                    copied[table] = (columns, rows)
    return copied


def _copy_in(snapshot: Snapshot) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            for table, data in snapshot.tables.items():
                assert isinstance(data, bytes)
                if data:
                    with raw.copy(f"COPY {_quote(table)} FROM STDIN") as copy:
                        copy.write(data)
            models = apps.get_models(include_auto_created=True)
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
        else:
            sqlite = connection.connection
            for table, data in snapshot.tables.items():
                assert isinstance(data, tuple)
                columns, rows = data
                names = ", ".join(_quote(c) for c in columns)
                marks = ", ".join("?" for _ in columns)
                sqlite.executemany(f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})", rows)  # noqa: S608


def load_demo_database() -> None:
    """Empty the test database and fill it with the demo, as `pcplan demo --no-serve` does."""
    global _snapshot
    database = str(connection.settings_dict["NAME"])
    tables = _tables()
    with transaction.atomic():
        if _snapshot is not None and _snapshot.database == database:
            _empty(tables)
            _copy_in(_snapshot)
        else:
            _empty([t for t in tables if t not in MIGRATED])
            call_command("demo", "--no-serve", verbosity=0)
            _snapshot = Snapshot(database=database, tables=_copy_out(tables))
    # Content types are cached by id in the process; the copy may hold other ids.
    ContentType.objects.clear_cache()
    # Rows written by SQL send no signals: say so, as pcplan.core.pagecache asks.
    public_pages_changed()
