"""Benchmark: building the Panel's agenda pack and serving the public meeting page.

Run from the checkout (uses a throw-away SQLite database):

    PCPLAN_TESTING=1 .venv/bin/python benchmarks/panel_agenda_pack.py

It builds a meeting like seed 002's 15 March 2023 pack (80 pages: front sheet, previous minutes,
action log and five reports) and a large one (20 reports of 20 pages, 400+ pages), timing the
two-pass build and measuring peak memory (tracemalloc), and times the public meeting page.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PCPLAN_TESTING", "1")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcplan.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from weasyprint import HTML  # noqa: E402

from pcplan.panel import documents  # noqa: E402
from pcplan.panel.models import AgendaItem, Meeting, MinuteItem, MinuteQuestion  # noqa: E402


def report(pages: int, title: str) -> bytes:
    paras = "".join(
        f"<h2>{title} – section {n}</h2><p>{'Lorem ipsum dolor sit amet. ' * 60}</p>"
        f'<p style="page-break-after: always"></p>'
        for n in range(pages - 1)
    )
    return HTML(string=f"<html><body>{paras}<p>End of {title}</p></body></html>").write_pdf()


def build_meeting(n_reports: int, pages_each: int) -> Meeting:
    previous = Meeting.objects.create(date=dt.date(2023, 2, 1), status=Meeting.Status.HELD)
    for number in range(40, 47):
        minute = MinuteItem.objects.create(
            meeting=previous,
            number=number + 100 * Meeting.objects.count(),
            title=f"Minute {number}",
            text="The Panel received a report. " * 40,
        )
        for q in range(1, 5):
            MinuteQuestion.objects.create(
                minute=minute, number=q, text="A question and answer. " * 20
            )
    meeting = Meeting.objects.create(
        date=dt.date(2023, 3, 15) + dt.timedelta(days=Meeting.objects.count()),
        status=Meeting.Status.AGENDA_PUBLISHED,
    )
    AgendaItem.objects.create(meeting=meeting, number=1, title="Apologies for Absence")
    AgendaItem.objects.create(
        meeting=meeting, number=2, title="Minutes", kind=AgendaItem.Kind.PREVIOUS_MINUTES
    )
    AgendaItem.objects.create(
        meeting=meeting, number=3, title="Review Actions", kind=AgendaItem.Kind.ACTION_LOG
    )
    pdf = report(pages_each, "Report")
    for n in range(n_reports):
        AgendaItem.objects.create(
            meeting=meeting,
            number=4 + n,
            title=f"Report {n}",
            kind=AgendaItem.Kind.STANDARD,
            report_pdf=pdf,
        )
    return meeting


def measure(label: str, meeting: Meeting) -> None:
    tracemalloc.start()
    start = time.perf_counter()
    pack = documents.agenda_pack(meeting)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label}: {pack.total_pages} pages in {elapsed:.2f} s, "
        f"peak Python memory {peak / 2**20:.0f} MiB"
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    seed_like = build_meeting(5, 13)
    measure("seed-002-sized pack (5 reports x 13 pages)", seed_like)
    big = build_meeting(20, 20)
    measure("large pack (20 reports x 20 pages)", big)
    client = Client(HTTP_HOST="localhost")
    first = client.get(f"/panel/meetings/{seed_like.pk}/")
    if first.status_code != 200:
        raise SystemExit(f"The meeting page answered {first.status_code}")
    start = time.perf_counter()
    for _ in range(50):
        client.get(f"/panel/meetings/{seed_like.pk}/")
    print(
        f"public meeting page: {(time.perf_counter() - start) / 50 * 1000:.1f} ms "
        "per request (mean of 50)"
    )


if __name__ == "__main__":
    main()
