"""The statement on the national crime and policing measures (SI 2011/3050 Schedule para 7A),
generated from the performance module's six national measures: each measure's baseline, latest
figure, change and judgement as the public dashboard computes them on the day, carried with
the words the office wrote last time (whether it applies locally, why, and the force's
contribution) for officers to bring up to date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_version
from pcplan.core.models import User
from pcplan.performance import figures
from pcplan.performance.models import Measure
from pcplan.performance.series import build_dashboard, loaded_forces
from pcplan.transparency import permissions
from pcplan.transparency.models import MeasureEntry, MeasuresStatement


def _check(user: User) -> None:
    if not permissions.can_keep_publications(user):
        raise PermissionDenied(gettext("Only OPCC editors and administrators keep these records."))


def _one_place(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.1"))


@transaction.atomic
def generate_statement(user: User, on: dt.date) -> MeasuresStatement:
    """A new, unpublished statement dated `on`, one entry per national measure."""
    _check(user)
    # The force the performance pages open on (performance.views._filter).
    forces = figures.choosable_forces(loaded_forces)
    force = forces[0][0] if forces else ""
    previous = MeasuresStatement.objects.first()
    earlier = {e.measure_key: e for e in previous.entries.all()} if previous else {}
    statement = attributed_to(
        MeasuresStatement(
            statement_date=on,
            force=force,
            introduction=previous.introduction if previous else "",
        ),
        user,
        "Generated",
    )
    statement.save()
    dashboard = build_dashboard(Measure.objects.filter(is_national=True), force=force)
    for position, series in enumerate(dashboard.series):
        measure = series.measure
        before = earlier.get(measure.key)
        attributed_to(
            MeasureEntry(
                statement=statement,
                position=position,
                measure_key=measure.key,
                measure_name=measure.name,
                unit=measure.unit,
                baseline_label=measure.baseline_label,
                baseline=series.baseline,
                current_label=series.current_label,
                current=series.current,
                change_percent=_one_place(series.change),
                judgement=series.judgement_label,
                applies_locally=before.applies_locally if before else True,
                why=before.why if before else "",
                contribution=before.contribution if before else "",
            ),
            user,
            "Generated",
        ).save()
    return statement


@transaction.atomic
def save_entry(user: User, entry: MeasureEntry, *, version: int | None = None) -> MeasureEntry:
    """Refused (StaleEdit) when the entry changed after the form was served at `version`."""
    _check(user)
    entry.full_clean()
    claim_version(entry, version)
    attributed_to(entry, user, "Edited").save()
    return entry
