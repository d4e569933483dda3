"""Benchmark `pcplan import-police-data` against DuckDB merely counting the same rows.

Builds 12 months x 43 forces of street-level files (about 6 million rows) by repeating the
real data.police.uk extracts in ../shared/data/police-uk: each file is a Cambridgeshire 2024
month followed by the same month of Bedfordshire 2023, with "Reported by" and "Falls within"
rewritten to the copy's force. Then, each in its own child process (so that peak memory is
that child's own ru_maxrss):

1. DuckDB counts the rows of all the files (the yardstick);
2. pcplan ingests them into a throwaway SQLite database (headers checked, every value read,
   aggregated in DuckDB, aggregates written in one transaction).
3. the floor: the database's own bulk loader (the sqlite3 shell, Debian package sqlite3, or
   psql) loads the same aggregates from a CSV file, with no checks and no primary key.

Run from the checkout:  .venv/bin/python benchmarks/police_ingest_benchmark.py
On PostgreSQL instead: add --database postgres://postgres@127.0.0.1:5432/pcplan_bench
(the database is dropped and created again, so name a throwaway one).
Targets: ingest within 2x of the bare count; peak memory under 1 GiB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data" / "police-uk"
FORCES = 43
CAMBS = "Cambridgeshire Constabulary"
BEDS = "Bedfordshire Police"


def build(target: Path) -> tuple[list[Path], int]:
    files: list[Path] = []
    rows = 0
    for month in range(1, 13):
        cambs = SHARED / f"2024-{month:02d}" / f"2024-{month:02d}-cambridgeshire-street.csv"
        beds = SHARED / f"2023-{month:02d}" / f"2023-{month:02d}-bedfordshire-street.csv"
        cambs_text = cambs.read_bytes().decode("utf-8")
        beds_lines = beds.read_bytes().decode("utf-8").split("\n", 1)[1]
        # Every row of the copy is dated in the copy's month, as published.
        beds_lines = beds_lines.replace(f",2023-{month:02d},", f",2024-{month:02d},")
        for n in range(1, FORCES + 1):
            force = f"Force {n:02d} Police"
            folder = target / f"2024-{month:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"2024-{month:02d}-force-{n:02d}-street.csv"
            text = cambs_text.replace(CAMBS, force) + beds_lines.replace(BEDS, force)
            path.write_bytes(text.encode("utf-8"))
            files.append(path)
            rows += text.count("\n") - 1
    return files, rows


def child_count(folder: Path) -> dict[str, float]:
    from pcplan.performance.police import count_rows

    paths = sorted(folder.rglob("*.csv"))
    start = time.perf_counter()
    rows = count_rows(paths)
    return {"seconds": time.perf_counter() - start, "rows": rows}


def child_ingest(folder: Path, database: str, data_dir: Path) -> dict[str, float]:
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("PCPLAN_DATA_DIR", str(data_dir))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from pcplan.performance.importer import Progress, import_police_data

    class Phases(Progress):
        writing_at = 0.0

        def writing(self, total_rows: int) -> None:
            self.writing_at = time.perf_counter()

    phases = Phases()
    start = time.perf_counter()
    run, summary = import_police_data([folder], progress=phases)
    end = time.perf_counter()
    return {
        "seconds": end - start,
        "read_seconds": phases.writing_at - start,
        "write_seconds": end - phases.writing_at,
        "rows": run.rows,
        "aggregates": run.aggregate_rows,
        "files": run.file_count,
    }


FLOOR_TABLE = """CREATE TABLE floor (force varchar(60) NOT NULL, month date NOT NULL,
    lsoa_code varchar(12) NOT NULL, lsoa_name varchar(100) NOT NULL, district varchar(80) NOT NULL,
    crime_type varchar(60) NOT NULL, last_outcome_category varchar(120) NOT NULL,
    count integer NOT NULL)"""
FLOOR_INDEX = "CREATE INDEX floor_force_area ON floor (force, district, month)"


def child_floor(folder: Path, database: str, work: Path) -> dict[str, float]:
    """A lower bound for writing the aggregates: the database's own bulk loader (the sqlite3
    shell's .import, or psql's \\copy) loading the same street aggregates from a CSV file into
    a table of the same columns with no primary key, then building the same index. No
    Python, no checks: pcplan's own write cannot be faster than this."""
    from pcplan.performance.police import STREET, Reader, find_files

    reader = Reader(temp_directory=str(work / "duckdb"))
    reader.aggregate(find_files([folder], work))
    csv_path = work / "aggregates.csv"
    reader.write_csv(STREET, csv_path)
    reader.close()
    if database.startswith("sqlite"):
        tool, target = "sqlite3", str(work / "floor.sqlite3")
        run_quietly([tool, target, FLOOR_TABLE])
        command = [tool, target, "-cmd", ".mode csv", f".import {csv_path} floor", FLOOR_INDEX]
    else:
        tool, target = "psql", database
        run_quietly([tool, "-q", target, "-c", "DROP TABLE IF EXISTS floor", "-c", FLOOR_TABLE])
        copy = f"\\copy floor FROM '{csv_path}' WITH (FORMAT csv)"
        command = [tool, "-q", target, "-c", copy, "-c", FLOOR_INDEX]
    start = time.perf_counter()
    run_quietly(command)
    return {"seconds": time.perf_counter() - start, "tool": tool}


def run_quietly(command: list[str]) -> None:
    """A database's own client, its output kept off this child's JSON answer."""
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def recreate_postgres_database(url: str) -> None:
    """Drop and create the throwaway benchmark database named by `url`."""
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}"')
        con.execute(f'CREATE DATABASE "{name}"')


def in_child(*args: str) -> tuple[dict[str, float], float]:
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
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "count":
            result = child_count(Path(rest[0]))
        elif kind == "floor":
            result = child_floor(Path(rest[0]), rest[1], Path(rest[2]))
        else:
            result = child_ingest(Path(rest[0]), rest[1], Path(rest[2]))
        sys.stdout.write(json.dumps(result))
        return
    if not SHARED.is_dir():
        raise SystemExit(f"The real extracts are needed at {SHARED.resolve()}")
    with tempfile.TemporaryDirectory(prefix="pcplan-bench-") as tmp:
        folder = Path(tmp) / "police-uk"
        start = time.perf_counter()
        files, rows = build(folder)
        size = sum(p.stat().st_size for p in files)
        print(
            f"Built {len(files)} files, {rows:,} rows, {size / 2**20:,.0f} MiB "
            f"in {time.perf_counter() - start:.1f} s"
        )
        count, count_rss = in_child("count", str(folder))
        database = args.database or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        if args.database:
            recreate_postgres_database(args.database)
        ingest, ingest_rss = in_child("ingest", str(folder), database, tmp)
        count2, count2_rss = in_child("count", str(folder))
        floor_dir = Path(tmp) / "floor"
        floor_dir.mkdir()
        floor, _ = in_child("floor", str(folder), database, str(floor_dir))
        assert count["rows"] == count2["rows"] == ingest["rows"] == rows
        bare = min(count["seconds"], count2["seconds"])
        ratio = ingest["seconds"] / bare
        print(
            f"DuckDB bare count : {count['seconds']:.2f} s and {count2['seconds']:.2f} s "
            f"({rows / bare:,.0f} rows/s), peak {max(count_rss, count2_rss):,.0f} MiB"
        )
        print(
            f"pcplan ingest ({database.split(':')[0]}): {ingest['seconds']:.2f} s "
            f"({rows / ingest['seconds']:,.0f} rows/s), "
            f"{ingest['aggregates']:,.0f} aggregates written, "
            f"peak {ingest_rss:,.0f} MiB"
        )
        print(
            f"  of which reading and aggregating in DuckDB: {ingest['read_seconds']:.2f} s; "
            f"writing the aggregates: {ingest['write_seconds']:.2f} s"
        )
        print(
            f"For comparison, {floor['tool']} loading the same street aggregates from a CSV "
            f"file with no checks and no primary key, then indexing them: "
            f"{floor['seconds']:.2f} s ({floor['seconds'] / bare:.1f}x the bare count)"
        )
        print(
            f"Ingest / bare count: {ratio:.2f}x (target: at most 2x) -> "
            f"{'met' if ratio <= 2 else 'MISSED'}"
        )
        print(
            f"Peak memory of the ingest: {ingest_rss:,.0f} MiB (target: under 1024 MiB) -> "
            f"{'met' if ingest_rss < 1024 else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
