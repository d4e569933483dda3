from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from pcplan.core.commands import DataCommand
from pcplan.plans.exporter import export_plan
from pcplan.plans.models import Plan


class Command(DataCommand):
    help = (
        "Write a plan, its themes, key objectives, shared outcomes, pledges and Delivery Plan in "
        "the plan import format (docs/import-format.md); importing the file back changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("plan", metavar="PLAN_KEY")
        parser.add_argument("--output", type=Path, help="Write to this file, not standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = Plan.objects.filter(key=options["plan"]).first()
        if plan is None:
            raise CommandError(f"There is no plan with the key '{options['plan']}'.")
        text = export_plan(plan)
        if options["output"]:
            options["output"].write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {plan.title} to {options['output']}.")
        else:
            self.stdout.write(text, ending="")
