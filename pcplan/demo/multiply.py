"""The data in the database, copied so that every kind of record is N times as many (issue 17).

For the benchmark's "demo ×10" and the test that staff pages cost the same queries as the data
grows: both need more rows of every kind a page lists, with the links between them intact.

Every row of every pcplan table (history and many-to-many links included) is copied N - 1
times. A copy keeps the rows it points to, so a plan gets N times its deliverables, a
deliverable N times its updates and its audit history, a meeting N times its minutes. Where the
table allows only one such row (a unique key), the copy differs where it can without changing
what a value means elsewhere:
- a text key gets a suffix (`-x2`): `serious-violence` becomes `serious-violence-x2`;
- otherwise a number moves on by a thousand (minute 12 becomes 1012, agenda item 3 of the same
  meeting 1003), a year back by fifty (the precept of 1973);
- otherwise it points to the matching copy of a record the key names (an attendance of a copied
  member, an award of a copied application, a measure's observations on its copy);
- otherwise a date moves back by fifty years;
- a row none of these can make unique is not copied.

Rows are written with `bulk_create`: no signals, no audit rows of their own (the history rows
are copied as rows), nothing emailed. The public pages' version is moved on once at the end.

Not copied, with the reason: the office (there is one), the public pages' version (bookkeeping),
the police.uk aggregates and survey responses (read only through GROUP BY and the cached
figures; copying them would make the copy take minutes and measure the import's scale, not the
pages').
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction

from pcplan.core.pagecache import public_pages_changed

NOT_COPIED = frozenset(
    {
        "core.Office",
        "core.PublicVersion",
        "performance.PoliceMapPoint",
        "performance.PoliceMonthlyCrime",
        "performance.PoliceMonthlyOutcome",
        "performance.PoliceMonthlyStopSearch",
        "engagement.SurveyResponse",
        "demo.DemoSignIn",
    }
)
BATCH = 500
TEXT = (models.CharField, models.TextField)
NUMBER_STEP = 1000
YEARS_BACK = 50


@dataclass
class Multiplied:
    """How many rows each table had and has now, by model label."""

    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)


def pcplan_models() -> list[type[models.Model]]:
    """Every table pcplan owns (history and many-to-many link tables included), parents first."""
    chosen = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_config is not None
        and model._meta.app_config.name.startswith("pcplan.")
        and model._meta.label not in NOT_COPIED
        and not model._meta.proxy
        and model._meta.managed
    ]
    return _parents_first(chosen)


def _parents_first(chosen: list[type[models.Model]]) -> list[type[models.Model]]:
    """Tables in an order where every table comes after those it links to, so that a copy can
    point to a copy; a loop of links is broken at a link that may be empty."""
    by_label = {m._meta.label: m for m in chosen}
    links: dict[str, set[str]] = {}
    required: dict[str, set[str]] = {}
    for model in chosen:
        label = model._meta.label
        links[label], required[label] = set(), set()
        for f in model._meta.concrete_fields:
            target = f.related_model if f.is_relation else None
            if target is None or target is model or target._meta.label not in by_label:
                continue
            links[label].add(target._meta.label)
            if not f.null:
                required[label].add(target._meta.label)
    ordered: list[type[models.Model]] = []
    done: set[str] = set()
    while len(done) < len(by_label):
        left = sorted(label for label in by_label if label not in done)
        ready = [label for label in left if links[label] <= done]
        ready = ready or [label for label in left if required[label] <= done][:1] or left[:1]
        for label in ready:
            ordered.append(by_label[label])
            done.add(label)
    return ordered


def _unique_sets(model: type[models.Model]) -> list[tuple[list[models.Field], bool]]:
    """Each set of fields that must be unique together, and whether only under a condition."""
    meta = model._meta
    pk = meta.pk
    sets: list[tuple[list[models.Field], bool]] = [
        ([f], False) for f in meta.concrete_fields if f.unique and f is not pk
    ]
    for names in meta.unique_together:
        sets.append(([meta.get_field(name) for name in names], False))  # type: ignore[misc]
    for constraint in meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            fields = [meta.get_field(name) for name in constraint.fields]
            sets.append((fields, constraint.condition is not None))  # type: ignore[arg-type]
    return sets


def _suffixed(value: str, n: int, max_length: int | None) -> str:
    suffix = f"-x{n}"
    if max_length is not None:
        value = value[: max_length - len(suffix)]
    return value + suffix


def _years_back(value: dt.date, years: int) -> dt.date:
    try:
        return value.replace(year=value.year - years)
    except ValueError:  # 29 February
        return value.replace(year=value.year - years, day=28)


def _make_unique(
    model: type[models.Model],
    values: dict[str, object],
    n: int,
    copies: dict[str, dict[object, list[object]]],
) -> bool:
    """Change `values` (copy number n, from 1) so that no unique key repeats the original's.
    False when nothing can."""
    changed: set[str] = set()
    for fields, conditional in _unique_sets(model):
        if any(values[f.attname] is None for f in fields):
            continue  # NULLs never collide
        if conditional and any(values[f.attname] == "" for f in fields):
            continue  # an empty key is none given: pcplan's conditions leave those out
        if any(f.attname in changed for f in fields):
            continue
        done = False
        for f in fields:
            if isinstance(f, TEXT) and not f.choices and not f.is_relation and values[f.attname]:
                values[f.attname] = _suffixed(str(values[f.attname]), n + 1, f.max_length)
                done = True
                break
        if not done:
            for f in fields:
                if isinstance(f, models.IntegerField) and not f.is_relation and not f.choices:
                    number = int(values[f.attname])  # type: ignore[call-overload]
                    if "year" in f.name:  # a year must stay a year a date can hold
                        values[f.attname] = number - YEARS_BACK * n
                    else:
                        values[f.attname] = number + NUMBER_STEP * n
                    done = True
                    break
        if not done:
            for f in reversed(fields):
                if not f.is_relation:
                    continue
                target = f.related_model._meta.label  # type: ignore[union-attr]
                remapped = copies.get(target, {}).get(values[f.attname])
                if remapped and len(remapped) >= n:
                    values[f.attname] = remapped[n - 1]
                    done = True
                    break
        if not done:
            for f in fields:
                if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField):
                    values[f.attname] = _years_back(values[f.attname], YEARS_BACK * n)  # type: ignore[arg-type]
                    done = True
                    break
        if not done:
            return False
        changed.update(f.attname for f in fields)
    return True


def _copy_table(
    model: type[models.Model], factor: int, copies: dict[str, dict[object, list[object]]]
) -> None:
    meta = model._meta
    pk = meta.pk
    if pk is None:  # every concrete model has one; this tells the type checker
        return
    own: dict[object, list[object]] = defaultdict(list)
    originals = list(
        model._base_manager.order_by(pk.attname).values(*[f.attname for f in meta.concrete_fields])
    )
    for n in range(1, factor):
        batch: list[models.Model] = []
        sources: list[object] = []
        for original in originals:
            values = dict(original)
            old_pk = values.pop(pk.attname)
            if isinstance(pk, models.UUIDField):
                values[pk.attname] = uuid.uuid4()
            if not _make_unique(model, values, n, copies):
                continue
            batch.append(model(**values))
            sources.append(old_pk)
        for start in range(0, len(batch), BATCH):
            created = model._base_manager.bulk_create(batch[start : start + BATCH])
            for source, row in zip(sources[start : start + BATCH], created, strict=True):
                own[source].append(row.pk)
    copies[meta.label] = dict(own)


def multiply(factor: int, models_to_copy: Iterable[type[models.Model]] | None = None) -> Multiplied:
    """Copy every pcplan row `factor - 1` times (see the module's docstring), in one transaction."""
    if factor < 1:
        raise ValueError("factor must be at least 1")
    chosen = list(models_to_copy) if models_to_copy is not None else pcplan_models()
    result = Multiplied()
    copies: dict[str, dict[object, list[object]]] = {}
    with transaction.atomic():
        for model in chosen:
            result.before[model._meta.label] = model._base_manager.count()
            if factor > 1 and result.before[model._meta.label]:
                _copy_table(model, factor, copies)
            result.after[model._meta.label] = model._base_manager.count()
        public_pages_changed()
    return result
