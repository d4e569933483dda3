"""Benchmark `pcplan import-police-data` against the database's own bulk loader.

Builds 12 months x 43 forces of data.police.uk files by repeating the real extracts in
../shared/data/police-uk, each copy with "Reported by" and "Falls within" rewritten to the
copy's force and every row dated in the copy's month, as published:

- street: a Cambridgeshire 2024 month followed by the same month of Bedfordshire 2023
  (about 6 million rows in all);
- stop and search: the same two forces' files of that month (about 25,000 rows in all);
- outcomes: one of the Cambridgeshire 2019 outcomes files (the only ones there), so that all
  three kinds of file are read and stored.

Then, each in its own child process (so that peak memory is that child's own ru_maxrss):

1. DuckDB counts the rows of all the files (a yardstick for the reading);
2. pcplan ingests them into a throwaway database (headers checked, every value read,
   aggregated in DuckDB, everything pcplan stores written in one transaction);
3. the floor: the database's own bulk loader (the sqlite3 shell, Debian package sqlite3, or
   psql's \\copy) loads exactly what pcplan stored (every table, with its ids) from CSV files
   into the same kind of database pcplan uses: a fresh database migrated by pcplan, so the
   same tables, primary keys, journal mode (SQLite: WAL, synchronous=NORMAL) and indexes,
   the indexes built after the load as pcplan's first load does. No Python and no checks;
   only the loader is timed (not writing its CSV files);
4. one force-month: `pcplan import-police-data` on one real monthly street file (about
   6,000 rows) into a fresh database, less `pcplan --help` (the command's start-up); best
   of three each.

Run from the checkout:  PCPLAN_TESTING=1 .venv/bin/python benchmarks/police_ingest_benchmark.py
On PostgreSQL instead: add --database postgres://postgres@127.0.0.1:5432/pcplan_bench
(that database, and the same name with _empty, _floor and _month after it, are dropped and
created again, so name a throwaway one). --forces N builds N forces instead of 43 (a quick check).
Targets (issue 16): ingest within 2x of the floor; one force-month in under 1 s beyond the
command's start-up; peak memory under 1 GiB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data" / "police-uk"
FORCES = 43
CAMBS = "Cambridgeshire Constabulary"
BEDS = "Bedfordshire Police"
OUTCOME_MONTHS = ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06"]
ONE_FORCE_MONTH = SHARED / "2024-01" / "2024-01-cambridgeshire-street.csv"


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def build(target: Path, forces: int = FORCES) -> tuple[list[Path], int]:
    files: list[Path] = []
    rows = 0
    for month in range(1, 13):
        mm = f"{month:02d}"
        folder = target / f"2024-{mm}"
        folder.mkdir(parents=True, exist_ok=True)
        street = _text(SHARED / f"2024-{mm}" / f"2024-{mm}-cambridgeshire-street.csv")
        beds = _text(SHARED / f"2023-{mm}" / f"2023-{mm}-bedfordshire-street.csv")
        # Every row of a copy is dated in the copy's month, as published.
        street += beds.split("\n", 1)[1].replace(f",2023-{mm},", f",2024-{mm},")
        stops = _text(SHARED / f"2024-{mm}" / f"2024-{mm}-cambridgeshire-stop-and-search.csv")
        beds_stops = _text(SHARED / f"2023-{mm}" / f"2023-{mm}-bedfordshire-stop-and-search.csv")
        stops += beds_stops.split("\n", 1)[1].replace(f",2023-{mm}-", f",2024-{mm}-")
        was = OUTCOME_MONTHS[(month - 1) % len(OUTCOME_MONTHS)]
        outcomes = _text(SHARED / was / f"{was}-cambridgeshire-outcomes.csv")
        outcomes = outcomes.replace(f",{was},", f",2024-{mm},")
        for n in range(1, forces + 1):
            force = f"Force {n:02d} Police"
            for kind, text in (
                ("street", street.replace(CAMBS, force).replace(BEDS, force)),
                ("stop-and-search", stops),
                ("outcomes", outcomes.replace(CAMBS, force)),
            ):
                path = folder / f"2024-{mm}-force-{n:02d}-{kind}.csv"
                path.write_bytes(text.encode("utf-8"))
                files.append(path)
                rows += text.rstrip("\n").count("\n")
    return files, rows


def child_count(folder: Path) -> dict[str, Any]:
    from pcplan.performance.police import count_rows

    start = time.perf_counter()
    rows = 0
    for kind in ("street", "outcomes", "stop-and-search"):  # one header each
        rows += count_rows(sorted(folder.rglob(f"*-{kind}.csv")))
    return {"seconds": time.perf_counter() - start, "rows": rows}


def _django(database: str, data_dir: Path, *, migrate: bool = False) -> None:
    """Start Django on `database` (a copy of the one migrated database, or that one)."""
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("PCPLAN_DATA_DIR", str(data_dir))
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)


def child_migrate(database: str, data_dir: Path) -> dict[str, Any]:
    """A fresh database as pcplan makes it, copied for the ingest, the floor and the month."""
    _django(database, data_dir, migrate=True)
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return {}


def copy_database(empty: str, target: str) -> None:
    """A copy of the migrated empty database: the file, or PostgreSQL's CREATE ... TEMPLATE."""
    if empty.startswith("sqlite"):
        shutil.copyfile(empty.removeprefix("sqlite:///"), target.removeprefix("sqlite:///"))
        return
    import psycopg

    base, _, name = target.rpartition("/")
    template = empty.rpartition("/")[2]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}"')
        con.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def timed_phases() -> Any:
    """A progress that notes when writing began (the first batch read) and when the last file
    was read: DuckDB reads in a thread while what it read before is written, so the import
    has three phases, reading alone, both at once, and writing alone (then the figures)."""
    from pcplan.performance.importer import Progress

    class Phases(Progress):
        writing_at = 0.0
        read_at = 0.0

        def files_read(self, n: int) -> None:  # called in the reading thread
            self.read_at = time.perf_counter()

        def writing(self, total_rows: int) -> None:
            self.writing_at = self.writing_at or time.perf_counter()

    return Phases()


def child_ingest(folder: Path, database: str, data_dir: Path) -> dict[str, Any]:
    _django(database, data_dir)
    from django.db import transaction

    from pcplan.performance import figures
    from pcplan.performance.importer import import_police_data

    warm = figures.warm
    warmed: list[float] = []

    def timed_warm() -> None:
        start = time.perf_counter()
        warm()
        warmed.append(time.perf_counter() - start)

    figures.warm = timed_warm  # the same work, timed
    phases = timed_phases()
    start = time.perf_counter()
    run, _summary = import_police_data([folder], progress=phases)
    end = time.perf_counter()
    assert not transaction.get_connection().in_atomic_block
    return {
        "seconds": end - start,
        "read_alone_seconds": phases.writing_at - start,
        "overlap_seconds": max(phases.read_at - phases.writing_at, 0.0),
        "write_alone_seconds": end - max(phases.read_at, phases.writing_at) - sum(warmed),
        "figures_seconds": sum(warmed),
        "rows": run.rows,
        "aggregates": run.aggregate_rows,
        "stored": stored_rows(),
        "files": run.file_count,
    }


def stored_tables() -> list[Any]:
    """Every table the ingest writes rows into, bar its one ImportRun row."""
    from pcplan.performance.importer import stored_models

    return stored_models()


def stored_rows() -> int:
    return sum(model._default_manager.count() for model in stored_tables())


def child_floor(database: str, ingested: str, work: Path) -> dict[str, Any]:
    """A lower bound for the write: the database's own bulk loader loading exactly the rows
    pcplan stored (read back from the ingest's database into CSV files, ids included) into a
    fresh database migrated by pcplan, indexes dropped first and built after, as pcplan's
    first load does. Only the loader is timed."""
    _django(database, work)
    from django.db import connection, connections
    from django.db.utils import ConnectionHandler

    from pcplan.core import bulk

    source = ConnectionHandler({"default": _database_settings(ingested)})["default"]
    loads: list[str] = []
    creates: list[str] = []
    drops: list[str] = []
    for model in stored_tables():
        table = model._meta.db_table
        columns = [f.column for f in model._meta.concrete_fields]
        path = work / f"{table}.csv"
        _dump(source, table, columns, path)
        model_drops, model_creates = bulk.index_statements(model)
        drops += model_drops
        creates += model_creates
        if connection.vendor == "sqlite":
            loads.append(f".import {path} {table}")
        else:
            names = ", ".join(columns)
            loads.append(f"\\copy {table} ({names}) FROM '{path}' WITH (FORMAT csv)")
    source.close()
    with connection.cursor() as cursor:
        for drop in drops:
            cursor.execute(drop)
    connections.close_all()
    if database.startswith("sqlite"):
        tool = "sqlite3"
        target = database.removeprefix("sqlite:///")
        # The shell's .import loads each file in one transaction; WAL mode is kept in the
        # file, synchronous=NORMAL is pcplan's connection setting.
        script = ["PRAGMA synchronous=NORMAL;", ".mode csv", *loads, *[c + ";" for c in creates]]
        command = [tool, target]
    else:
        tool = "psql"
        script = ["BEGIN;", *loads, *[c + ";" for c in creates], "COMMIT;"]
        command = [tool, "-q", "-v", "ON_ERROR_STOP=1", database]
    start = time.perf_counter()
    subprocess.run(  # noqa: S603 - the database's own client
        command, input="\n".join(script) + "\n", text=True, check=True, stdout=subprocess.DEVNULL
    )
    return {"seconds": time.perf_counter() - start, "tool": tool}


def _database_settings(url: str) -> dict[str, Any]:
    import dj_database_url

    return dict(dj_database_url.parse(url))


def _dump(source: Any, table: str, columns: list[str], path: Path) -> None:
    """A table's rows as a headerless CSV file ("" for empty text), outside any timing."""
    import csv

    with source.cursor() as cursor, path.open("w", newline="", encoding="utf-8") as stream:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table}")  # noqa: S608 - our names
        # Text quoted, numbers not: an empty text is then "", which PostgreSQL's CSV reads as
        # an empty string (a bare empty field is NULL there).
        writer = csv.writer(stream, quoting=csv.QUOTE_NONNUMERIC)
        while batch := cursor.fetchmany(50_000):
            writer.writerows(batch)


def child_month(database: str, work: Path) -> dict[str, Any]:
    """`pcplan import-police-data` on one real force-month, less `pcplan --help`."""
    _django(database, work)
    cli = [sys.executable, "-c", "import sys; from pcplan.cli import main; sys.exit(main())"]
    env = {**os.environ, "DATABASE_URL": database}

    def best(*args: str) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(  # noqa: S603 - pcplan itself
                [*cli, *args], env=env, check=True, stdout=subprocess.DEVNULL
            )
            times.append(time.perf_counter() - start)
        return min(times)

    start_up = best("--help")
    # The command's own start-up: Django and every app loaded, the command's help printed.
    command_start_up = best("import-police-data", "--help")
    month = best("import-police-data", "--verbosity", "0", str(ONE_FORCE_MONTH))
    # The same import inside this process (Django already started): where the time goes.
    from pcplan.performance.importer import import_police_data

    rounds = []
    for _ in range(3):
        phases = timed_phases()
        start = time.perf_counter()
        import_police_data([ONE_FORCE_MONTH], progress=phases)
        rounds.append((time.perf_counter() - start, phases.read_at - start))
    whole, read = min(rounds)
    return {
        "start_up": start_up,
        "command_start_up": command_start_up,
        "import": month,
        "beyond": month - start_up,
        "in_process": whole,
        "in_process_read": read,
    }


def recreate_postgres_database(url: str) -> None:
    """Drop and create the throwaway benchmark database named by `url`."""
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}"')
        con.execute(f'CREATE DATABASE "{name}"')


def in_child(*args: str) -> tuple[dict[str, Any], float]:
    """Run this script as a child; return its result and its own peak RSS in MiB."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "pcplan.settings"}
    process = subprocess.Popen(  # noqa: S603 - our own script
        [sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, env=env
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"child {args[0]} failed")
    return json.loads(output), usage.ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", nargs="+")
    parser.add_argument("--database", help="a PostgreSQL URL to ingest into instead of SQLite")
    parser.add_argument("--forces", type=int, default=FORCES, help="forces to build (43)")
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "migrate":
            result = child_migrate(rest[0], Path(rest[1]))
        elif kind == "count":
            result = child_count(Path(rest[0]))
        elif kind == "floor":
            result = child_floor(rest[0], rest[1], Path(rest[2]))
        elif kind == "month":
            result = child_month(rest[0], Path(rest[1]))
        else:
            result = child_ingest(Path(rest[0]), rest[1], Path(rest[2]))
        sys.stdout.write(json.dumps(result))
        return
    if not SHARED.is_dir():
        raise SystemExit(f"The real extracts are needed at {SHARED.resolve()}")
    with tempfile.TemporaryDirectory(prefix="pcplan-bench-") as tmp:
        folder = Path(tmp) / "police-uk"
        start = time.perf_counter()
        files, rows = build(folder, args.forces)
        size = sum(p.stat().st_size for p in files)
        print(
            f"Built {len(files)} files ({args.forces} forces x 12 months x street, stop and "
            f"search, outcomes), {rows:,} rows, {size / 2**20:,.0f} MiB "
            f"in {time.perf_counter() - start:.1f} s"
        )
        count, count_rss = in_child("count", str(folder))
        if args.database:
            empty, database, floor_db, month_db = (
                f"{args.database}{tail}" for tail in ("_empty", "", "_floor", "_month")
            )
            recreate_postgres_database(empty)
        else:
            empty, database, floor_db, month_db = (
                f"sqlite:///{Path(tmp) / name}.sqlite3"
                for name in ("empty", "bench", "floor", "month")
            )
        in_child("migrate", empty, tmp)
        for url in (database, floor_db, month_db):
            copy_database(empty, url)
        ingest, ingest_rss = in_child("ingest", str(folder), database, tmp)
        count2, count2_rss = in_child("count", str(folder))
        floor_dir = Path(tmp) / "floor"
        floor_dir.mkdir()
        floor, _ = in_child("floor", floor_db, database, str(floor_dir))
        month_dir = Path(tmp) / "month"
        month_dir.mkdir()
        month, _ = in_child("month", month_db, str(month_dir))
        assert count["rows"] == count2["rows"] == ingest["rows"] == rows
        bare = min(count["seconds"], count2["seconds"])
        ratio = ingest["seconds"] / floor["seconds"]
        print(
            f"DuckDB bare count : {count['seconds']:.2f} s and {count2['seconds']:.2f} s "
            f"({rows / bare:,.0f} rows/s), peak {max(count_rss, count2_rss):,.0f} MiB"
        )
        print(
            f"pcplan ingest ({database.split(':')[0]}): {ingest['seconds']:.2f} s "
            f"({rows / ingest['seconds']:,.0f} rows/s), {ingest['aggregates']:,.0f} aggregates, "
            f"{ingest['stored']:,.0f} rows stored in all, peak {ingest_rss:,.0f} MiB"
        )
        print(
            f"  of which reading alone (DuckDB, the first batch): "
            f"{ingest['read_alone_seconds']:.2f} s; reading while writing: "
            f"{ingest['overlap_seconds']:.2f} s; writing alone: "
            f"{ingest['write_alone_seconds']:.2f} s; the public figures (figures.warm): "
            f"{ingest['figures_seconds']:.2f} s"
        )
        print(
            f"Floor: {floor['tool']} loading the same {ingest['stored']:,.0f} rows into the same "
            f"tables of a fresh pcplan database, then indexing them: {floor['seconds']:.2f} s"
        )
        print(
            f"Ingest / floor: {ratio:.2f}x (target: at most 2x) -> "
            f"{'met' if ratio <= 2 else 'MISSED'}"
        )
        print(
            f"One force-month ({ONE_FORCE_MONTH.name}): {month['import']:.2f} s, start-up "
            f"(pcplan --help) {month['start_up']:.2f} s, beyond start-up {month['beyond']:.2f} s "
            f"(target: under 1 s) -> {'met' if month['beyond'] < 1 else 'MISSED'}"
        )
        print(
            f"  `pcplan import-police-data --help` (Django and the apps loaded): "
            f"{month['command_start_up']:.2f} s; the import beyond that: "
            f"{month['import'] - month['command_start_up']:.2f} s"
        )
        print(
            f"  the same import inside a started process: {month['in_process']:.2f} s, of which "
            f"reading {month['in_process_read']:.2f} s and writing, then building the public "
            f"figures, {month['in_process'] - month['in_process_read']:.2f} s"
        )
        print(
            f"Peak memory of the ingest: {ingest_rss:,.0f} MiB (target: under 1024 MiB) -> "
            f"{'met' if ingest_rss < 1024 else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
