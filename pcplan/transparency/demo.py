"""Load the decisions (and, as they land, inspections and publications) the seeds record, from
`demo_data/` (called from the demo's load_demo). Loading twice adds nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from pcplan.core.audit import attributed_to
from pcplan.panel.models import Precept
from pcplan.plans.models import PlanStatusChange
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


FACT_FIELDS = (
    "number",
    "kind",
    "decision_maker",
    "reasons",
    "financial_implications",
    "advised_by",
    "source",
)


def _made_on(entry: dict[str, Any]) -> dict[str, Any]:
    """The record the decision was made on, if the demo has loaded it (else nothing)."""
    made_on = entry.get("made_on") or {}
    if "precept" in made_on:
        precept = Precept.objects.filter(financial_year_start=made_on["precept"]).first()
        return {"precept": precept} if precept else {}
    if "plan" in made_on:
        step = (
            PlanStatusChange.objects.filter(plan__key=made_on["plan"], status=made_on["step"])
            .order_by("date", "pk")
            .last()
        )
        return {"plan_step": step} if step else {}
    return {}


def _facts(entry: dict[str, Any]) -> dict[str, Any]:
    facts = {name: entry.get(name) or "" for name in FACT_FIELDS}
    facts["kind"] = facts["kind"] or Decision.Kind.GENERAL
    return facts


@transaction.atomic
def load_transparency_demo(
    path: Path = DECISIONS_FILE, inspections_path: Path = INSPECTIONS_FILE
) -> list[Decision]:
    """The seeds' decisions, then their inspections (none: see inspections.yaml)."""
    load_inspections(inspections_path)
    made = []
    for entry in _read(path)["decisions"]:
        decided_on = dt.date.fromisoformat(str(entry["decided_on"]))
        origin = _made_on(entry)
        derived = Decision.objects.filter(**origin).first() if origin else None
        if derived is not None:
            _complete(derived, entry, decided_on)
            continue
        if Decision.objects.filter(decided_on=decided_on, title=entry["title"]).exists():
            continue
        made.append(
            services.record_decision(
                None,
                decided_on=decided_on,
                title=entry["title"],
                summary=entry["summary"],
                significant_public_interest=bool(entry.get("significant_public_interest")),
                publish=bool(entry.get("published")),
                reason="Imported from the demo",
                **_facts(entry),
                **origin,
            )
        )
    return made


def _complete(decision: Decision, entry: dict[str, Any], decided_on: dt.date) -> None:
    """Fill a decision another app recorded (the precept's) with the seed's own words, once."""
    if decision.is_published:
        return
    for name, value in _facts(entry).items():
        setattr(decision, name, value)
    decision.decided_on = decided_on
    decision.title = entry["title"]
    decision.summary = entry["summary"]
    decision.full_clean()
    attributed_to(decision, None, "Completed from the demo").save()
    if entry.get("published"):
        attributed_to(decision, None, "Published").save(
            update_fields=decision.stamp_publication(True, None)
        )


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
