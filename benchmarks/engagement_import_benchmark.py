"""Benchmark the survey import on 100,000 synthetic responses against a plain `csv` loop.

Writes a synthetic export (scripts/engagement_synthetic_data.py --bench, the demo's columns)
and then, each in its own child process (so that peak memory is that child's ru_maxrss):

1. the yardstick: a plain `csv.reader` loop that reads every row, splits the issues and
   counts the top five issues by area in Counters (no checks, nothing stored);
2. pcplan's check and count: `surveys.read_file` + `surveys.parse` (every row checked: date,
   area against the profile, theme against the plan, the response hash) and
   `rules.top_issues_by_area`, nothing stored;
3. pcplan's whole import: `surveys.apply` into a throwaway SQLite database (all rows in one
   transaction) and then `summary.survey_results` read back from the database.

Run from the checkout:
    .venv/bin/python benchmarks/engagement_import_benchmark.py [--rows N] [--repeat N]
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
    top = rules.top_issues_by_area((p.area, p.issues) for p in parsed)
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
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        children = {"plain": child_plain, "parse": child_parse, "apply": child_apply}
        if kind == "plain":
            result = child_plain(Path(rest[0]))
        else:
            result = children[kind](Path(rest[0]), rest[1])  # type: ignore[operator]
        sys.stdout.write(json.dumps(result))
        return
    from scripts.engagement_synthetic_data import main as generate

    with tempfile.TemporaryDirectory(prefix="pcplan-bench-") as tmp:
        path = Path(tmp) / "responses.csv"
        text = io.StringIO()
        with redirect_stdout(text):
            generate(["--bench", str(args.rows)])
        path.write_text(text.getvalue(), encoding="utf-8")
        size = path.stat().st_size / 2**20
        print(f"{args.rows:,} responses, {size:.1f} MiB")
        # The machine may be busy: the three are run in turn, --repeat times, and each
        # ratio is taken within its round (against that round's yardstick), then the median.
        rounds = []
        for n in range(args.repeat):
            plain, plain_rss = in_child("plain", str(path))
            parse, parse_rss = in_child("parse", str(path), f"sqlite:///{tmp}/parse{n}.sqlite3")
            apply, apply_rss = in_child("apply", str(path), f"sqlite:///{tmp}/apply{n}.sqlite3")
            rounds.append((plain, plain_rss, parse, parse_rss, apply, apply_rss))
            print(
                f"round {n + 1}: plain {plain['seconds']:.2f} s, check + count "
                f"{parse['seconds']:.2f} s ({parse['seconds'] / plain['seconds']:.1f}x), "
                f"import + count {apply['seconds']:.2f} s "
                f"({apply['seconds'] / plain['seconds']:.1f}x; apply "
                f"{apply['apply_seconds']:.2f} s, count {apply['count_seconds']:.2f} s)"
            )
        for name, at in (
            ("plain csv loop (yardstick)", 0),
            ("pcplan check + top issues", 2),
            ("pcplan import into SQLite + count", 4),
        ):
            seconds = median(r[at]["seconds"] for r in rounds)
            ratio = median(r[at]["seconds"] / r[0]["seconds"] for r in rounds)
            rss = max(r[at + 1] for r in rounds)
            rate = rounds[0][at]["rows"] / seconds
            print(
                f"{name:36} median {seconds:7.2f} s  {rate:10,.0f} rows/s  "
                f"median {ratio:5.1f}x  peak {rss:6.0f} MiB"
            )


if __name__ == "__main__":
    main()
