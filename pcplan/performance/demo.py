"""The local measures of the seeds, from `demo_data/local-measures.yaml`, and the residents of
each CSP area, from `demo_data/populations.csv` (called by the demo).

Loading twice changes nothing: measures are found by key, observations by period and
populations by area and group.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from pcplan.core.audit import attributed_to
from pcplan.performance import populations, services
from pcplan.performance.models import AreaPopulation, Measure, Observation

LOCAL_MEASURES = Path(__file__).resolve().parent / "demo_data" / "local-measures.yaml"
# Residents per CSP area in the Resident populations upload format (docs/user-guide.md); the
# seeds give none, so the figures and their source are the ONS's (docs/DECISIONS.md).
POPULATIONS = Path(__file__).resolve().parent / "demo_data" / "populations.csv"


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@transaction.atomic
def load_local_measures(path: Path = LOCAL_MEASURES) -> list[Measure]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    position = Measure.objects.count() + 100
    measures = []
    for offset, entry in enumerate(entries):
        derivation = entry.get("derivation", "")
        measure = Measure.objects.filter(key=entry["key"]).first() or Measure(
            key=entry["key"], position=position + offset
        )
        fields = {
            "name": entry["name"],
            "description": entry["description"],
            "unit": entry["unit"],
            "direction": entry["direction"],
            "is_summed": bool(entry["summed"]),
            "target_value": Decimal(str(entry["target"])) if "target" in entry else None,
            "target_note": entry.get("target_note", ""),
            "derivation": derivation,
            "source": Measure.Source.POLICE_DATA if derivation else Measure.Source.MANUAL,
            "is_published": True,
        }
        if measure.pk is None or any(getattr(measure, k) != v for k, v in fields.items()):
            for name, value in fields.items():
                setattr(measure, name, value)
            attributed_to(measure, None, "Demo: local measure of the seeds").save()
        for o in entry.get("observations", []):
            observation, _ = Observation.objects.get_or_create(
                measure=measure,
                granularity=o["granularity"],
                period_start=_day(o["period_start"]),
                area="",
                defaults={"value": Decimal(str(o["value"])), "note": o.get("note", "")[:200]},
            )
            if observation.value != Decimal(str(o["value"])):
                observation.value = Decimal(str(o["value"]))
                attributed_to(observation, None, "Demo: local measure of the seeds").save()
        measures.append(measure)
    return measures


@transaction.atomic
def load_populations(path: Path = POPULATIONS) -> list[AreaPopulation]:
    """Checked as an editor's upload is (every row, all or nothing), then saved."""
    with path.open("rb") as stream:
        rows = populations.parse(path.name, stream, populations.profile_areas())
    return services.save_populations(None, rows)
