"""Load the engagement demo from `demo_data/` (called from the demo's load_demo).

Survey responses go through the same importer as the staff pages (`surveys.apply`), so the
demo's synthetic files are checked exactly as an officer's upload would be.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from pcplan.core.audit import attributed_to
from pcplan.core.models import Organisation, User
from pcplan.core.publishing import set_published
from pcplan.delivery.models import Deliverable
from pcplan.engagement import surveys
from pcplan.engagement.models import (
    CommsObjective,
    CommsOutput,
    Concern,
    Consultation,
    Event,
    Finding,
)
from pcplan.plans.models import Plan, Theme
from pcplan.plans.yamlsource import load_yaml

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
DATA_FILE = DATA_DIR / "engagement.yaml"
REASON = "Loaded from the demo"


class DemoDataError(Exception):
    pass


def _day(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _required_day(value: Any) -> dt.date:
    day = _day(value)
    if day is None:
        raise DemoDataError(f"a date is missing: {value!r}")
    return day


def _read(path: Path) -> dict[str, Any]:
    source = load_yaml(path.read_text(encoding="utf-8"), path.name)
    if source.problems:
        raise DemoDataError("; ".join(str(p) for p in source.problems))
    data: dict[str, Any] = source.data
    return data


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _organisations(entries: list[dict[str, Any]], editor: User | None) -> dict[str, Organisation]:
    """Every organisation by key: those the plans and profile created, and the bodies the
    engagement data names that no plan does (created once, by key)."""
    for entry in entries:
        if not Organisation.objects.filter(key=entry["key"]).exists():
            body = Organisation(key=entry["key"], name=entry["name"], kind=entry["kind"])
            attributed_to(body, editor, REASON).save()
    return {o.key: o for o in Organisation.objects.all()}


@transaction.atomic
def load_engagement_demo(path: Path = DATA_FILE) -> None:
    if Consultation.objects.exists():
        return  # already loaded: the demo is loaded once per database
    data = _read(path)
    editor = User.objects.filter(username="editor").first()
    plan = Plan.objects.filter(key=data["plan"]).first()
    themes = {t.key: t for t in Theme.objects.filter(plan=plan)}
    themes_by_title = {t.title: t for t in themes.values()}
    areas = surveys.area_lookup()

    def area(name: Any) -> str:
        return areas.get(str(name or "").lower(), "")

    def publish(record: Any, wanted: Any) -> None:
        if wanted and editor is not None:
            set_published(editor, record, True)

    for entry in data["consultations"]:
        consultation = Consultation(
            key=entry["key"],
            title=entry["title"],
            purpose=entry["purpose"],
            topic=entry.get("topic") or "",
            plan=plan,
            opens_on=_required_day(entry["opens_on"]),
            closes_on=_day(entry.get("closes_on")),
            audience=entry.get("audience") or "",
            channels=entry.get("channels") or "",
            results=entry.get("results") or "",
        )
        attributed_to(consultation, editor, REASON).save()
        publish(consultation, entry.get("published"))
        responses = entry.get("responses")
        if responses:
            file = DATA_DIR / responses["file"]
            surveys.apply(editor, consultation, file.name, file.read_bytes(), responses["mapping"])
        for position, item in enumerate(entry.get("findings") or []):
            finding = Finding(
                consultation=consultation,
                area=area(item.get("area")),
                you_said=item["you_said"],
                we_did=item["we_did"],
                theme=themes.get(item.get("theme") or ""),
                position=position,
            )
            attributed_to(finding, editor, REASON).save()
            finding.deliverables.set(
                Deliverable.objects.filter(theme__plan=plan, key__in=item.get("deliverables") or [])
            )
            publish(finding, True)

    bodies = _organisations(data.get("organisations") or [], editor)
    for entry in data["events"]:
        event = Event(
            title=entry["title"],
            kind=entry["kind"],
            date=_required_day(entry["date"]),
            place=entry.get("place") or "",
            area=area(entry.get("area")),
            attended_by=entry.get("attended_by") or "",
            issues_raised=entry.get("issues_raised") or "",
            theme=themes.get(entry.get("theme") or ""),
        )
        attributed_to(event, editor, REASON).save()
        attended = entry.get("organisations") or []
        unknown = [key for key in attended if key not in bodies]
        if unknown:
            raise DemoDataError(
                f"event {entry['title']!r}: no organisation {', '.join(unknown)} "
                "(list it under organisations, or load the plans first)"
            )
        event.organisations.set([bodies[key] for key in attended])
        publish(event, entry.get("published"))
    bulk_create_with_history(
        [
            Event(
                title=row["Title"],
                kind=row["Kind"],
                date=_required_day(row["Date"]),
                place=row["Place"],
                area=area(row["Area"]),
            )
            for row in _csv_rows(DATA_DIR / data["events_file"])
        ],
        Event,
        default_user=editor,
        default_change_reason=REASON,
    )
    bulk_create_with_history(
        [
            CommsOutput(
                date=_required_day(row["Date"]),
                kind=row["Kind"],
                channel=row["Channel"],
                title=row["Title"],
                theme=themes_by_title.get(row["Theme"]),
            )
            for row in _csv_rows(DATA_DIR / data["output_file"])
        ],
        CommsOutput,
        default_user=editor,
        default_change_reason=REASON,
    )

    for entry in data["concerns"]:
        referred = entry.get("referred_to")
        concern = Concern(
            received_on=_required_day(entry["received_on"]),
            raised_by=entry["raised_by"],
            raiser_name=entry.get("raiser_name") or "",
            raiser_email=entry.get("raiser_email") or "",
            area=area(entry.get("area")),
            topic=entry["topic"],
            theme=themes.get(entry.get("theme") or ""),
            summary=entry["summary"],
            referred_to=Organisation.objects.filter(key=referred).first() if referred else None,
            actions=entry.get("actions") or "",
            response=entry.get("response") or "",
            responded_on=_day(entry.get("responded_on")),
            outcome=entry.get("outcome") or Concern.Outcome.OPEN,
            closed_on=_day(entry.get("closed_on")),
            public_example=entry.get("public_example") or "",
            example_is_published=bool(entry.get("example_is_published")),
        )
        attributed_to(concern, editor, REASON).save()

    for theme_key, texts in (data.get("objectives") or {}).items():
        for position, text in enumerate(texts):
            objective = CommsObjective(
                theme=themes[theme_key],
                text=text,
                period=data.get("objectives_period") or "",
                position=position,
            )
            attributed_to(objective, editor, REASON).save()
