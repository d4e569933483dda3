"""Every change to measures and observations goes through here: checked, atomic, audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_version
from pcplan.core.models import User
from pcplan.delivery.models import Deliverable
from pcplan.performance import permissions
from pcplan.performance.models import AreaPopulation, Measure, Observation, PublishedFigure
from pcplan.performance.populations import UploadedPopulation
from pcplan.performance.published import UploadedFigure
from pcplan.performance.uploads import UploadedObservation
from pcplan.plans.models import Theme


@transaction.atomic
def save_measure(
    user: User,
    measure: Measure,
    *,
    themes: Iterable[Theme] | None = None,
    deliverables: Iterable[Deliverable] | None = None,
    version: int | None = None,
) -> Measure:
    """Refused (StaleEdit) when `version`, the one the editor's form was served with, is no
    longer the measure's: someone else saved it in between."""
    if not permissions.can_edit_measures(user):
        raise PermissionDenied("Only OPCC editors define measures.")
    claim_version(measure, version, noun=gettext("measure"))
    if measure.derivation:
        measure.source = Measure.Source.POLICE_DATA
    elif measure.source == Measure.Source.POLICE_DATA:
        measure.source = Measure.Source.MANUAL
    creating = measure.pk is None
    attributed_to(measure, user, "Created" if creating else "Edited").save()
    if themes is not None:
        measure.themes.set(themes)
    if deliverables is not None:
        measure.deliverables.set(deliverables)
    return measure


def _record(
    user: User,
    measure: Measure,
    granularity: str,
    period_start: dt.date,
    value: Decimal,
    area: str,
    reason: str,
) -> Observation:
    observation = Observation.objects.filter(
        measure=measure, granularity=granularity, period_start=period_start, area=area
    ).first() or Observation(
        measure=measure, granularity=granularity, period_start=period_start, area=area
    )
    observation.value = value
    observation.recorded_by = user
    attributed_to(observation, user, reason).save()
    return observation


@transaction.atomic
def record_observation(
    user: User,
    measure: Measure,
    *,
    granularity: str,
    period_start: dt.date,
    value: Decimal,
    area: str = "",
) -> Observation:
    """Add an observation, or correct the one already held for that period and area."""
    if not permissions.can_record_observations(user):
        raise PermissionDenied("You may not record performance data.")
    if measure.is_derived:
        raise PermissionDenied("This measure is derived from police data; it is not entered.")
    return _record(user, measure, granularity, period_start, value, area, "Observation recorded")


@transaction.atomic
def upload_observations(
    user: User, measure: Measure, rows: list[UploadedObservation]
) -> list[Observation]:
    """Save every checked row of an upload, or none (uploads.parse has checked them all)."""
    if not permissions.can_record_observations(user):
        raise PermissionDenied("You may not record performance data.")
    if measure.is_derived:
        raise PermissionDenied("This measure is derived from police data; it is not uploaded.")
    if measure.source != Measure.Source.UPLOAD:
        measure.source = Measure.Source.UPLOAD
        attributed_to(measure, user, "Observations uploaded").save(update_fields=["source"])
    return [
        _record(user, measure, r.granularity, r.period_start, r.value, r.area, "Uploaded")
        for r in rows
    ]


@transaction.atomic
def record_published_figure(
    user: User, measure: Measure, figure: UploadedFigure
) -> PublishedFigure:
    """Add a published figure, or correct the one held for that period and area. A figure
    marked as the baseline replaces any other baseline of the measure for that area."""
    if not permissions.can_edit_measures(user):
        raise PermissionDenied("Only OPCC editors record baselines and published figures.")
    record = PublishedFigure.objects.filter(
        measure=measure,
        area=figure.area,
        period_start=figure.period_start,
        period_end=figure.period_end,
    ).first() or PublishedFigure(
        measure=measure,
        area=figure.area,
        period_start=figure.period_start,
        period_end=figure.period_end,
    )
    if figure.is_baseline:
        others = PublishedFigure.objects.filter(measure=measure, area=figure.area, is_baseline=True)
        for other in others.exclude(pk=record.pk):
            other.is_baseline = False
            attributed_to(other, user, "No longer the baseline").save()
    for name in (
        "period_label",
        "value",
        "source",
        "source_date",
        "source_url",
        "is_baseline",
        "note",
    ):
        setattr(record, name, getattr(figure, name))
    record.recorded_by = user
    attributed_to(record, user, "Published figure recorded").save()
    return record


@transaction.atomic
def import_published_figures(
    user: User, measure: Measure, figures: list[UploadedFigure]
) -> list[PublishedFigure]:
    """Save every checked row (published.parse has checked them all), or none."""
    return [record_published_figure(user, measure, f) for f in figures]


@transaction.atomic
def import_populations(user: User, rows: list[UploadedPopulation]) -> list[AreaPopulation]:
    """Save every checked row (populations.parse has checked them all), or none; a row for an
    area and group already held replaces it, so the same file twice changes nothing."""
    if not permissions.can_edit_measures(user):
        raise PermissionDenied("Only OPCC editors record populations.")
    return save_populations(user, rows)


def save_populations(user: User | None, rows: list[UploadedPopulation]) -> list[AreaPopulation]:
    """The write behind import_populations, for callers that checked who may (the demo)."""
    saved = []
    for r in rows:
        record = AreaPopulation.objects.filter(
            area=r.area, group=r.group
        ).first() or AreaPopulation(area=r.area, group=r.group)
        changed = (record.population, record.source, record.year) != (
            r.population,
            r.source,
            r.year,
        )
        if record.pk is None or changed:
            record.population, record.source, record.year = r.population, r.source, r.year
            attributed_to(record, user, "Population imported").save()
        saved.append(record)
    return saved
