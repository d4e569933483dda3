from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from pcplan.plans.models import Plan


class Command(BaseCommand):
    help = "List the plans: slug, title and status."

    def handle(self, *args: Any, **options: Any) -> None:
        plans = list(Plan.objects.order_by("key"))
        if not plans:
            self.stdout.write("No plans yet. Import one with: pcplan import-plan FILE")
            return
        width = max(len(p.key) for p in plans)
        for plan in plans:
            self.stdout.write(f"{plan.key:<{width}}  {plan.title}  [{plan.get_status_display()}]")
