"""Tests of data migrations step through the old migrations, the ones the squashed migrations
replace (pcplan.core.squashed_history): from an empty database through the old files to the
migration before the one tested, then on, and at the end back to the whole schema through the
squashed migrations (dropping every table is far cheaper than unapplying the later migrations
of every app, and applying them again).

They run on SQLite only (docs/DECISIONS.md, "Squashed migrations"): they test history that no
longer changes, and migrations cost minutes of CPU per database.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from pcplan.core.squashed_history import old_executor

on_sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="a data migration of the old history, tested on SQLite (docs/DECISIONS.md)",
)


def _drop_every_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys = OFF")
        # Full-text tables first: their own tables go with them.
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY sql NOT LIKE 'CREATE VIRTUAL%', name"
        )
        for (table,) in cursor.fetchall():
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)}")
        cursor.execute("PRAGMA foreign_keys = ON")


def migrate_from_nothing_to(targets: list[tuple[str, str]]) -> Any:
    """An empty database migrated through the old files to these migrations; the models as
    they were there."""
    _drop_every_table()
    return migrate(targets)


def migrate(targets: list[tuple[str, str]]) -> Any:
    """Migrate to these old migrations, forwards or back; the models as they were there."""
    executor = old_executor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_the_end() -> None:
    """The whole schema again, as the test database had it (through the squashed migrations),
    for the tests after this one."""
    _drop_every_table()
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
