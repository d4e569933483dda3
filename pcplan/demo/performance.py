"""The performance part of the demo: Cambridgeshire's 2024 data.police.uk files, shipped with
pcplan (real, unedited files zipped as published), and the national measures linked to the
Delivery Plan entry that reports on them (seed 002 item 9 §5.5, footnote 1)."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from pcplan.delivery.models import Deliverable
from pcplan.performance.demo import load_local_measures, load_populations
from pcplan.performance.importer import import_police_data
from pcplan.performance.models import ImportRun, Measure
from pcplan.performance.national import ensure_national_measures
from pcplan.plans.models import Theme

DEMO_DATA = (
    Path(__file__).resolve().parent.parent / "performance" / "demo_data" / "cambridgeshire-2024.zip"
)
NATIONAL_DELIVERABLE = (
    "ensure-constabulary-progress-in-cutting-crime-and-delivery-against-the-national"
)
NATIONAL_THEME = "robust-enforcement"


@transaction.atomic
def load_performance_demo() -> ImportRun:
    ensure_national_measures(Measure)
    run, _ = import_police_data([DEMO_DATA])
    national = list(Measure.objects.filter(is_national=True))
    for deliverable in Deliverable.objects.filter(key=NATIONAL_DELIVERABLE):
        for measure in national:
            measure.deliverables.add(deliverable)
    for theme in Theme.objects.filter(key=NATIONAL_THEME, plan__key="cambs-2021-24"):
        for measure in national:
            measure.themes.add(theme)
    load_local_measures()
    load_populations()
    return run
