"""Check that the squashed migrations build the same database as the old migrations they replace
(pcplan.core.squashed_history; docs/DECISIONS.md, "Squashed migrations").

Two empty databases are migrated, one through the old migrations (a migration loader that does
not replace them) and one through the squashed ones (as `pcplan migrate` does), each followed
by what `migrate` runs afterwards (post_migrate: content types, permissions, the cache table, the
search index repair). Then their schemas and rows are compared:

- SQLite: each table's column and constraint definitions (in any order: the old migrations
  rebuilt tables with added columns last), and the SQL of every index, trigger and FTS5 table;
- PostgreSQL: columns, constraints, indexes, triggers and functions from the catalogue;
- both: every row of every table except django_migrations, without ids or `*_at` times.

    python scripts/check_squashed_migrations.py                 # SQLite, in a temporary folder
    python scripts/check_squashed_migrations.py postgres://postgres@127.0.0.1:5432/check
        # PostgreSQL: makes (and afterwards drops) check_old and check_new on that server

It prints the differences and exits 1 if there are any. A one-off check: it costs one migrate
through the old history, and neither the old files nor the squashed ones change again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def build(mode: str) -> None:
    """In a child process: migrate the empty database at DATABASE_URL and print its shape."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcplan.settings")
    django.setup()
    from django.core.management.sql import emit_post_migrate_signal
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from pcplan.core.squashed_history import REPLACED, old_executor

    executor = old_executor(connection) if mode == "old" else MigrationExecutor(connection)
    targets = executor.loader.graph.leaf_nodes()
    plan = executor.migration_plan(targets)
    if mode == "new" and any((m.app_label, m.name) in REPLACED for m, _ in plan):
        sys.exit(f"the squashed migrations were not used: {plan}")
    executor.migrate(targets)
    emit_post_migrate_signal(0, False, connection.alias)
    sys.stdout.write(json.dumps(shape(connection), sort_keys=True) + "\n")


def _definitions(create_table: str) -> list[str]:
    """The comma-separated definitions inside a CREATE TABLE, whitespace normalised, sorted."""
    body = create_table[create_table.index("(") + 1 : create_table.rindex(")")]
    parts, depth, current = [], 0, ""
    for char in body:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return sorted(" ".join(part.split()) for part in parts)


def shape(connection: Any) -> dict[str, Any]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master "
                "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
            )
            schema: dict[str, Any] = {}
            for kind, name, table, sql in cursor.fetchall():
                if sql is None:
                    schema[f"{kind} {name}"] = table
                elif kind == "table" and not sql.upper().startswith("CREATE VIRTUAL"):
                    schema[f"{kind} {name}"] = _definitions(sql)
                else:
                    schema[f"{kind} {name}"] = " ".join(sql.split())
        else:
            schema = {}
            queries = {
                "column": """
                    SELECT table_name || '.' || column_name, concat_ws(' ', data_type,
                      character_maximum_length, numeric_precision, numeric_scale, is_nullable,
                      column_default, is_identity, identity_generation)
                    FROM information_schema.columns WHERE table_schema = 'public'""",
                "constraint": """
                    SELECT c.conrelid::regclass || ' ' || c.conname, pg_get_constraintdef(c.oid)
                    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                    WHERE n.nspname = 'public'""",
                "index": "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
                "trigger": """
                    SELECT t.tgrelid::regclass || ' ' || t.tgname, pg_get_triggerdef(t.oid)
                    FROM pg_trigger t WHERE NOT t.tgisinternal""",
                "function": """
                    SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p
                    JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'""",
            }
            for kind, sql in queries.items():
                cursor.execute(sql)
                for name, definition in cursor.fetchall():
                    schema[f"{kind} {name}"] = " ".join(str(definition).split())
        tables = [
            t for t in connection.introspection.table_names(cursor) if t != "django_migrations"
        ]
        rows: dict[str, list[str]] = {}
        for table in tables:
            if table.startswith("search_") and connection.vendor == "sqlite":
                continue  # FTS5's own tables: compared by their SQL above
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            names = [c[0] for c in cursor.description]
            found = sorted(
                json.dumps(
                    {
                        n: v
                        for n, v in zip(names, row, strict=True)
                        if n != "id" and not n.endswith(("_at", "_id"))
                    },
                    sort_keys=True,
                    default=str,
                )
                for row in cursor.fetchall()
            )
            if found:
                rows[table] = found
    return {"schema": schema, "rows": rows}


def run(mode: str, url: str) -> dict[str, Any]:
    started = time.monotonic()
    env = {**os.environ, "DATABASE_URL": url, "PCPLAN_TESTING": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(  # noqa: S603
        [sys.executable, __file__, "--build", mode],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if result.returncode != 0:
        sys.exit(f"{mode} migrations failed:\n{result.stderr}")
    sys.stderr.write(f"{mode} migrations: {time.monotonic() - started:.0f} s\n")
    return json.loads(result.stdout.strip().splitlines()[-1])


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    differences = []
    for part in ("schema", "rows"):
        for key in sorted(set(old[part]) | set(new[part])):
            if old[part].get(key) != new[part].get(key):
                differences.append(
                    f"{part} {key}:\n  old: {old[part].get(key)}\n  new: {new[part].get(key)}"
                )
    return differences


def postgres(command: str, *args: str) -> None:
    """dropdb or createdb of the database named at the end of a postgres:// URL."""
    *options, url = args
    server, name = url.split("://", 1)[1].rsplit("/", 1)
    user, host = server.split("@") if "@" in server else ("postgres", server)
    host, _, port = host.partition(":")
    subprocess.run(  # noqa: S603 - our own arguments
        [command, *options, "-h", host, "-p", port or "5432", "-U", user, name],  # noqa: S607
        check=True,
    )


def main() -> None:
    if sys.argv[1:2] == ["--build"]:
        build(sys.argv[2])
        return
    if len(sys.argv) > 1:
        urls = {mode: f"{sys.argv[1]}_{mode}" for mode in ("old", "new")}
        for url in urls.values():
            postgres("dropdb", "--if-exists", url)
            postgres("createdb", url)
        shapes = {mode: run(mode, url) for mode, url in urls.items()}
        for url in urls.values():
            postgres("dropdb", url)
    else:
        with tempfile.TemporaryDirectory() as folder:
            shapes = {
                mode: run(mode, f"sqlite:///{folder}/{mode}.sqlite3") for mode in ("old", "new")
            }
    differences = compare(shapes["old"], shapes["new"])
    counts = {mode: (len(s["schema"]), len(s["rows"])) for mode, s in shapes.items()}
    sys.stdout.write(
        "".join(f"{difference}\n" for difference in differences)
        + f"schema objects and tables with rows: {counts}\n{len(differences)} differences\n"
    )
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
