"""Benchmark: the Panel progress report for a plan of 500 deliverables and 2,000 updates.

Builds the plan in a throwaway SQLite database, then times building the report and writing
the PDF and the Word file, with peak Python memory (tracemalloc) and the process's peak
resident size (ru_maxrss). Run from the repository root:

    PCPLAN_TESTING=1 .venv/bin/python benchmarks/report_benchmark.py

The results go into docs/PERFORMANCE.md by hand; the target is under 3 s for each format.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

DELIVERABLES = 500
UPDATES_EACH = 4  # 2,000 updates
THEMES = 5


def setup_django(data_dir: Path) -> None:
    os.environ["PCPLAN_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{data_dir / 'bench.sqlite3'}"
    os.environ.setdefault("PCPLAN_TESTING", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcplan.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def build_plan() -> Any:
    from pcplan.core.models import Organisation
    from pcplan.delivery.models import Deliverable, Update
    from pcplan.delivery.rules import Status
    from pcplan.plans.models import Plan, Theme

    lead = Organisation.objects.create(key="constabulary", name="Cambridgeshire Constabulary")
    plan = Plan.objects.create(key="bench", title="Police and Crime Plan 2021-24", area="Bench")
    themes = [
        Theme.objects.create(plan=plan, key=f"t{i}", title=f"Theme {i}", position=i, aim="Aim.")
        for i in range(THEMES)
    ]
    statuses = [Status.IN_PROGRESS, Status.COMPLETED, Status.NOT_STARTED, Status.ON_HOLD]
    deliverables = Deliverable.objects.bulk_create(
        Deliverable(
            theme=themes[i % THEMES],
            key=f"d{i}",
            title=f"Deliverable number {i} with a title of a realistic length for the report",
            lead=lead,
            status=statuses[i % 4],
            added_on=dt.date(2021, 11, 29) if i % 5 else dt.date(2022, 12, 1),
            completed_on=dt.date(2023, 1, 1) if statuses[i % 4] == Status.COMPLETED else None,
            is_published=True,
        )
        for i in range(DELIVERABLES)
    )
    text = (
        "Activities ongoing. Initial scoping has taken place and dependencies were identified; "
        "partners met to agree the next steps and a further update will follow. "
    ) * 3
    Update.objects.bulk_create(
        Update(
            deliverable=d,
            date=dt.date(2022, 10, 1) + dt.timedelta(days=40 * j),
            text=text,
            is_published=True,
        )
        for d in deliverables
        for j in range(UPDATES_EACH)
    )
    return plan


def measure(label: str, fn: Callable[[], Any]) -> tuple[float, float]:
    """Best of three wall-clock runs, then one more run under tracemalloc for peak memory
    (tracemalloc slows Python down several times, so it is not timed)."""
    elapsed = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        result = fn()
        elapsed = min(elapsed, time.perf_counter() - start)
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = f", {len(result) / 1024:.0f} KiB" if isinstance(result, bytes) else ""
    print(f"{label:<28} {elapsed:6.2f} s   peak traced memory {peak / 2**20:6.1f} MiB{size}")
    return elapsed, peak


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp))
        plan = build_plan()
        from pcplan.reports.progress import build_progress_report
        from pcplan.reports.render import render_docx, render_pdf

        as_of, since = dt.date(2023, 3, 15), dt.date(2022, 9, 14)
        n = sum(len(t.entries) for t in build_progress_report(plan, as_of, since).themes)
        print(
            f"{DELIVERABLES} deliverables, {DELIVERABLES * UPDATES_EACH} updates; {n} in the report"
        )
        # Warm up once (font loading, template compilation), as a running server would be.
        render_pdf(build_progress_report(plan, as_of, since))
        measure("build report data", lambda: build_progress_report(plan, as_of, since))
        measure(
            "build + PDF",
            lambda: render_pdf(build_progress_report(plan, as_of, since)),
        )
        # The floor: WeasyPrint alone turning the same HTML into the same tagged PDF.
        from weasyprint import HTML

        from pcplan.reports.render import render_html

        html = render_html(build_progress_report(plan, as_of, since))
        measure(
            "WeasyPrint alone, same HTML",
            lambda: HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True),
        )
        measure(
            "build + DOCX",
            lambda: render_docx(build_progress_report(plan, as_of, since)),
        )
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"process peak resident size   {rss:6.1f} MiB")
        print(
            f"machine yardstick            {yardstick():6.2f} s   (20 million additions in Python)"
        )


def yardstick() -> float:
    """Best of three timings of a fixed pure-Python loop, to compare machines' speed: the
    same report takes longer on a machine where this takes longer."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(20_000_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return best


if __name__ == "__main__":
    main()
