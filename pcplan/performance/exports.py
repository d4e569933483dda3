"""Measures with their observations as a download (CSV or Excel, through pcplan.core.exports):
one row per observation, the measure's columns repeated, and one row with empty observation
cells for a measure with none (a measure derived from data.police.uk is computed, not stored;
its figures are on the dashboard and in each measure's own CSV)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pcplan.core.exports import Column, published_column
from pcplan.performance.models import Measure, Observation


@dataclass(frozen=True)
class Row:
    measure: Measure
    observation: Observation | None


def rows(measures: QuerySet[Measure], area: str | None = None) -> list[Row]:
    """Each measure's observations, oldest first (only `area`'s when given: "" is the whole
    force area), or one row of its own when it has none."""
    observations = Observation.objects.order_by("period_start", "area", "id")
    if area is not None:
        observations = observations.filter(area=area)
    found: list[Row] = []
    for measure in measures.prefetch_related(
        Prefetch("observations", queryset=observations, to_attr="listed")
    ):
        listed: list[Observation] = measure.listed
        found += [Row(measure, o) for o in listed] or [Row(measure, None)]
    return found


def columns(*, staff: bool) -> list[Column[Row]]:
    result: list[Column[Row]] = [
        Column(_("Measure"), lambda r: r.measure.name),
        Column(_("Slug"), lambda r: r.measure.key),
        Column(
            _("National measure"),
            lambda r: gettext("Yes") if r.measure.is_national else gettext("No"),
        ),
        Column(_("Unit"), lambda r: r.measure.unit),
        Column(_("Direction of improvement"), lambda r: r.measure.get_direction_display()),
        Column(_("Baseline period"), lambda r: r.measure.baseline_label),
        Column(_("Baseline"), lambda r: r.measure.baseline_value),
        Column(_("Target"), lambda r: r.measure.target_value),
        Column(_("Target note"), lambda r: r.measure.target_note),
        Column(
            _("Period"),
            lambda r: r.observation.get_granularity_display() if r.observation else None,
        ),
        Column(_("Period start"), lambda r: r.observation.period_start if r.observation else None),
        Column(
            _("Area"),
            lambda r: (
                (r.observation.area or gettext("Whole force area")) if r.observation else None
            ),
        ),
        Column(_("Value"), lambda r: r.observation.value if r.observation else None),
        Column(_("Note"), lambda r: r.observation.note if r.observation else None),
    ]
    if staff:
        result.append(published_column(lambda r: r.measure.is_public))
    return result
