"""A plan written out in the plan import format (docs/import-format.md), so that importing the
file back changes nothing: the format is a round trip, not only a way in.

Everything the format holds is written, published or not: the file is for staff, like the
database it comes from. Proposals awaiting an editor's decision are not part of the format.
"""

from __future__ import annotations

from typing import Any

import yaml
from django.db.models import Prefetch

from pcplan.core.models import Organisation
from pcplan.delivery.models import Deliverable
from pcplan.plans.importer import FORMAT
from pcplan.plans.models import Commitment, Plan


def _commitment(commitment: Commitment, *, with_theme: bool) -> dict[str, Any]:
    item: dict[str, Any] = {"text": commitment.text}
    if with_theme and commitment.theme is not None:
        item["theme"] = commitment.theme.key
    item["deliverables"] = sorted(d.key for d in commitment.deliverables.all())
    item["measures"] = sorted(m.key for m in commitment.measures.all())
    return item


def plan_document(plan: Plan) -> dict[str, Any]:
    """The plan as the import format's data (ready for YAML)."""
    deliverables = list(
        Deliverable.objects.for_plan(plan)
        .select_related("theme", "lead")
        .prefetch_related("partners", "depends_on", "tasks", "updates")
        .order_by("theme__position", "id")
    )
    org_ids = {d.lead_id for d in deliverables if d.lead_id}
    org_ids |= {p.pk for d in deliverables for p in d.partners.all()}
    organisations = [
        {"key": o.key, "name": o.name, "kind": o.kind}
        for o in Organisation.objects.filter(pk__in=org_ids).order_by("key")
    ]
    commitments = list(
        Commitment.objects.filter(plan=plan)
        .select_related("theme")
        .prefetch_related("deliverables", "measures")
        .order_by("position", "id")
    )
    plan_data: dict[str, Any] = {"key": plan.key, "title": plan.title, "area": plan.area}
    for name in ("commissioner", "summary", "elected_on", "starts_on", "ends_on"):
        value = getattr(plan, name)
        if value not in ("", None):
            plan_data[name] = value
    plan_data["lifecycle"] = [
        {"status": c.status, "date": c.date, **({"note": c.note} if c.note else {})}
        for c in plan.status_changes.order_by("date", "id")
    ]
    statutory = {e.element: e.text for e in plan.statutory_elements.order_by("element")}
    if statutory:
        plan_data["statutory_elements"] = statutory
    themes = []
    for theme in plan.themes.prefetch_related(Prefetch("priorities")).order_by("position", "id"):
        item: dict[str, Any] = {"key": theme.key, "title": theme.title}
        if theme.aim:
            item["aim"] = theme.aim
        item["priorities"] = [p.text for p in theme.priorities.all()]
        for kind, field in (
            (Commitment.Kind.KEY_OBJECTIVE, "key_objectives"),
            (Commitment.Kind.SHARED_OUTCOME, "shared_outcomes"),
        ):
            item[field] = [
                _commitment(c, with_theme=False)
                for c in commitments
                if c.kind == kind and c.theme_id == theme.pk
            ]
        themes.append(item)
    document: dict[str, Any] = {
        "format": FORMAT,
        "organisations": organisations,
        "plan": plan_data,
        "themes": themes,
        "deliverables": [_deliverable(d) for d in deliverables],
        "pledges": [
            _commitment(c, with_theme=True) for c in commitments if c.kind == Commitment.Kind.PLEDGE
        ],
    }
    return document


def _deliverable(d: Deliverable) -> dict[str, Any]:
    item: dict[str, Any] = {"key": d.key, "theme": d.theme.key, "title": d.title}
    if d.purpose:
        item["purpose"] = d.purpose
    item["lead"] = d.lead.key if d.lead else None
    item["partners"] = sorted(p.key for p in d.partners.all())
    item["status"] = d.status
    item["target"] = str(d.target) if d.target else None
    item["added_on"] = d.added_on
    if d.completed_on:
        item["completed_on"] = d.completed_on
    item["published"] = d.is_published
    item["risk"] = d.risk
    item["depends_on"] = sorted(other.key for other in d.depends_on.all())
    item["updates"] = [
        {"date": u.date, "text": u.text, "published": u.is_published}
        for u in sorted(d.updates.all(), key=lambda u: (u.date, u.pk))
    ]
    item["tasks"] = [
        {"title": t.title, "done": t.done}
        for t in sorted(d.tasks.all(), key=lambda t: (t.position, t.pk))
    ]
    return item


def export_plan(plan: Plan) -> str:
    """The plan as YAML in the plan import format."""
    return yaml.safe_dump(
        plan_document(plan),
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
