"""Benchmark: a download of 100,000 rows, as CSV (streamed) and as Excel (written row by row
to a temporary file), measured for peak memory and time (docs/DECISIONS.md, "Downloads hold
every row").

Run from the checkout (uses a throw-away SQLite database):

    PCPLAN_TESTING=1 .venv/bin/python benchmarks/downloads_memory.py [rows]

It fills the decision register with `rows` published decisions (100,000 by default), then, each
in a fresh process so that its peak memory is its own: the register's CSV download, its Excel
download (with the Excel limit raised to the rows, to measure it), the API's CSV of the same
list, and the whole CSV built in memory as the downloads were before, for comparison. It prints
the rows counted back from each file, the process's peak resident memory above what it held
before the request, and the CPU seconds.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PCPLAN_TESTING", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcplan.settings")


def setup(database: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()


def fill(database: str, rows: int) -> None:
    setup(database)
    from django.core.management import call_command

    from pcplan.transparency.models import Decision

    call_command("migrate", verbosity=0)
    Decision.objects.bulk_create(
        (
            Decision(
                number=f"D{n:06d}",
                decided_on=dt.date(2020, 1, 1) + dt.timedelta(days=n % 1500),
                title=f"Decision {n} on the commissioning of victim services",
                summary="The Commissioner agreed to award the grant as recommended. " * 3,
                is_published=True,
            )
            for n in range(rows)
        ),
        batch_size=2000,
    )


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(database: str, what: str, rows: int) -> None:
    setup(database)
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from pcplan.core import exports
    from pcplan.transparency.models import Decision
    from pcplan.transparency.views.decisions import REGISTER_COLUMNS

    setup_test_environment()
    exports.XLSX_MAX_ROWS = max(exports.XLSX_MAX_ROWS, rows)
    client = Client()
    client.get(reverse("transparency:decisions"))  # imports and caches warmed
    before = peak_mib()
    cpu = time.process_time()
    if what == "in-memory csv":
        records = Decision.objects.public().newest_first()
        # Every row held at once, as the downloads were written before.
        text = exports.as_csv(REGISTER_COLUMNS, list(records))
        counted = text.count(b"\r\n") - 1
    else:
        url = {
            "csv": reverse("transparency:decisions-download", args=["csv"]),
            "xlsx": reverse("transparency:decisions-download", args=["xlsx"]),
            "api csv": reverse("api:decision-list") + "?format=csv",
        }[what]
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        if what == "xlsx":
            from openpyxl import load_workbook

            data = b"".join(response.streaming_content)
            size = len(data)
            cpu_done = time.process_time() - cpu
            peak = peak_mib() - before
            # A write-only sheet records no dimensions: count its rows by reading them.
            sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
            counted = sum(1 for _row in sheet.iter_rows(values_only=True)) - 1
            print(
                f"{what:14} {counted:>8,} rows  peak +{peak:6.1f} MiB  {cpu_done:6.1f} s CPU  "
                f"{size / 1e6:.1f} MB"
            )
            return
        size = 0
        counted = -1
        for chunk in response.streaming_content:
            size += len(chunk)
            counted += chunk.count(b"\r\n")
    print(
        f"{what:14} {counted:>8,} rows  peak +{peak_mib() - before:6.1f} MiB  "
        f"{time.process_time() - cpu:6.1f} s CPU"
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        measure(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    database = f"{tempfile.mkdtemp()}/downloads.sqlite3"
    started = time.monotonic()
    fill(database, rows)
    print(f"{rows:,} published decisions in {time.monotonic() - started:.0f} s")
    for what in ("csv", "api csv", "xlsx", "in-memory csv"):
        subprocess.run(  # noqa: S603 (this script, its own arguments)
            [sys.executable, __file__, "--measure", database, what, str(rows)], check=True
        )


if __name__ == "__main__":
    main()
