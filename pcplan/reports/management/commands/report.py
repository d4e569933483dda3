from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pcplan.plans.models import Plan
from pcplan.reports.progress import BOARD, PANEL, ReportError, build_progress_report
from pcplan.reports.render import render

FORMATS = ("html", "pdf", "docx")


def parse_date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"{option} {text!r} is not a date: expected YYYY-MM-DD, for example 2023-03-15."
        ) from None


class Command(BaseCommand):
    help = (
        "Generate a report from live data. `pcplan report progress --plan SLUG --as-of DATE "
        "--since DATE --format html|pdf|docx -o FILE` writes the Panel progress report "
        "(--board for the quarterly variant to the office's Board)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="report", required=True, metavar="REPORT")
        progress = sub.add_parser("progress", help="The progress report on the Delivery Plan.")
        progress.add_argument("--plan", required=True, metavar="SLUG")
        progress.add_argument("--as-of", required=True, metavar="DATE", help="YYYY-MM-DD")
        progress.add_argument(
            "--since", required=True, metavar="DATE", help="previous report date, YYYY-MM-DD"
        )
        progress.add_argument("--format", required=True, metavar="html|pdf|docx")
        progress.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
        progress.add_argument("--board", action="store_true", help="the Board's quarterly variant")

    def handle(self, *args: Any, **options: Any) -> None:
        fmt = options["format"].lower()
        if fmt not in FORMATS:
            raise CommandError(
                f"Unknown format {options['format']!r}: expected one of {', '.join(FORMATS)}."
            )
        as_of = parse_date(options["as_of"], "--as-of")
        since = parse_date(options["since"], "--since")
        plan = Plan.objects.filter(key=options["plan"]).first()
        if plan is None:
            known = ", ".join(Plan.objects.values_list("key", flat=True)) or "none"
            raise CommandError(f"No plan {options['plan']!r}. Plans: {known}.")
        try:
            report = build_progress_report(
                plan, as_of, since, kind=BOARD if options["board"] else PANEL
            )
        except ReportError as exc:
            raise CommandError(str(exc)) from None
        output: Path = options["output"]
        try:
            output.write_bytes(render(report, fmt))
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror}.") from None
        n = sum(len(t.entries) for t in report.themes)
        self.stdout.write(f"Wrote {output}: {report.title}, {n} deliverables.")
