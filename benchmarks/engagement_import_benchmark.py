"""Benchmark the survey import on 100,000 synthetic responses against a plain `csv` loop.

Writes a synthetic export (scripts/engagement_synthetic_data.py --bench, the demo's columns)
and then, each in its own child process (so that peak memory is that child's ru_maxrss):

1. the yardstick: a plain `csv.reader` loop that reads every row, splits the issues and
   counts the top five issues by area in Counters (no checks, nothing stored);
2. pcplan's check and count: `surveys.read_file` + `surveys.parse` (every row checked: date,
   area against the profile, theme against the plan, the response hash) and
   `rules.top_issues_by_area`, nothing stored;
3. pcplan's whole import: `surveys.apply` into a fresh database (all rows in one
   transaction) and then `summary.survey_results` counted back from the database;
4. the floor: the database's own loader (the sqlite3 shell, Debian package sqlite3, or
   psql) loading the same responses, as pcplan stores them, from a CSV file into the same
   table with the same unique constraint, checking nothing.

Run from the checkout:
    .venv/bin/python benchmarks/engagement_import_benchmark.py [--rows N] [--repeat N]
On PostgreSQL instead of SQLite: add --database postgres://postgres@127.0.0.1:5432/NAME
(the database is dropped and created again for each child, so name a throwaway one).
Target: pcplan's import and count within 3x of the plain loop.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import redirect_stdout
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MAPPING = {
    "response_id": "Response ID",
    "date": "Submitted",
    "area": "Which district do you live in?",
    "theme": "Which theme matters most to you?",
    "issues": "Top issues in your area (separate with ;)",
}
PROFILE = """\
kind: pcc
name: Benchmark office
police_area: Benchmark area
forces:
  - {id: bench, name: Benchmark Police}
panel:
  name: Benchmark Police and Crime Panel
  host_authority: Benchmark Council
csps:
  - {name: Cambridge, districts: [Cambridge]}
  - {name: East Cambridgeshire, districts: [East Cambridgeshire]}
  - {name: Fenland, districts: [Fenland]}
  - {name: Huntingdonshire, districts: [Huntingdonshire]}
  - {name: Peterborough, districts: [Peterborough]}
  - {name: South Cambridgeshire, districts: [South Cambridgeshire]}
"""
THEMES = [
    "Putting Communities First",
    "Crime Prevention",
    "Supporting Victims and Witnesses",
    "Ethical Policing",
    "Robust Enforcement",
]


def child_plain(path: Path) -> dict[str, float]:
    start = time.perf_counter()
    by_area: dict[str, Counter[str]] = {}
    rows = 0
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for row in reader:
            rows += 1
            issues = {part.strip() for part in row[4].split(";") if part.strip()}
            by_area.setdefault(row[2], Counter()).update(issues)
    top = {area: counter.most_common(5) for area, counter in by_area.items()}
    return {"seconds": time.perf_counter() - start, "rows": rows, "areas": len(top)}


def _setup(database: str) -> None:
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("PCPLAN_TESTING", "1")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _consultation():  # type: ignore[no-untyped-def]
    import datetime as dt

    from pcplan.core.profile import setup_from_text
    from pcplan.engagement.models import Consultation
    from pcplan.plans.models import Plan, Theme

    setup_from_text(PROFILE, "bench.yaml")
    plan = Plan.objects.create(
        key="bench",
        title="Bench plan",
        area="Bench",
        elected_on=dt.date(2021, 5, 6),
        starts_on=dt.date(2021, 4, 1),
        ends_on=dt.date(2024, 3, 31),
    )
    for position, title in enumerate(THEMES):
        Theme.objects.create(plan=plan, key=f"t{position}", title=title, position=position)
    return Consultation.objects.create(
        key="bench", title="Bench", purpose="plan", plan=plan, opens_on=dt.date(2021, 6, 30)
    )


def child_parse(path: Path, database: str) -> dict[str, float]:
    _setup(database)
    from pcplan.engagement import rules, surveys

    consultation = _consultation()
    data = path.read_bytes()
    start = time.perf_counter()
    parsed = surveys.parse(
        surveys.read_file(path.name, data),
        MAPPING,
        surveys.area_lookup(),
        surveys.theme_lookup(consultation),
    )
    top = rules.top_issues_by_area(zip(parsed.areas, parsed.issues, strict=True))
    return {"seconds": time.perf_counter() - start, "rows": len(parsed), "areas": len(top)}


def child_apply(path: Path, database: str) -> dict[str, float]:
    _setup(database)
    from pcplan.engagement import summary, surveys

    consultation = _consultation()
    data = path.read_bytes()
    start = time.perf_counter()
    done = surveys.apply(None, consultation, path.name, data, MAPPING)
    applied = time.perf_counter()
    results = summary.survey_results(consultation)
    end = time.perf_counter()
    assert done is not None
    return {
        "seconds": end - start,
        "apply_seconds": applied - start,
        "count_seconds": end - applied,
        "rows": done.responses_added,
        "areas": len(results.top_issues),
    }


def child_floor(path: Path, database: str, work: Path) -> dict[str, float]:
    """A lower bound for the import's write: the database's own loader (the sqlite3 shell's
    .import, or psql's \\copy) loading the same responses, as the columns pcplan stores
    them, from a CSV file into pcplan's own response table (same columns, same unique
    constraint and indexes) in a fresh database. pcplan checks and hashes them first
    (untimed); the loader checks nothing. Whatever pcplan does with the indexes on a first
    load (`core.bulk.indexes_built_after`), the floor does too: they are built after the
    load, and that is timed."""
    _setup(database)
    from django.db import connection

    from pcplan.core import bulk
    from pcplan.engagement import surveys
    from pcplan.engagement.models import SurveyImport, SurveyResponse

    consultation = _consultation()
    survey_import = SurveyImport.objects.create(consultation=consultation, file_hash="floor")
    parsed = surveys._parse_for(consultation, path.name, path.read_bytes(), MAPPING)
    table = SurveyResponse._meta.db_table
    names = [SurveyResponse._meta.get_field(f).column for f in surveys.INSERTED_FIELDS]
    if connection.vendor == "sqlite":  # .import fills every column in the table's order
        with connection.cursor() as cursor:
            order = [r[1] for r in cursor.execute(f"PRAGMA table_info({table})").fetchall()]
    else:
        order = names
    csv_path = work / "responses.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        # In the order pcplan inserts them: by identity (surveys._insert_responses).
        for n, values in enumerate(
            sorted(
                zip(
                    parsed.content_hashes,
                    parsed.rows,
                    parsed.responded_on,
                    parsed.areas,
                    parsed.theme_ids,
                    parsed.issues,
                    strict=True,
                )
            ),
            start=1,
        ):
            content_hash, row, responded_on, area, theme_id, issues = values
            by_name: dict[str, object] = {
                "id": n,
                "consultation_id": consultation.pk,
                "survey_import_id": survey_import.pk,
                "row": row,
                "content_hash": content_hash,
                "responded_on": responded_on.isoformat() if responded_on else "",
                "area": area,
                "theme_id": "" if theme_id is None else theme_id,
                "issues": json.dumps(list(issues)),
            }
            writer.writerow([by_name[c] for c in order])
    drops, creates = bulk.index_statements(SurveyResponse)
    with connection.cursor() as cursor:
        for drop in drops:
            cursor.execute(drop)
    connection.close()
    if database.startswith("sqlite"):
        tool, target = "sqlite3", database.removeprefix("sqlite:///")
        command = [tool, target, "-cmd", ".mode csv", f".import {csv_path} {table}", *creates]
    else:
        tool, target = "psql", database
        copy = f"\\copy {table} ({', '.join(names)}) FROM '{csv_path}' WITH (FORMAT csv)"
        command = [tool, "-q", target, "-c", copy]
        for create in creates:
            command += ["-c", create]
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 - its own client
    return {"seconds": time.perf_counter() - start, "rows": len(parsed), "tool": tool}


def in_child(*args: str) -> tuple[dict[str, float], float]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "pcplan.settings"}
    process = subprocess.Popen(  # noqa: S603 - our own script
        [sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, env=env
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"child {args[0]} failed")
    return json.loads(output), usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", nargs="+")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="rounds, each ratio within one")
    parser.add_argument("--database", help="a PostgreSQL URL to import into instead of SQLite")
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "plain":
            result = child_plain(Path(rest[0]))
        elif kind == "floor":
            result = child_floor(Path(rest[0]), rest[1], Path(rest[2]))
        else:
            result = {"parse": child_parse, "apply": child_apply}[kind](Path(rest[0]), rest[1])
        sys.stdout.write(json.dumps(result))
        return
    from benchmarks.police_ingest_benchmark import recreate_postgres_database
    from scripts.engagement_synthetic_data import main as generate

    with tempfile.TemporaryDirectory(prefix="pcplan-bench-") as tmp:
        path = Path(tmp) / "responses.csv"
        text = io.StringIO()
        with redirect_stdout(text):
            generate(["--bench", str(args.rows)])
        path.write_text(text.getvalue(), encoding="utf-8")
        size = path.stat().st_size / 2**20
        print(f"{args.rows:,} responses, {size:.1f} MiB")
        engine = "PostgreSQL" if args.database else "SQLite"

        def fresh(name: str) -> str:
            """An empty database for one child: a new SQLite file, or the PostgreSQL
            database dropped and created again."""
            if not args.database:
                return f"sqlite:///{tmp}/{name}.sqlite3"
            recreate_postgres_database(args.database)
            return str(args.database)

        # The machine may be busy: the four are run in turn, --repeat times, and each
        # ratio is taken within its round (against that round's yardstick), then the median.
        rounds = []
        for n in range(args.repeat):
            plain, plain_rss = in_child("plain", str(path))
            parse, parse_rss = in_child("parse", str(path), f"sqlite:///{tmp}/parse{n}.sqlite3")
            apply, apply_rss = in_child("apply", str(path), fresh(f"apply{n}"))
            floor_dir = Path(tmp) / f"floor{n}"
            floor_dir.mkdir()
            floor, floor_rss = in_child("floor", str(path), fresh(f"floor{n}"), str(floor_dir))
            assert apply["rows"] == floor["rows"] == plain["rows"]
            rounds.append((plain, plain_rss, parse, parse_rss, apply, apply_rss, floor, floor_rss))
            print(
                f"round {n + 1}: plain {plain['seconds']:.2f} s, check + count "
                f"{parse['seconds']:.2f} s ({parse['seconds'] / plain['seconds']:.1f}x), "
                f"import + count {apply['seconds']:.2f} s "
                f"({apply['seconds'] / plain['seconds']:.1f}x; apply "
                f"{apply['apply_seconds']:.2f} s, count {apply['count_seconds']:.2f} s), "
                f"floor ({floor['tool']}) {floor['seconds']:.2f} s "
                f"({floor['seconds'] / plain['seconds']:.1f}x)"
            )
        for name, at in (
            ("plain csv loop (yardstick)", 0),
            ("pcplan check + top issues", 2),
            (f"pcplan import into {engine} + count", 4),
            (f"floor: {rounds[0][6]['tool']} loads the stored columns", 6),
        ):
            seconds = median(r[at]["seconds"] for r in rounds)
            ratio = median(r[at]["seconds"] / r[0]["seconds"] for r in rounds)
            rss = max(r[at + 1] for r in rounds)
            rate = rounds[0][at]["rows"] / seconds
            print(
                f"{name:40} median {seconds:7.2f} s  {rate:10,.0f} rows/s  "
                f"median {ratio:5.1f}x  peak {rss:6.0f} MiB"
            )
        ratio = median(r[4]["seconds"] / r[0]["seconds"] for r in rounds)
        over_floor = median(r[4]["apply_seconds"] / r[6]["seconds"] for r in rounds)
        print(
            f"pcplan's apply / the floor: {over_floor:.1f}x. Import + count / yardstick: "
            f"{ratio:.1f}x (target: at most 3x) -> {'met' if ratio <= 3 else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
