"""Tests of data migrations step through the old migrations, the ones the squashed migrations
replace (pcplan.core.squashed_history): the test database is built by the squashed ones, which
record every old migration as applied, so an old migration can be unapplied and applied again.

They run on SQLite only (docs/DECISIONS.md, "Squashed migrations"): they test history that no
longer changes, and each one costs two to three minutes of migration state on each database.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from pcplan.core.squashed_history import old_executor

on_sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="a data migration of the old history, tested on SQLite (docs/DECISIONS.md)",
)


def migrate(targets: list[tuple[str, str]]) -> Any:
    """Migrate to these old migrations; the models as they were there."""
    executor = old_executor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_the_end() -> None:
    """Every old migration applied again: the schema the tests after this one expect."""
    executor = old_executor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
