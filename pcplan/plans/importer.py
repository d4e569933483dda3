"""`pcplan import-plan FILE`: load a plan, its themes and its Delivery Plan from a YAML file.

The format is documented in docs/import-format.md. The import is all or nothing: the whole
file is checked first and every problem reported with its file, line, path and what was
expected; only a clean file is written, inside one transaction. Importing the same file again
changes nothing (records are matched by their keys and saved only when a value differs).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

from django.db import DataError, IntegrityError, models, transaction
from django.utils import timezone

from pcplan.core.audit import attributed_to
from pcplan.core.models import Organisation, User
from pcplan.core.periods import PeriodError, QuarterSpan
from pcplan.core.publishing import Publishable
from pcplan.delivery.models import Deliverable, Task, Update
from pcplan.delivery.rules import Risk, Status, find_cycle
from pcplan.lib.text import xml_safe
from pcplan.performance.models import Measure
from pcplan.plans import lifecycle
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import (
    Commitment,
    Plan,
    PlanStatusChange,
    PlanStatutoryElement,
    Priority,
    Theme,
)
from pcplan.plans.statutory import StatutoryElement
from pcplan.plans.yamlsource import Path, Problem, Source, load_yaml

FORMAT = "pcplan-plan/1"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ImportRefused(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class ImportResult:
    plan_key: str
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def summary(self) -> str:
        kinds = sorted(
            set(self.created) | set(self.updated) | set(self.unchanged) | set(self.deleted)
        )
        parts = []
        for kind in kinds:
            line = (
                f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, "
                f"{self.unchanged[kind]} unchanged"
            )
            parts.append(line + (f", {self.deleted[kind]} replaced" if self.deleted[kind] else ""))
        return "\n".join(parts)


# --- checking ------------------------------------------------------------------------------


class Checker:
    """Typed reads of fields from the document; each bad value becomes a Problem."""

    def __init__(self, source: Source) -> None:
        self.source = source

    def mapping(self, value: Any, path: Path, allowed: set[str], required: set[str]) -> bool:
        if not isinstance(value, dict):
            self.source.problem(path, f"expected a mapping of fields, found {_kind(value)}")
            return False
        for key in value:
            if key not in allowed:
                expected = ", ".join(sorted(allowed))
                self.source.problem((*path, key), f"unknown field; expected one of: {expected}")
        for key in sorted(required - set(value)):
            self.source.problem(path, f"the required field '{key}' is missing")
        return True

    def items(self, parent: dict[str, Any], key: str, path: Path) -> list[Any]:
        value = parent.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.source.problem((*path, key), f"expected a list, found {_kind(value)}")
            return []
        return value

    def text(
        self,
        parent: dict[str, Any],
        key: str,
        path: Path,
        *,
        required: bool,
        max_length: int | None = None,
    ) -> str:
        value = parent.get(key)
        if value is None:
            if required and key in parent:  # a missing key is reported by mapping()
                self.source.problem((*path, key), "must not be empty")
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.source.problem((*path, key), f"expected text, found {_kind(value)}")
            return ""
        # As the forms store text: nothing XML cannot hold (pcplan.lib.text.xml_safe).
        text = xml_safe(str(value)).strip()
        if required and not text:
            self.source.problem((*path, key), "must not be empty")
        if max_length is not None and len(text) > max_length:
            self.source.problem(
                (*path, key), f"is {len(text)} characters long; at most {max_length} are allowed"
            )
        return text

    def slug(self, parent: dict[str, Any], key: str, path: Path) -> str:
        value = self.text(parent, key, path, required=True)
        if value and not SLUG.match(value):
            self.source.problem(
                (*path, key),
                f"'{value}' is not a key: expected lower-case letters, digits and hyphens",
            )
        if len(value) > 80:
            self.source.problem((*path, key), "a key is at most 80 characters")
        return value

    def date(
        self, parent: dict[str, Any], key: str, path: Path, *, required: bool
    ) -> dt.date | None:
        """A date; a missing required key is reported once, by mapping()."""
        value = parent.get(key)
        if value is None:
            if required and key in parent:
                self.source.problem((*path, key), "must not be empty: expected YYYY-MM-DD")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and ISO_DATE.match(value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.source.problem((*path, key), f"{value!r} is not a date: expected YYYY-MM-DD")
        return None

    def choice(
        self,
        parent: dict[str, Any],
        key: str,
        path: Path,
        choices: type[models.TextChoices],
        default: str | None = None,
    ) -> str:
        value = parent.get(key, default)
        if value is None:  # a missing required key is reported by mapping()
            if key in parent:
                self.source.problem(
                    (*path, key), f"must not be empty: expected one of {', '.join(choices.values)}"
                )
            return ""
        if value not in choices.values:
            expected = ", ".join(choices.values)
            self.source.problem(
                (*path, key), f"{value!r} is not allowed: expected one of {expected}"
            )
            return ""
        return str(value)

    def boolean(self, parent: dict[str, Any], key: str, path: Path, default: bool) -> bool:
        value = parent.get(key, default)
        if not isinstance(value, bool):
            self.source.problem((*path, key), f"expected true or false, found {value!r}")
            return default
        return value


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def given(item: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """Keep only the optional fields the file states: what a file leaves out is left alone."""
    return {name: value for name, value in values.items() if name in item}


@dataclass
class PlanSpec:
    """A checked document, ready to write. None means "the file does not say": leave alone."""

    organisations: list[dict[str, Any]]
    plan: dict[str, Any]
    lifecycle: list[dict[str, Any]] | None
    statutory: dict[str, str]
    themes: list[dict[str, Any]]
    deliverables: list[dict[str, Any]]
    pledges: list[dict[str, Any]] | None = None


def check(source: Source, known_organisations: frozenset[str] = frozenset()) -> PlanSpec | None:
    """Check the whole document, recording every problem; return the spec if there were none."""
    c = Checker(source)
    doc = source.data
    if doc is None:  # not YAML at all: nothing more can be checked
        return None
    top = {"format", "organisations", "plan", "themes", "deliverables", "pledges"}
    if not c.mapping(doc, (), top, {"format", "plan"}):
        return None
    if "format" in doc and doc["format"] != FORMAT:
        source.problem(("format",), f"expected '{FORMAT}', found {doc.get('format')!r}")

    organisations = _check_organisations(c, doc)
    known_orgs = (
        {o["key"] for o in organisations}
        | known_organisations
        | set(Organisation.objects.values_list("key", flat=True))
    )
    plan, events, statutory = _check_plan(c, doc)
    themes = _check_themes(c, doc)
    deliverables = _check_deliverables(c, doc, {t["key"] for t in themes}, known_orgs)
    _check_dependencies(c, deliverables)
    pledges = (
        _check_commitments(c, doc, "pledges", (), themes={t["key"] for t in themes})
        if "pledges" in doc
        else None
    )
    _check_commitment_links(c, themes, pledges, {d["key"] for d in deliverables})
    if source.problems:
        return None
    return PlanSpec(organisations, plan, events, statutory, themes, deliverables, pledges)


def _check_organisations(c: Checker, doc: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, item in enumerate(c.items(doc, "organisations", ())):
        path: Path = ("organisations", i)
        if not c.mapping(item, path, {"key", "name", "kind"}, {"key", "name"}):
            continue
        key = c.slug(item, "key", path)
        if key in seen:
            c.source.problem((*path, "key"), f"the organisation '{key}' is listed twice")
        seen.add(key)
        values = {"name": c.text(item, "name", path, required=True, max_length=200)}
        values |= given(item, {"kind": c.choice(item, "kind", path, Organisation.Kind, "other")})
        result.append({"key": key, "values": values})
    return result


PLAN_FIELDS = {
    "key",
    "title",
    "area",
    "commissioner",
    "summary",
    "elected_on",
    "starts_on",
    "ends_on",
    "lifecycle",
    "statutory_elements",
}


def _check_plan(
    c: Checker, doc: dict[str, Any]
) -> tuple[dict[str, Any], list[dict[str, Any]] | None, dict[str, str]]:
    item: Any = doc.get("plan")
    path: Path = ("plan",)
    if not c.mapping(item, path, PLAN_FIELDS, {"key", "title", "area"}):
        return {}, None, {}
    values: dict[str, Any] = {
        "title": c.text(item, "title", path, required=True, max_length=200),
        "area": c.text(item, "area", path, required=True, max_length=200),
    }
    values |= given(
        item,
        {
            "commissioner": c.text(item, "commissioner", path, required=False, max_length=200),
            "summary": c.text(item, "summary", path, required=False),
            "elected_on": c.date(item, "elected_on", path, required=False),
            "starts_on": c.date(item, "starts_on", path, required=False),
            "ends_on": c.date(item, "ends_on", path, required=False),
        },
    )
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and starts > ends:
        c.source.problem((*path, "ends_on"), "the plan must not end before it starts")
    plan = {"key": c.slug(item, "key", path), "values": values}

    events: list[dict[str, Any]] | None = None
    if "lifecycle" in item:
        events = []
        status: str = PlanStatus.DRAFTING
        previous_date: dt.date | None = None
        for i, event in enumerate(c.items(item, "lifecycle", path)):
            epath: Path = (*path, "lifecycle", i)
            if not c.mapping(event, epath, {"status", "date", "note"}, {"status", "date"}):
                continue
            new = c.choice(event, "status", epath, PlanStatus)
            date = c.date(event, "date", epath, required=True)
            if new and i == 0 and new != PlanStatus.DRAFTING:
                c.source.problem((*epath, "status"), "the lifecycle starts with 'drafting'")
            elif new and i > 0:
                try:
                    lifecycle.check_transition(status, new)
                except lifecycle.LifecycleError as exc:
                    c.source.problem((*epath, "status"), str(exc))
            if date and previous_date and date < previous_date:
                c.source.problem(
                    (*epath, "date"), "each step must be dated on or after the one before"
                )
            status = new or status
            previous_date = date or previous_date
            note = c.text(event, "note", epath, required=False)
            events.append({"status": new, "date": date, "note": note})

    statutory: dict[str, str] = {}
    raw: Any = item.get("statutory_elements") or {}
    spath: Path = (*path, "statutory_elements")
    if c.mapping(raw, spath, set(StatutoryElement.values), set()):
        for key in raw:
            if key in StatutoryElement.values:
                statutory[key] = c.text(raw, key, spath, required=True)
    return plan, events, statutory


def _check_themes(c: Checker, doc: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, item in enumerate(c.items(doc, "themes", ())):
        path: Path = ("themes", i)
        allowed = {"key", "title", "aim", "priorities", "key_objectives", "shared_outcomes"}
        if not c.mapping(item, path, allowed, {"key", "title"}):
            continue
        key = c.slug(item, "key", path)
        if key in seen:
            c.source.problem((*path, "key"), f"the theme '{key}' is listed twice")
        seen.add(key)
        priorities: list[str] | None = None
        if "priorities" in item:
            priorities = []
            for j, text in enumerate(c.items(item, "priorities", path)):
                if not isinstance(text, str) or not text.strip():
                    c.source.problem((*path, "priorities", j), "expected the text of a priority")
                else:
                    priorities.append(text.strip())
        values = {"title": c.text(item, "title", path, required=True, max_length=200)}
        values |= given(item, {"aim": c.text(item, "aim", path, required=False)})
        result.append(
            {
                "key": key,
                "values": values,
                "priorities": priorities,
                Commitment.Kind.KEY_OBJECTIVE: _check_commitments(c, item, "key_objectives", path)
                if "key_objectives" in item
                else None,
                Commitment.Kind.SHARED_OUTCOME: _check_commitments(c, item, "shared_outcomes", path)
                if "shared_outcomes" in item
                else None,
            }
        )
    return result


def _check_commitments(
    c: Checker, parent: dict[str, Any], key: str, path: Path, *, themes: set[str] | None = None
) -> list[dict[str, Any]]:
    """Key objectives, shared outcomes or pledges: each the text alone, or a mapping with the
    text and the deliverables and measures it links to (and, for a pledge, its theme)."""
    result = []
    allowed = {"text", "deliverables", "measures"} | ({"theme"} if themes is not None else set())
    for j, raw in enumerate(c.items(parent, key, path)):
        cpath: Path = (*path, key, j)
        item = {"text": raw} if isinstance(raw, str) else raw
        if not c.mapping(item, cpath, allowed, {"text"}):
            continue
        text = c.text(item, "text", cpath, required=True)
        links: dict[str, list[str]] = {}
        for field_name in ("deliverables", "measures"):
            keys = []
            for k, other in enumerate(c.items(item, field_name, cpath)):
                if not isinstance(other, str) or not other.strip():
                    c.source.problem((*cpath, field_name, k), "expected a key")
                else:
                    keys.append(other.strip())
            links[field_name] = keys
        theme = c.text(item, "theme", cpath, required=False) or None
        if themes is not None and theme and theme not in themes:
            c.source.problem((*cpath, "theme"), f"unknown theme '{theme}'")
        result.append({"text": text, "theme": theme, "path": cpath, **links})
    return result


def _check_commitment_links(
    c: Checker,
    themes: list[dict[str, Any]],
    pledges: list[dict[str, Any]] | None,
    deliverables: set[str],
) -> None:
    """Each linked deliverable is one of the file's; each measure is already in pcplan."""
    measures = set(Measure.objects.values_list("key", flat=True))
    every = [*(pledges or [])]
    for t in themes:
        for kind in (Commitment.Kind.KEY_OBJECTIVE, Commitment.Kind.SHARED_OUTCOME):
            every += t[kind] or []
    for item in every:
        for k, key in enumerate(item["deliverables"]):
            if key not in deliverables:
                c.source.problem(
                    (*item["path"], "deliverables", k), f"unknown deliverable '{key}' in this file"
                )
        for k, key in enumerate(item["measures"]):
            if key not in measures:
                c.source.problem(
                    (*item["path"], "measures", k),
                    f"unknown measure '{key}': load the measures before the plan",
                )


DELIVERABLE_FIELDS = {
    "key",
    "theme",
    "title",
    "purpose",
    "lead",
    "partners",
    "status",
    "target",
    "added_on",
    "completed_on",
    "published",
    "updates",
    "tasks",
    "depends_on",
    "risk",
}


def _check_deliverables(
    c: Checker, doc: dict[str, Any], themes: set[str], organisations: set[str]
) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, item in enumerate(c.items(doc, "deliverables", ())):
        path: Path = ("deliverables", i)
        required = {"key", "theme", "title", "status", "added_on"}
        if not c.mapping(item, path, DELIVERABLE_FIELDS, required):
            continue
        key = c.slug(item, "key", path)
        if key in seen:
            c.source.problem((*path, "key"), f"the deliverable '{key}' is listed twice")
        seen.add(key)
        theme = c.text(item, "theme", path, required=True)
        if theme and theme not in themes:
            known = ", ".join(sorted(themes)) or "none"
            c.source.problem(
                (*path, "theme"), f"unknown theme '{theme}'; the file's themes: {known}"
            )
        lead = c.text(item, "lead", path, required=False) or None
        if lead and lead not in organisations:
            c.source.problem((*path, "lead"), f"unknown organisation '{lead}'")
        partners = []
        for j, partner in enumerate(c.items(item, "partners", path)):
            if not isinstance(partner, str):
                c.source.problem((*path, "partners", j), "expected an organisation key")
            elif partner not in organisations:
                c.source.problem((*path, "partners", j), f"unknown organisation '{partner}'")
            else:
                partners.append(partner)
        status = c.choice(item, "status", path, Status)
        target = None
        raw_target = item.get("target")
        if raw_target is not None:
            try:
                target = QuarterSpan.parse(str(raw_target))
            except PeriodError as exc:
                c.source.problem((*path, "target"), str(exc))
        added_on = c.date(item, "added_on", path, required=True)
        completed_on = c.date(item, "completed_on", path, required=False)
        if status == Status.COMPLETED and completed_on is None:
            c.source.problem(path, "a completed deliverable needs 'completed_on'")
        if status and status != Status.COMPLETED and completed_on is not None:
            c.source.problem(
                (*path, "completed_on"),
                f"only a completed deliverable has a completion date (this one is {status})",
            )
        if added_on and completed_on and completed_on < added_on:
            c.source.problem((*path, "completed_on"), "completed before it was added")
        values: dict[str, Any] = {
            "title": c.text(item, "title", path, required=True, max_length=300),
            "status": status,
            "added_on": added_on,
            # The completion date follows the status, which every entry states.
            "completed_on": completed_on,
        }
        values |= given(
            item,
            {
                "purpose": c.text(item, "purpose", path, required=False),
                "lead": lead,
                "published": c.boolean(item, "published", path, False),
            },
        )
        if "target" in item:
            values["target_start"] = target.start if target else None
            values["target_end"] = target.end if target else None
        if "risk" in item:
            values["risk"] = c.choice(item, "risk", path, Risk) if item["risk"] else ""
        depends_on: list[str] = []
        for j, other in enumerate(c.items(item, "depends_on", path)):
            if not isinstance(other, str) or not other.strip():
                c.source.problem((*path, "depends_on", j), "expected a deliverable key")
            else:
                depends_on.append(other.strip())
        result.append(
            {
                "key": key,
                "theme": theme,
                "values": values,
                "path": path,
                "depends_on": depends_on if "depends_on" in item else None,
                "partners": partners if "partners" in item else None,
                "updates": _check_updates(c, item, path),
                "tasks": _check_tasks(c, item, path),
            }
        )
    return result


def _check_dependencies(c: Checker, deliverables: list[dict[str, Any]]) -> None:
    """Each dependency names a deliverable of the file, and they do not go round in a circle
    (delivery.rules.find_cycle, the same rule as the deliverable form's)."""
    keys = {d["key"] for d in deliverables}
    edges: dict[str, list[str]] = {}
    for d in deliverables:
        if d["depends_on"] is None:
            continue
        for j, other in enumerate(d["depends_on"]):
            if other not in keys:
                c.source.problem(
                    (*d["path"], "depends_on", j), f"unknown deliverable '{other}' in this file"
                )
            elif other == d["key"]:
                c.source.problem(
                    (*d["path"], "depends_on", j), "a deliverable cannot depend on itself"
                )
        edges[d["key"]] = [k for k in d["depends_on"] if k in keys and k != d["key"]]
    cycle = find_cycle(edges)
    if cycle:
        first = next(d for d in deliverables if d["key"] == cycle[0])
        c.source.problem(
            (*first["path"], "depends_on"),
            "dependencies cannot go round in a circle: " + " → ".join(cycle),
        )


def _check_updates(c: Checker, item: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    updates = []
    seen: set[tuple[Any, str]] = set()
    for j, update in enumerate(c.items(item, "updates", path)):
        upath: Path = (*path, "updates", j)
        if not c.mapping(update, upath, {"date", "text", "published"}, {"date", "text"}):
            continue
        date = c.date(update, "date", upath, required=True)
        text = c.text(update, "text", upath, required=True)
        if (date, text) in seen:
            c.source.problem(upath, "the same update (date and text) is listed twice")
        seen.add((date, text))
        values = given(update, {"published": c.boolean(update, "published", upath, False)})
        updates.append({"date": date, "text": text, "values": values})
    return updates


def _check_tasks(c: Checker, item: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    tasks = []
    seen: set[str] = set()
    for j, task in enumerate(c.items(item, "tasks", path)):
        tpath: Path = (*path, "tasks", j)
        if not c.mapping(task, tpath, {"title", "done"}, {"title"}):
            continue
        title = c.text(task, "title", tpath, required=True, max_length=300)
        if title in seen:
            c.source.problem((*tpath, "title"), f"the task '{title}' is listed twice")
        seen.add(title)
        values = given(task, {"done": c.boolean(task, "done", tpath, False)})
        tasks.append({"title": title, "values": values})
    return tasks


# --- writing -------------------------------------------------------------------------------

# Field names in the file that differ from the model's.
RENAMED = {"published": "is_published"}


class Writer:
    def __init__(self, result: ImportResult, user: User | None) -> None:
        self.result = result
        self.user = user
        self.today = timezone.localdate()

    def upsert(
        self,
        kind: str,
        model: type[models.Model],
        lookup: dict[str, Any],
        values: dict[str, Any],
        defaults: dict[str, Any] | None = None,
    ) -> Any:
        """Create, or save only the fields that differ, so a re-import writes nothing.

        Publication and completion follow the same rules as in the app: the stamps as
        `set_published` sets them, the completion date as `delivery.services` keeps it.
        """
        values = {RENAMED.get(name, name): value for name, value in values.items()}
        published: bool | None = values.pop("is_published", None)
        instance = model._default_manager.filter(**lookup).first()
        if instance is None:
            fields = {**(defaults or {}), **values}
            instance = model(**{k: v for k, v in lookup.items() if "__" not in k}, **fields)
            if published is not None and isinstance(instance, Publishable):
                instance.stamp_publication(published, self.user)
            self._follow_rules(instance)
            attributed_to(instance, self.user, "Imported").save()
            self.result.created[kind] += 1
            return instance
        changed = [name for name, value in values.items() if getattr(instance, name) != value]
        for name in changed:
            setattr(instance, name, values[name])
        if published is not None and isinstance(instance, Publishable):
            changed += instance.stamp_publication(published, self.user)
        changed += self._follow_rules(instance)
        if changed:
            attributed_to(instance, self.user, "Imported").save(update_fields=set(changed))
            self.result.updated[kind] += 1
        else:
            self.result.unchanged[kind] += 1
        return instance

    def _follow_rules(self, instance: models.Model) -> list[str]:
        """The fields a rule of the app changed on `instance`."""
        if isinstance(instance, Deliverable):
            before = instance.completed_on
            instance.keep_completion_date(self.today)
            return ["completed_on"] if instance.completed_on != before else []
        return []


def write(spec: PlanSpec, user: User | None) -> ImportResult:
    w = Writer(ImportResult(plan_key=spec.plan["key"]), user)
    for o in spec.organisations:
        w.upsert("organisations", Organisation, {"key": o["key"]}, o["values"])
    orgs = {org.key: org for org in Organisation.objects.all()}

    plan: Plan = w.upsert("plans", Plan, {"key": spec.plan["key"]}, spec.plan["values"])
    if spec.lifecycle is not None:
        _write_lifecycle(w, plan, spec.lifecycle)
    for element, text in spec.statutory.items():
        w.upsert(
            "statutory elements",
            PlanStatutoryElement,
            {"plan": plan, "element": element},
            {"text": text},
        )

    themes: dict[str, Theme] = {}
    for position, t in enumerate(spec.themes, start=1):
        theme = w.upsert(
            "themes", Theme, {"plan": plan, "key": t["key"]}, {**t["values"], "position": position}
        )
        themes[t["key"]] = theme
        if t["priorities"] is not None:
            _write_priorities(w, theme, t["priorities"])

    for d in spec.deliverables:
        _write_deliverable(w, plan, themes[d["theme"]], orgs, d)
    _write_dependencies(w, plan, spec.deliverables)
    for t in spec.themes:
        for kind in (Commitment.Kind.KEY_OBJECTIVE, Commitment.Kind.SHARED_OUTCOME):
            if t[kind] is not None:
                _write_commitments(w, plan, kind, t[kind], themes, theme=themes[t["key"]])
    if spec.pledges is not None:
        _write_commitments(w, plan, Commitment.Kind.PLEDGE, spec.pledges, themes, theme=None)
    return w.result


def _write_commitments(
    w: Writer,
    plan: Plan,
    kind: str,
    items: list[dict[str, Any]],
    themes: dict[str, Theme],
    *,
    theme: Theme | None,
) -> None:
    """Matched by position, as priorities are; the file's links replace those recorded."""
    deliverables = {d.key: d.pk for d in Deliverable.objects.for_plan(plan)}
    measures = dict(Measure.objects.values_list("key", "pk"))
    for position, item in enumerate(items, start=1):
        owner = theme if theme is not None else (themes[item["theme"]] if item["theme"] else None)
        commitment: Commitment = w.upsert(
            KINDS_IN_RESULT[kind],
            Commitment,
            {"plan": plan, "kind": kind, "theme": theme, "position": position}
            if theme is not None
            else {"plan": plan, "kind": kind, "position": position},
            {"text": item["text"], "theme": owner} if theme is None else {"text": item["text"]},
        )
        for field_name, known in (("deliverables", deliverables), ("measures", measures)):
            wanted = {known[k] for k in item[field_name]}
            related = getattr(commitment, field_name)
            if set(related.values_list("pk", flat=True)) != wanted:
                attributed_to(commitment, w.user, "Imported")
                related.set(wanted)
                w.result.updated[f"{KINDS_IN_RESULT[kind]} links"] += 1
    extra = Commitment.objects.filter(plan=plan, kind=kind, position__gt=len(items))
    if theme is not None:
        extra = extra.filter(theme=theme)
    for commitment in extra:
        attributed_to(commitment, w.user, "Imported").delete()
        w.result.deleted[KINDS_IN_RESULT[kind]] += 1


KINDS_IN_RESULT: dict[str, str] = {
    Commitment.Kind.KEY_OBJECTIVE: "key objectives",
    Commitment.Kind.SHARED_OUTCOME: "shared outcomes",
    Commitment.Kind.PLEDGE: "pledges",
}


def _write_dependencies(w: Writer, plan: Plan, deliverables: list[dict[str, Any]]) -> None:
    by_key = {d.key: d for d in Deliverable.objects.for_plan(plan)}
    for d in deliverables:
        if d["depends_on"] is None:
            continue
        deliverable = by_key[d["key"]]
        wanted = {by_key[k].pk for k in d["depends_on"]}
        if set(deliverable.depends_on.values_list("pk", flat=True)) != wanted:
            attributed_to(deliverable, w.user, "Imported")
            deliverable.depends_on.set(wanted)
            w.result.updated["deliverable dependencies"] += 1


def _write_lifecycle(w: Writer, plan: Plan, events: list[dict[str, Any]]) -> None:
    """The file's lifecycle extends the recorded one; if the two disagree, the file wins."""
    wanted = [(e["status"], e["date"], e["note"]) for e in events]
    recorded = [(c.status, c.date, c.note) for c in plan.status_changes.order_by("date", "id")]
    if wanted[: len(recorded)] == recorded or recorded[: len(wanted)] == wanted:
        # The same steps, or one side has moved further along: keep every recorded step.
        new_steps = wanted[len(recorded) :]
        w.result.unchanged["lifecycle steps"] += min(len(wanted), len(recorded))
    else:
        w.result.deleted["lifecycle steps"] += len(recorded)
        plan.status_changes.all().delete()
        new_steps = wanted
    for status, date, note in new_steps:
        change = PlanStatusChange(
            plan=plan, status=status, date=date, note=note, recorded_by=w.user
        )
        attributed_to(change, w.user, "Imported").save()
        w.result.created["lifecycle steps"] += 1
    last = plan.status_changes.order_by("-date", "-id").first()
    status = last.status if last else PlanStatus.DRAFTING
    if plan.status != status:
        plan.status = status
        attributed_to(plan, w.user, "Imported").save(update_fields=["status"])


def _write_priorities(w: Writer, theme: Theme, priorities: list[str]) -> None:
    for index, text in enumerate(priorities, start=1):
        w.upsert("priorities", Priority, {"theme": theme, "position": index}, {"text": text})
    extra = Priority.objects.filter(theme=theme, position__gt=len(priorities))
    for priority in extra:
        attributed_to(priority, w.user, "Imported").delete()
        w.result.deleted["priorities"] += 1


def _write_deliverable(
    w: Writer, plan: Plan, theme: Theme, orgs: dict[str, Organisation], d: dict[str, Any]
) -> None:
    values = {**d["values"], "theme": theme}
    if "lead" in values:
        values["lead"] = orgs[values["lead"]] if values["lead"] else None
    # Keys are unique within a plan; a deliverable may have moved to another theme.
    existing = Deliverable.objects.filter(theme__plan=plan, key=d["key"]).first()
    lookup = {"pk": existing.pk} if existing else {"theme__plan": plan, "key": d["key"]}
    deliverable: Deliverable = w.upsert("deliverables", Deliverable, lookup, values)
    if d["partners"] is not None:
        partners = {orgs[k].pk for k in d["partners"]}
        if set(deliverable.partners.values_list("pk", flat=True)) != partners:
            attributed_to(deliverable, w.user, "Imported")
            deliverable.partners.set(partners)
            w.result.updated["deliverable partners"] += 1
    for u in d["updates"]:
        w.upsert(
            "updates",
            Update,
            {"deliverable": deliverable, "date": u["date"], "text": u["text"]},
            u["values"],
        )
    for position, t in enumerate(d["tasks"], start=1):
        w.upsert(
            "tasks",
            Task,
            {"deliverable": deliverable, "title": t["title"]},
            {**t["values"], "position": position},
        )


def _load(path: FilePath) -> Source:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        problem = "no such file"
    except UnicodeDecodeError as exc:
        problem = f"not UTF-8 text ({exc.reason})"
    except OSError as exc:
        problem = f"cannot read it: {exc.strerror}"
    else:
        return load_yaml(text, str(path))
    source = Source(file=str(path))
    source.problems.append(Problem(str(path), None, "", problem))
    return source


def import_sources(sources: list[Source], user: User | None = None) -> list[ImportResult]:
    """Check every file, then write them all in one transaction: all of them, or none."""
    specs: list[PlanSpec] = []
    problems: list[Problem] = []
    known: set[str] = set()
    for source in sources:
        spec = check(source, frozenset(known))
        problems += source.problems
        if spec is not None:
            specs.append(spec)
            known |= {o["key"] for o in spec.organisations}
    if problems:
        raise ImportRefused(problems)
    try:
        with transaction.atomic():
            return [write(spec, user) for spec in specs]
    except (IntegrityError, DataError) as exc:  # a rule the checks missed: refuse, write nothing
        files = ", ".join(s.file for s in sources)
        raise ImportRefused(
            [Problem(files, None, "", f"the database refused the import: {exc}")]
        ) from exc


def import_plan_text(text: str, file: str, user: User | None = None) -> ImportResult:
    return import_sources([load_yaml(text, file)], user)[0]


def import_plan_file(path: FilePath, user: User | None = None) -> ImportResult:
    return import_sources([_load(path)], user)[0]


def import_plan_files(paths: list[FilePath], user: User | None = None) -> list[ImportResult]:
    return import_sources([_load(path) for path in paths], user)
