"""The small "Measures" block shown beside the themes and deliverables a measure evidences."""

from __future__ import annotations

from typing import Any

from django import template

from pcplan.performance.models import Measure

register = template.Library()


@register.inclusion_tag("performance/_evidencing_measures.html")
def evidencing_measures(obj: Any, public: bool = True) -> dict[str, Any]:
    """Measures linked to a theme or deliverable; on public pages, public measures only."""
    measures = Measure.objects.filter(**{f"{obj._meta.model_name}s": obj})
    if public:
        measures = measures.public()
    return {"measures": list(measures), "public": public}
