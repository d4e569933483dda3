"""The squashed migrations (pcplan.core.squashed_history, docs/DECISIONS.md "Squashed
migrations"): which path Django takes on a new database, a database with the whole old history
applied, and one part-way through it; and the rule for migrations written after the squash.
None of these migrates anything: scripts/check_squashed_migrations.py compares the databases the
two paths build."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from pcplan.core.squashed_history import REPLACED, OldMigrationLoader

SQUASHED_APPS = {app for app, _ in REPLACED}


def squashed(loader: MigrationLoader) -> set[tuple[str, str]]:
    return {key for key, m in loader.disk_migrations.items() if m.replaces == REPLACED}


def plan(loader: MigrationLoader) -> list[tuple[str, str]]:
    nodes: list[tuple[str, str]] = []
    for leaf in loader.graph.leaf_nodes():
        for node in loader.graph.forwards_plan(leaf):
            if node not in nodes and node not in loader.applied_migrations:
                nodes.append(node)
    return nodes


def test_every_replaced_migration_is_kept_and_every_app_has_its_squash():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    assert set(REPLACED) <= set(loader.disk_migrations)
    assert len(set(REPLACED)) == len(REPLACED) == 61
    assert {app for app, _ in squashed(loader)} == SQUASHED_APPS
    # Every squashed migration replaces the same list, never a part of it.
    partial = [
        key for key, m in loader.disk_migrations.items() if m.replaces and key[0] in SQUASHED_APPS
    ]
    assert set(partial) == squashed(loader)


def test_a_new_database_takes_only_the_squashed_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    loader.graph.ensure_not_cyclic()
    steps = plan(loader)
    assert squashed(loader) <= set(steps)
    assert not set(REPLACED) & set(steps)
    # The search index is made after the tables it reads (their apps' squashes; a later
    # migration of those apps, such as an index, may come after it).
    api = steps.index(("api", "0004_squashed"))
    tables = squashed(loader)
    for table_app in ("plans", "delivery", "panel"):
        assert max(i for i, key in enumerate(steps) if key[0] == table_app and key in tables) < api


def test_migrations_written_after_the_squash_depend_on_it_not_on_the_old_ones():
    """Django moves a dependency on an old migration onto core's squash, the first it reads: a
    later panel migration depending on panel 0013 would then run before the Panel's tables."""
    loader = MigrationLoader(None, ignore_no_migrations=True, replace_migrations=False)
    later = {
        key
        for key in loader.disk_migrations
        if key[0] in SQUASHED_APPS and key not in REPLACED and key not in squashed(loader)
    }
    own_squash = {key[0]: key for key in sorted(squashed(loader))}  # each app's last
    for key in later:
        dependencies = set(loader.disk_migrations[key].dependencies)
        wrong = dependencies & set(REPLACED)
        # An old one beside its app's squash orders it for an installation part-way through
        # the old history; alone, it would be moved onto core's squash.
        if (key[0], own_squash[key[0]][1]) in dependencies:
            continue
        assert not wrong, f"{key} depends on {wrong}: depend on its app's last squashed one"


@pytest.mark.django_db
def test_the_test_database_has_every_migration_old_and_squashed_applied():
    loader = MigrationLoader(connection)
    assert plan(loader) == []
    applied = set(MigrationRecorder(connection).applied_migrations())
    assert set(REPLACED) | squashed(loader) <= applied


@pytest.mark.django_db
def test_a_database_part_way_through_the_old_history_upgrades_through_it():
    """As an installation that stopped before panel 0010: the old migrations from there on."""
    stopped = ("panel", "0010_minutes_and_attendance_per_body")
    old = OldMigrationLoader(connection)
    not_yet = {key for key in old.graph.nodes if stopped in old.graph.forwards_plan(key)}
    assert ("api", "0003_search_papers") in not_yet
    recorder = MigrationRecorder(connection)
    everything = MigrationLoader(None, ignore_no_migrations=True, replace_migrations=False)
    # Written after the squash: not in the old history, not yet applied there either.
    later = set(everything.disk_migrations) - set(old.disk_migrations) - squashed(everything)
    for app, name in not_yet | later | squashed(everything):
        recorder.record_unapplied(app, name)

    steps = plan(MigrationLoader(connection))
    assert set(steps) == not_yet | later
    assert steps[0] == stopped
