"""The benchmarks' database: the demo loaded afresh, or a demo kept from an earlier run used again.

One function for every benchmark that runs `pcplan serve` on the demo (`page_throughput.py`,
`load_and_faults.py`): each decides whether its kept demo may be used again (a `--data-dir`
that holds one, `--keep-database`), and this sets the database up either way.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

PCPLAN = Path(sys.executable).parent / "pcplan"


def run(env: dict[str, str], *args: str) -> str:
    """A `pcplan` command's output; the benchmark stops with its error if it fails."""
    result = subprocess.run(  # noqa: S603 - our own commands
        [str(PCPLAN), *args], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"pcplan {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def has_demo(admin: str, name: str) -> bool:
    """Whether the PostgreSQL database exists and the demo finished loading into it (its
    plans)."""
    sql = f"SELECT 1 FROM pg_database WHERE datname = '{name}'"  # noqa: S608 - ours
    exists = subprocess.run(  # noqa: S603
        ["psql", admin, "-qAtc", sql],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        return False
    database = admin.rsplit("/", 1)[0] + f"/{name}"
    found = subprocess.run(  # noqa: S603
        ["psql", database, "-qAtc", "SELECT count(*) FROM plans_plan"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return found.isdigit() and int(found) > 0


def admin_url(database: str) -> tuple[str, str]:
    """The server's maintenance database (to drop and create from) and the database's name."""
    return database.rsplit("/", 1)[0] + "/postgres", database.rsplit("/", 1)[1]


def load_demo(
    env: dict[str, str],
    *,
    work: Path,
    database: str = "",
    reuse: bool = False,
    multiply: int | None = None,
) -> None:
    """Point `env` at the benchmark's database and put the demo in it.

    `database` is a PostgreSQL URL, or "" for SQLite in `work` (PCPLAN_DATA_DIR). With `reuse`
    the database is kept as it is and only migrated; otherwise a PostgreSQL database is dropped
    and created again, a SQLite file left in `work` is removed, and `pcplan demo --no-serve`
    loads the demo (×`multiply` when given).
    """
    if database:
        env["DATABASE_URL"] = database
        if not reuse:
            admin, name = admin_url(database)
            for sql in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
                subprocess.run(["psql", admin, "-qc", sql], check=True)  # noqa: S603, S607
    else:
        env.pop("DATABASE_URL", None)
    if reuse:
        run(env, "migrate", "-v0")
        return
    began = time.monotonic()
    kept = work / "pcplan.sqlite3"
    if not database and kept.exists():
        kept.unlink()  # a demo kept for other options: start again
    debug = {**env, "PCPLAN_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "pcplan.settings"}
    times = [] if multiply is None else ["--multiply", str(multiply)]
    run(debug, "demo", "--no-serve", *times)
    shown = "" if multiply is None else f" ×{multiply}"
    print(f"demo{shown} loaded in {time.monotonic() - began:.0f} s", flush=True)
