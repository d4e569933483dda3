"""Load the decisions (and, as they land, inspections and publications) the seeds record, from
`demo_data/` (called from the demo's load_demo). Loading twice adds nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from pcplan.core.audit import attributed_to
from pcplan.plans.yamlsource import load_yaml
from pcplan.transparency import services
from pcplan.transparency.models import Decision, GradedArea, Inspection

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
DECISIONS_FILE = DATA_DIR / "decisions.yaml"
INSPECTIONS_FILE = DATA_DIR / "inspections.yaml"


def _read(path: Path) -> Any:
    source = load_yaml(path.read_text(encoding="utf-8"), path.name)
    if source.problems:
        raise ImproperlyConfigured("; ".join(str(p) for p in source.problems))
    return source.data


@transaction.atomic
def load_transparency_demo(
    path: Path = DECISIONS_FILE, inspections_path: Path = INSPECTIONS_FILE
) -> list[Decision]:
    """The seeds' decisions, then their inspections (none: see inspections.yaml)."""
    load_inspections(inspections_path)
    made = []
    for entry in _read(path)["decisions"]:
        decided_on = dt.date.fromisoformat(str(entry["decided_on"]))
        if Decision.objects.filter(decided_on=decided_on, title=entry["title"]).exists():
            continue
        made.append(
            services.record_decision(
                None,
                decided_on=decided_on,
                title=entry["title"],
                summary=entry["summary"],
                number=entry.get("number") or "",
                kind=entry.get("kind") or Decision.Kind.GENERAL,
                decision_maker=entry.get("decision_maker") or "",
                reasons=entry.get("reasons") or "",
                financial_implications=entry.get("financial_implications") or "",
                advised_by=entry.get("advised_by") or "",
                source=entry.get("source") or "",
                significant_public_interest=bool(entry.get("significant_public_interest")),
                publish=bool(entry.get("published")),
                reason="Imported from the demo",
            )
        )
    return made


def load_inspections(path: Path = INSPECTIONS_FILE) -> list[Inspection]:
    made = []
    for entry in _read(path)["inspections"] or []:
        published_on = dt.date.fromisoformat(str(entry["published_on"]))
        if Inspection.objects.filter(title=entry["title"], published_on=published_on).exists():
            continue
        inspection = Inspection(
            title=entry["title"],
            kind=entry["kind"],
            published_on=published_on,
            report_url=entry.get("report_url") or "",
        )
        inspection.full_clean()
        attributed_to(inspection, None, "Imported from the demo").save()
        for area in entry.get("graded_areas") or []:
            attributed_to(
                GradedArea(inspection=inspection, area=area["area"], grade=area["grade"]), None
            ).save()
        made.append(inspection)
    return made
