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

from django.db import IntegrityError, models, transaction

from pcplan.core.audit import attributed_to
from pcplan.core.models import Organisation, User
from pcplan.core.periods import PeriodError, QuarterSpan
from pcplan.delivery.models import Deliverable, Task, Update
from pcplan.delivery.rules import Status
from pcplan.plans import lifecycle
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Plan, PlanStatusChange, PlanStatutoryElement, Priority, Theme
from pcplan.plans.statutory import StatutoryElement
from pcplan.plans.yamlsource import Path, Problem, Source, load_yaml

FORMAT = "pcplan-plan/1"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def summary(self) -> str:
        kinds = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        parts = [
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, "
            f"{self.unchanged[kind]} unchanged"
            for kind in kinds
        ]
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

    def text(self, parent: dict[str, Any], key: str, path: Path, *, required: bool) -> str:
        value = parent.get(key)
        if value is None:
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.source.problem((*path, key), f"expected text, found {_kind(value)}")
            return ""
        text = str(value).strip()
        if required and not text:
            self.source.problem((*path, key), "must not be empty")
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
        value = parent.get(key)
        if value is None:
            if required:
                self.source.problem(path, f"the required field '{key}' is missing")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
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
        if value is None:
            self.source.problem(path, f"the required field '{key}' is missing")
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


@dataclass
class PlanSpec:
    """A checked document, ready to write."""

    organisations: list[dict[str, Any]]
    plan: dict[str, Any]
    lifecycle: list[dict[str, Any]]
    statutory: dict[str, str]
    themes: list[dict[str, Any]]
    deliverables: list[dict[str, Any]]


def check(source: Source) -> PlanSpec | None:
    """Check the whole document, recording every problem; return the spec if there were none."""
    c = Checker(source)
    doc = source.data
    if source.problems:
        return None
    top = {"format", "organisations", "plan", "themes", "deliverables"}
    if not c.mapping(doc, (), top, {"format", "plan"}):
        return None
    if doc.get("format") != FORMAT:
        source.problem(("format",), f"expected '{FORMAT}', found {doc.get('format')!r}")

    organisations = _check_organisations(c, doc)
    known_orgs = {o["key"] for o in organisations} | set(
        Organisation.objects.values_list("key", flat=True)
    )
    plan, events, statutory = _check_plan(c, doc)
    themes = _check_themes(c, doc)
    deliverables = _check_deliverables(c, doc, {t["key"] for t in themes}, known_orgs)
    if source.problems:
        return None
    return PlanSpec(organisations, plan, events, statutory, themes, deliverables)


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
        result.append(
            {
                "key": key,
                "name": c.text(item, "name", path, required=True),
                "kind": c.choice(item, "kind", path, Organisation.Kind, Organisation.Kind.OTHER),
            }
        )
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
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, str]]:
    item: Any = doc.get("plan")
    path: Path = ("plan",)
    if not c.mapping(item, path, PLAN_FIELDS, {"key", "title"}):
        return {}, [], {}
    plan: dict[str, Any] = {
        "key": c.slug(item, "key", path),
        "title": c.text(item, "title", path, required=True),
        "area": c.text(item, "area", path, required=False),
        "commissioner": c.text(item, "commissioner", path, required=False),
        "summary": c.text(item, "summary", path, required=False),
        "elected_on": c.date(item, "elected_on", path, required=False),
        "starts_on": c.date(item, "starts_on", path, required=False),
        "ends_on": c.date(item, "ends_on", path, required=False),
    }
    if plan["starts_on"] and plan["ends_on"] and plan["starts_on"] > plan["ends_on"]:
        c.source.problem((*path, "ends_on"), "the plan must end after it starts")

    events: list[dict[str, Any]] = []
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
            c.source.problem((*epath, "date"), "each step must be dated on or after the one before")
        status = new or status
        previous_date = date or previous_date
        events.append(
            {"status": new, "date": date, "note": c.text(event, "note", epath, required=False)}
        )
    plan["status"] = events[-1]["status"] if events else PlanStatus.DRAFTING

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
        if not c.mapping(item, path, {"key", "title", "aim", "priorities"}, {"key", "title"}):
            continue
        key = c.slug(item, "key", path)
        if key in seen:
            c.source.problem((*path, "key"), f"the theme '{key}' is listed twice")
        seen.add(key)
        priorities = []
        for j, text in enumerate(c.items(item, "priorities", path)):
            if not isinstance(text, str) or not text.strip():
                c.source.problem((*path, "priorities", j), "expected the text of a priority")
            else:
                priorities.append(text.strip())
        result.append(
            {
                "key": key,
                "title": c.text(item, "title", path, required=True),
                "aim": c.text(item, "aim", path, required=False),
                "priorities": priorities,
            }
        )
    return result


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
            if partner not in organisations:
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
                f"only a completed deliverable has a completion date ({status})",
            )
        if added_on and completed_on and completed_on < added_on:
            c.source.problem((*path, "completed_on"), "completed before it was added")
        result.append(
            {
                "key": key,
                "theme": theme,
                "title": c.text(item, "title", path, required=True),
                "purpose": c.text(item, "purpose", path, required=False),
                "lead": lead,
                "partners": partners,
                "status": status,
                "target": target,
                "added_on": added_on,
                "completed_on": completed_on,
                "published": c.boolean(item, "published", path, False),
                "updates": _check_updates(c, item, path),
                "tasks": _check_tasks(c, item, path),
            }
        )
    return result


def _check_updates(c: Checker, item: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    updates = []
    for j, update in enumerate(c.items(item, "updates", path)):
        upath: Path = (*path, "updates", j)
        if not c.mapping(update, upath, {"date", "text", "published"}, {"date", "text"}):
            continue
        updates.append(
            {
                "date": c.date(update, "date", upath, required=True),
                "text": c.text(update, "text", upath, required=True),
                "published": c.boolean(update, "published", upath, False),
            }
        )
    return updates


def _check_tasks(c: Checker, item: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    tasks = []
    for j, task in enumerate(c.items(item, "tasks", path)):
        tpath: Path = (*path, "tasks", j)
        if not c.mapping(task, tpath, {"title", "done"}, {"title"}):
            continue
        tasks.append(
            {
                "title": c.text(task, "title", tpath, required=True),
                "done": c.boolean(task, "done", tpath, False),
            }
        )
    return tasks


# --- writing -------------------------------------------------------------------------------


class Writer:
    def __init__(self, result: ImportResult, user: User | None) -> None:
        self.result = result
        self.user = user

    def upsert(
        self,
        kind: str,
        model: type[models.Model],
        lookup: dict[str, Any],
        values: dict[str, Any],
    ) -> Any:
        """Create, or save only the fields that differ, so a re-import writes nothing."""
        instance = model._default_manager.filter(**lookup).first()
        if instance is None:
            instance = model(**lookup, **values)
            attributed_to(instance, self.user, "Imported").save()
            self.result.created[kind] += 1
            return instance
        changed = [name for name, value in values.items() if getattr(instance, name) != value]
        if changed:
            for name in changed:
                setattr(instance, name, values[name])
            attributed_to(instance, self.user, "Imported").save(update_fields=changed)
            self.result.updated[kind] += 1
        else:
            self.result.unchanged[kind] += 1
        return instance


def write(spec: PlanSpec, user: User | None) -> ImportResult:
    result = ImportResult(plan_key=spec.plan["key"])
    w = Writer(result, user)
    orgs = {
        o["key"]: w.upsert(
            "organisations", Organisation, {"key": o["key"]}, {"name": o["name"], "kind": o["kind"]}
        )
        for o in spec.organisations
    }
    for org in Organisation.objects.exclude(key__in=orgs):
        orgs[org.key] = org

    fields = {k: v for k, v in spec.plan.items() if k != "key"}
    plan: Plan = w.upsert("plans", Plan, {"key": spec.plan["key"]}, fields)
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
            "themes",
            Theme,
            {"plan": plan, "key": t["key"]},
            {"title": t["title"], "aim": t["aim"], "position": position},
        )
        themes[t["key"]] = theme
        for index, text in enumerate(t["priorities"], start=1):
            w.upsert("priorities", Priority, {"theme": theme, "position": index}, {"text": text})
        Priority.objects.filter(theme=theme, position__gt=len(t["priorities"])).delete()

    for d in spec.deliverables:
        _write_deliverable(w, plan, themes[d["theme"]], orgs, d)
    return result


def _write_lifecycle(w: Writer, plan: Plan, events: list[dict[str, Any]]) -> None:
    wanted = [(e["status"], e["date"], e["note"]) for e in events]
    existing = list(plan.status_changes.order_by("date", "id"))
    if [(e.status, e.date, e.note) for e in existing] == wanted:
        w.result.unchanged["lifecycle steps"] += len(wanted)
        return
    # The file states the plan's whole lifecycle: it replaces what was recorded.
    plan.status_changes.all().delete()
    for status, date, note in wanted:
        change = PlanStatusChange(
            plan=plan, status=status, date=date, note=note, recorded_by=w.user
        )
        attributed_to(change, w.user, "Imported").save()
        w.result.created["lifecycle steps"] += 1


def _write_deliverable(
    w: Writer, plan: Plan, theme: Theme, orgs: dict[str, Organisation], d: dict[str, Any]
) -> None:
    target: QuarterSpan | None = d["target"]
    values = {
        "theme": theme,
        "title": d["title"],
        "purpose": d["purpose"],
        "lead": orgs[d["lead"]] if d["lead"] else None,
        "status": d["status"],
        "target_start": target.start if target else None,
        "target_end": target.end if target else None,
        "added_on": d["added_on"],
        "completed_on": d["completed_on"],
        "is_published": d["published"],
    }
    # Keys are unique within a plan; a deliverable may have moved to another theme.
    existing = Deliverable.objects.filter(theme__plan=plan, key=d["key"]).first()
    if existing is None:
        deliverable = Deliverable(key=d["key"], **values)
        attributed_to(deliverable, w.user, "Imported").save()
        w.result.created["deliverables"] += 1
    else:
        deliverable = w.upsert("deliverables", Deliverable, {"pk": existing.pk}, values)
    partners = {orgs[k].pk for k in d["partners"]}
    if set(deliverable.partners.values_list("pk", flat=True)) != partners:
        attributed_to(deliverable, w.user, "Imported")
        deliverable.partners.set(partners)
    for u in d["updates"]:
        w.upsert(
            "updates",
            Update,
            {"deliverable": deliverable, "date": u["date"], "text": u["text"]},
            {"is_published": u["published"]},
        )
    for position, t in enumerate(d["tasks"], start=1):
        w.upsert(
            "tasks",
            Task,
            {"deliverable": deliverable, "title": t["title"]},
            {"done": t["done"], "position": position},
        )


def import_plan_text(text: str, file: str, user: User | None = None) -> ImportResult:
    source = load_yaml(text, file)
    spec = check(source)
    if spec is None:
        raise ImportRefused(source.problems)
    try:
        with transaction.atomic():
            return write(spec, user)
    except IntegrityError as exc:  # a rule the checks above missed: refuse, write nothing
        raise ImportRefused(
            [Problem(file, None, "", f"the database refused the import: {exc}")]
        ) from exc


def import_plan_file(path: FilePath, user: User | None = None) -> ImportResult:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportRefused([Problem(str(path), None, "", "no such file")]) from None
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            [Problem(str(path), None, "", f"not UTF-8 text ({exc.reason})")]
        ) from None
    except OSError as exc:
        raise ImportRefused(
            [Problem(str(path), None, "", f"cannot read it: {exc.strerror}")]
        ) from None
    return import_plan_text(text, str(path), user)
