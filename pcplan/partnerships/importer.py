"""`pcplan import-partnerships FILE`: bodies, members, statutory roles and CSP duties from YAML.

The format is documented in docs/partnerships-format.md. The whole file is checked first and
every problem reported with its file, line, path and what was expected; only a clean file is
written, in one transaction. Records are matched by their keys (bodies), organisations (roles)
or dates (members, documents, scrutinies), so importing the same file again adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path as FilePath
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_version
from pcplan.core.models import CommunitySafetyPartnership, Organisation, User
from pcplan.delivery.models import Deliverable
from pcplan.grants.models import Award
from pcplan.lib.text import xml_safe
from pcplan.panel.models import AgendaItem, Meeting, MinuteItem, last_minute_number_used
from pcplan.panel.rules import next_minute_number
from pcplan.partnerships.models import (
    PROBLEM_SOLVING_BODY_KINDS,
    Body,
    BodyKind,
    BodyPriority,
    CspDocument,
    FundedPost,
    LocalIssue,
    Membership,
    MembershipRole,
    PartnerOrganisation,
    Scrutiny,
    StatutoryRole,
)
from pcplan.performance.models import Measure
from pcplan.plans.importer import Checker, ImportRefused
from pcplan.plans.models import Theme
from pcplan.plans.yamlsource import Path, Problem, Source, load_yaml

FORMAT = "pcplan-partnerships/1"
REASON = "Imported from a partnerships file"
PRIORITY_TITLE_LENGTH = BodyPriority._meta.get_field("title").max_length or 200

BODY_FIELDS = {
    "key",
    "name",
    "kind",
    "parent",
    "purpose",
    "terms_of_reference",
    "meets_in_public",
    "published",
    "csp",
    "priorities",
    "themes",
    "deliverables",
    "measures",
    "members",
    "documents",
    "scrutinies",
    "meetings",
}
MEETING_FIELDS = {
    "date",
    "time",
    "venue",
    "title",
    "status",
    "minutes_published",
    "agenda",
    "minutes",
}


@dataclass
class PartnershipsImport:
    created: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(self.created)

    def summary(self) -> str:
        kinds = sorted(set(self.created) | set(self.unchanged))
        return "\n".join(
            f"{kind}: {self.created[kind]} created or changed, {self.unchanged[kind]} unchanged"
            for kind in kinds
        )


def read_source(path: FilePath) -> Source:
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


class _Check(Checker):
    """The plan importer's typed reads, plus the references this format makes."""

    def __init__(self, source: Source) -> None:
        super().__init__(source)
        self.organisation_keys = set(Organisation.objects.values_list("key", flat=True))
        self.csp_names = set(CommunitySafetyPartnership.objects.values_list("name", flat=True))

    def organisation(self, parent: dict[str, Any], key: str, path: Path, *, required: bool) -> str:
        value = self.text(parent, key, path, required=required)
        if value and value not in self.organisation_keys:
            self.source.problem(
                (*path, key),
                f"no organisation has the key '{value}': give one from a plan file or from "
                "this file's 'organisations'",
            )
        return value

    def text_list(
        self, parent: dict[str, Any], key: str, path: Path, *, max_length: int | None = None
    ) -> list[str]:
        """Lines of text, each read as `text` reads one (XML-safe, trimmed, `max_length`)."""
        result = []
        for index, item in enumerate(self.items(parent, key, path)):
            if not isinstance(item, str) or not xml_safe(item).strip():
                self.source.problem((*path, key, index), "expected a line of text")
                continue
            text = xml_safe(item).strip()
            if max_length is not None and len(text) > max_length:
                self.source.problem(
                    (*path, key, index),
                    f"is {len(text)} characters long; at most {max_length} are allowed",
                )
            result.append(text)
        return result


def check(source: Source) -> dict[str, Any] | None:
    """The file's content, checked; None (with problems on `source`) when it is refused."""
    data = source.data
    if source.problems:
        return None
    c = _Check(source)
    allowed = {"format", "organisations", "bodies", "local_issues", "funded_posts"}
    if not c.mapping(data, (), allowed, {"format"}):
        return None
    if data.get("format") != FORMAT:
        source.problem(("format",), f"expected '{FORMAT}', found {data.get('format')!r}")
        return None
    organisations = _check_organisations(c, data)
    bodies = _check_bodies(c, data)
    kinds = {b["key"]: b["kind"] for b in bodies}
    kinds.update({k: v for k, v in Body.objects.values_list("key", "kind") if k not in kinds})
    local_issues = _check_local_issues(c, data, kinds)
    funded_posts = _check_funded_posts(c, data, kinds)
    if source.problems:
        return None
    return {
        "organisations": organisations,
        "bodies": bodies,
        "local_issues": local_issues,
        "funded_posts": funded_posts,
    }


def _check_organisations(c: _Check, data: dict[str, Any]) -> list[dict[str, Any]]:
    result = []
    seen: set[str] = set()
    for index, item in enumerate(c.items(data, "organisations", ())):
        path: Path = ("organisations", index)
        allowed = {"key", "name", "kind", "roles", "email"}
        if not c.mapping(item, path, allowed, {"key"}):
            continue
        key = c.slug(item, "key", path)
        if key in seen:
            c.source.problem((*path, "key"), f"the organisation '{key}' is given twice")
        seen.add(key)
        name = c.text(item, "name", path, required=False, max_length=200)
        kind = c.choice(item, "kind", path, Organisation.Kind, default=Organisation.Kind.OTHER)
        if key and key not in c.organisation_keys:
            if not name:
                c.source.problem(
                    path, f"'{key}' is a new organisation: give its 'name' (and 'kind')"
                )
            c.organisation_keys.add(key)
        roles = []
        for r, role in enumerate(c.items(item, "roles", path)):
            if role not in StatutoryRole.values:
                expected = ", ".join(StatutoryRole.values)
                c.source.problem(
                    (*path, "roles", r), f"{role!r} is not allowed: expected one of {expected}"
                )
            roles.append(role)
        email = c.text(item, "email", path, required=False, max_length=254)
        if email and "@" not in email:
            c.source.problem((*path, "email"), f"{email!r} is not an email address")
        result.append({"key": key, "name": name, "kind": kind, "roles": roles, "email": email})
    return result


def _check_bodies(c: _Check, data: dict[str, Any]) -> list[dict[str, Any]]:
    result = []
    keys = set(Body.objects.values_list("key", flat=True))
    in_file: set[str] = set()
    items = c.items(data, "bodies", ())
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("key"), str):
            keys.add(item["key"])
    for index, item in enumerate(items):
        path: Path = ("bodies", index)
        if not c.mapping(item, path, BODY_FIELDS, {"key", "name", "kind"}):
            continue
        key = c.slug(item, "key", path)
        if key in in_file:
            c.source.problem((*path, "key"), f"the body '{key}' is given twice")
        in_file.add(key)
        parent = c.text(item, "parent", path, required=False)
        if parent and parent not in keys:
            c.source.problem((*path, "parent"), f"no body has the key '{parent}'")
        csp = c.text(item, "csp", path, required=False)
        if csp and csp not in c.csp_names:
            c.source.problem(
                (*path, "csp"),
                f"the office profile has no Community Safety Partnership named '{csp}'",
            )
        result.append(
            {
                "key": key,
                "name": c.text(item, "name", path, required=True, max_length=200),
                "kind": c.choice(item, "kind", path, BodyKind),
                "parent": parent,
                "purpose": c.text(item, "purpose", path, required=False),
                "terms_of_reference": c.text(item, "terms_of_reference", path, required=False),
                "meetings_public": c.boolean(item, "meets_in_public", path, False),
                "published": c.boolean(item, "published", path, True),
                "csp": csp,
                "priorities": c.text_list(
                    item, "priorities", path, max_length=PRIORITY_TITLE_LENGTH
                ),
                "themes": _check_themes(c, item, path),
                "deliverables": _check_deliverables(c, item, path),
                "measures": _check_measures(c, item, path),
                "members": _check_members(c, item, path),
                "documents": _check_documents(c, item, path),
                "scrutinies": _check_scrutinies(c, item, path),
                "meetings": _check_meetings(c, item, path),
            }
        )
    _check_no_loops(c, items)
    return result


def _check_no_loops(c: _Check, items: list[Any]) -> None:
    parents: dict[str, Any] = dict(
        Body.objects.filter(parent__isnull=False).values_list("key", "parent__key")
    )
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("key"), str):
            parents[item["key"]] = item.get("parent")
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("key"), str):
            continue
        seen = {item["key"]}
        key = parents.get(item["key"])
        while key:
            if key in seen:
                c.source.problem(
                    ("bodies", index, "parent"),
                    "the parents go round in a loop; a body cannot be inside itself",
                )
                break
            seen.add(key)
            key = parents.get(key)


def _check_themes(c: _Check, item: dict[str, Any], path: Path) -> list[Theme]:
    themes = []
    for index, ref in enumerate(c.items(item, "themes", path)):
        plan_key, _, theme_key = str(ref).partition("/")
        theme = Theme.objects.filter(plan__key=plan_key, key=theme_key).first()
        if theme is None:
            c.source.problem(
                (*path, "themes", index),
                f"no theme '{ref}': expected plan-key/theme-key of an imported plan",
            )
            continue
        themes.append(theme)
    return themes


def _check_deliverables(c: _Check, item: dict[str, Any], path: Path) -> list[Deliverable]:
    deliverables = []
    for index, ref in enumerate(c.items(item, "deliverables", path)):
        plan_key, _, key = str(ref).partition("/")
        deliverable = Deliverable.objects.filter(theme__plan__key=plan_key, key=key).first()
        if deliverable is None:
            c.source.problem(
                (*path, "deliverables", index),
                f"no deliverable '{ref}': expected plan-key/deliverable-key of an imported plan",
            )
            continue
        deliverables.append(deliverable)
    return deliverables


def _check_measures(c: _Check, item: dict[str, Any], path: Path) -> list[Measure]:
    measures = []
    for index, key in enumerate(c.items(item, "measures", path)):
        measure = Measure.objects.filter(key=str(key)).first()
        if measure is None:
            c.source.problem((*path, "measures", index), f"no measure has the key '{key}'")
            continue
        measures.append(measure)
    return measures


def _check_members(c: _Check, item: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    members = []
    for index, member in enumerate(c.items(item, "members", path)):
        where: Path = (*path, "members", index)
        allowed = {"person", "organisation", "role", "from", "until"}
        if not c.mapping(member, where, allowed, {"from"}):
            continue
        person = c.text(member, "person", where, required=False, max_length=200)
        organisation = c.organisation(member, "organisation", where, required=False)
        if not person and not organisation:
            c.source.problem(where, "give the member's 'person', 'organisation' or both")
        starts_on = c.date(member, "from", where, required=True)
        ends_on = c.date(member, "until", where, required=False)
        if starts_on and ends_on and ends_on < starts_on:
            c.source.problem((*where, "until"), "ends before it starts")
        role = c.choice(member, "role", where, MembershipRole, default=MembershipRole.MEMBER)
        members.append(
            {
                "person": person,
                "organisation": organisation,
                "role": role,
                "starts_on": starts_on,
                "ends_on": ends_on,
            }
        )
    return members


def _check_documents(c: _Check, item: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    documents = []
    for index, doc in enumerate(c.items(item, "documents", path)):
        where: Path = (*path, "documents", index)
        allowed = {"kind", "title", "dated", "url", "priorities"}
        if not c.mapping(doc, where, allowed, {"kind", "title", "dated"}):
            continue
        documents.append(
            {
                "kind": c.choice(doc, "kind", where, CspDocument.Kind),
                "title": c.text(doc, "title", where, required=True, max_length=200),
                "dated": c.date(doc, "dated", where, required=True),
                "url": c.text(doc, "url", where, required=False, max_length=200),
                "priorities": "\n".join(c.text_list(doc, "priorities", where)),
            }
        )
    return documents


def _check_scrutinies(c: _Check, item: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    scrutinies = []
    for index, entry in enumerate(c.items(item, "scrutinies", path)):
        where: Path = (*path, "scrutinies", index)
        if not c.mapping(entry, where, {"committee", "held_on", "notes"}, {"committee", "held_on"}):
            continue
        scrutinies.append(
            {
                "committee": c.text(entry, "committee", where, required=True, max_length=200),
                "held_on": c.date(entry, "held_on", where, required=True),
                "notes": c.text(entry, "notes", where, required=False),
            }
        )
    return scrutinies


def _check_meetings(c: _Check, item: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    """A body's meetings, each with its agenda and minutes (issue 11: the meetings engine)."""
    meetings = []
    dates: set[dt.date] = set()
    for index, entry in enumerate(c.items(item, "meetings", path)):
        where: Path = (*path, "meetings", index)
        if not c.mapping(entry, where, MEETING_FIELDS, {"date", "status"}):
            continue
        day = c.date(entry, "date", where, required=True)
        if day in dates:
            c.source.problem((*where, "date"), "the body has another meeting on this date")
        if day:
            dates.add(day)
        time = c.text(entry, "time", where, required=False)
        starts = None
        if time:
            try:
                starts = dt.time.fromisoformat(time)
            except ValueError:
                c.source.problem((*where, "time"), f"{time!r} is not a time: expected HH:MM")
        meetings.append(
            {
                "date": day,
                "time": starts,
                "venue": c.text(entry, "venue", where, required=False, max_length=300),
                "title": c.text(entry, "title", where, required=False, max_length=200),
                "status": c.choice(entry, "status", where, Meeting.Status),
                "minutes_published": c.boolean(entry, "minutes_published", where, False),
                "agenda": _check_agenda(c, entry, where),
                "minutes": _check_minutes(c, entry, where),
            }
        )
    return meetings


def _check_agenda(c: _Check, entry: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    """Agenda items; one without a `number` takes the next after the item before it."""
    items = []
    number = 0
    for index, item in enumerate(c.items(entry, "agenda", path)):
        where: Path = (*path, "agenda", index)
        if not c.mapping(item, where, {"number", "title", "presenting_body"}, {"title"}):
            continue
        given = item.get("number", number + 1)
        if not isinstance(given, int) or isinstance(given, bool) or not 0 < given < 1000:
            c.source.problem((*where, "number"), f"expected a whole number 1-999, found {given!r}")
            continue
        if given <= number:
            c.source.problem((*where, "number"), "agenda items are numbered in increasing order")
        number = given
        items.append(
            {
                "number": given,
                "title": c.text(item, "title", where, required=True, max_length=300),
                "presenting_body": c.text(
                    item, "presenting_body", where, required=False, max_length=120
                ),
            }
        )
    return items


def _check_minutes(c: _Check, entry: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    """Minutes in order; each takes the body's next minute number when first imported."""
    minutes = []
    titles: set[str] = set()
    for index, minute in enumerate(c.items(entry, "minutes", path)):
        where: Path = (*path, "minutes", index)
        allowed = {"title", "text", "resolution", "resolution_text"}
        if not c.mapping(minute, where, allowed, {"title"}):
            continue
        title = c.text(minute, "title", where, required=True, max_length=300)
        if title in titles:
            c.source.problem((*where, "title"), "the meeting has another minute with this title")
        titles.add(title)
        minutes.append(
            {
                "title": title,
                "text": c.text(minute, "text", where, required=False),
                "resolution": c.choice(
                    minute, "resolution", where, MinuteItem.Resolution, default=""
                ),
                "resolution_text": c.text(minute, "resolution_text", where, required=False),
            }
        )
    return minutes


def _problem_solving_records(
    c: _Check,
    data: dict[str, Any],
    key: str,
    fields: set[str],
    kinds: dict[str, str],
) -> Iterator[tuple[Path, dict[str, Any], str, str]]:
    """Each checked entry of `key` (local issues or funded posts) with its path, its body's key
    (a CSP or Problem Solving Group, or "" when the source does not say) and its title, which
    is unique within the body: entries are matched on import by body and title."""
    seen: set[tuple[str, str]] = set()
    for index, item in enumerate(c.items(data, key, ())):
        path: Path = (key, index)
        if not c.mapping(
            item, path, {"body", "title", *fields}, {"title"} | (fields & REQUIRED_FIELDS)
        ):
            continue
        body = c.text(item, "body", path, required=False)
        if body and body not in kinds:
            c.source.problem((*path, "body"), f"no body has the key '{body}'")
        elif body and kinds[body] not in PROBLEM_SOLVING_BODY_KINDS:
            c.source.problem((*path, "body"), f"'{body}' is not a CSP or a Problem Solving Group")
        title = c.text(item, "title", path, required=True, max_length=200)
        if (body, title) in seen:
            c.source.problem((*path, "title"), "the same body has another entry with this title")
        seen.add((body, title))
        yield path, item, body, title


REQUIRED_FIELDS = {"funded_until"}  # of the fields below, those an entry must give
LOCAL_ISSUE_FIELDS = {"description", "status", "taken_on", "closed_on"}
FUNDED_POST_FIELDS = {"host", "funded_from", "funded_until", "amount", "award", "notes"}


def _check_local_issues(
    c: _Check, data: dict[str, Any], kinds: dict[str, str]
) -> list[dict[str, Any]]:
    issues = []
    for path, item, body, title in _problem_solving_records(
        c, data, "local_issues", LOCAL_ISSUE_FIELDS, kinds
    ):
        status = c.choice(item, "status", path, LocalIssue.Status, default=LocalIssue.Status.OPEN)
        opened_on = c.date(item, "taken_on", path, required=False)
        closed_on = c.date(item, "closed_on", path, required=False)
        if status != LocalIssue.Status.OPEN and closed_on is None:
            c.source.problem(path, "a resolved or closed issue needs its 'closed_on' date")
        if opened_on and closed_on and closed_on < opened_on:
            c.source.problem((*path, "closed_on"), "closes before it was taken on")
        issues.append(
            {
                "body": body,
                "title": title,
                "description": c.text(item, "description", path, required=False),
                "status": status,
                "opened_on": opened_on,
                "closed_on": closed_on if status != LocalIssue.Status.OPEN else None,
            }
        )
    return issues


def _check_funded_posts(
    c: _Check, data: dict[str, Any], kinds: dict[str, str]
) -> list[dict[str, Any]]:
    posts = []
    awards = set(Award.objects.values_list("reference", flat=True))
    for path, item, body, title in _problem_solving_records(
        c, data, "funded_posts", FUNDED_POST_FIELDS, kinds
    ):
        funded_from = c.date(item, "funded_from", path, required=False)
        funded_until = c.date(item, "funded_until", path, required=True)
        if funded_from and funded_until and funded_until < funded_from:
            c.source.problem((*path, "funded_until"), "ends before it starts")
        award = c.text(item, "award", path, required=False)
        if award and award not in awards:
            c.source.problem((*path, "award"), f"no grant award has the reference '{award}'")
        posts.append(
            {
                "body": body,
                "title": title,
                "host": c.organisation(item, "host", path, required=False),
                "funded_from": funded_from,
                "funded_until": funded_until,
                "amount": _amount(c, item, path),
                "award": award,
                "notes": c.text(item, "notes", path, required=False),
            }
        )
    return posts


def _amount(c: _Check, item: dict[str, Any], path: Path) -> Decimal | None:
    value = item.get("amount")
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        amount = Decimal(-1)
    # copy_abs and comparison never round: 1e400000000 cannot overflow before it is refused.
    if not amount.is_finite() or amount < 0 or amount.copy_abs() >= Decimal(10) ** 20:
        c.source.problem((*path, "amount"), f"expected an amount in pounds, found {value!r}")
        return None
    try:  # the validators the form's field runs (the column's digits and decimal places)
        FundedPost._meta.get_field("amount").run_validators(amount)
    except ValidationError as exc:
        c.source.problem((*path, "amount"), " ".join(exc.messages))
        return None
    return amount


# --- writing -------------------------------------------------------------------------------


def import_partnerships_file(path: FilePath, user: User | None = None) -> PartnershipsImport:
    source = read_source(path)
    spec = check(source)
    if spec is None:
        raise ImportRefused(source.problems)
    with transaction.atomic():
        return _write(spec, user)


def _save_if_changed(
    obj: Any, values: dict[str, Any], user: User | None, kind: str, result: PartnershipsImport
) -> None:
    changed = obj.pk is None or any(getattr(obj, name) != value for name, value in values.items())
    if not changed:
        result.unchanged[kind] += 1
        return
    for name, value in values.items():
        setattr(obj, name, value)
    attributed_to(obj, user, REASON).save()
    result.created[kind] += 1


def _write(spec: dict[str, Any], user: User | None) -> PartnershipsImport:
    result = PartnershipsImport()
    for entry in spec["organisations"]:
        # Organisations the plan files define are theirs to name; only new ones are made here.
        organisation = Organisation.objects.filter(key=entry["key"]).first()
        if organisation is None:
            organisation = Organisation(key=entry["key"])
            values = {"name": entry["name"], "kind": entry["kind"]}
            _save_if_changed(organisation, values, user, "organisations", result)
        partner = PartnerOrganisation.objects.filter(organisation=organisation).first()
        partner = partner or PartnerOrganisation(organisation=organisation)
        roles = set(entry["roles"])
        values = {
            "responsible_authority": StatutoryRole.RESPONSIBLE_AUTHORITY in roles,
            "criminal_justice_agency": StatutoryRole.CRIMINAL_JUSTICE_AGENCY in roles,
            "chief_constable": StatutoryRole.CHIEF_CONSTABLE in roles,
            "email": entry["email"],
        }
        _save_if_changed(partner, values, user, "statutory roles", result)
    csps = {csp.name: csp for csp in CommunitySafetyPartnership.objects.all()}
    bodies: dict[str, Body] = {}
    for position, entry in enumerate(spec["bodies"]):
        body = Body.objects.filter(key=entry["key"]).first() or Body(key=entry["key"])
        values = {
            "name": entry["name"],
            "kind": entry["kind"],
            "purpose": entry["purpose"],
            "terms_of_reference": entry["terms_of_reference"],
            "meetings_public": entry["meetings_public"],
            "csp": csps.get(entry["csp"]),
            "position": position,
        }
        _save_if_changed(body, values, user, "bodies", result)
        changed = body.stamp_publication(entry["published"], user)
        if changed:
            attributed_to(body, user, REASON).save(update_fields=changed)
        bodies[entry["key"]] = body
    for entry in spec["bodies"]:
        body = bodies[entry["key"]]
        parent = bodies.get(entry["parent"]) or Body.objects.filter(key=entry["parent"]).first()
        _save_if_changed(body, {"parent": parent}, user, "body places", result)
        _write_children(body, entry, user, result)
        _write_meetings(body, entry["meetings"], user, result)
    _write_problem_solving(spec, user, result)
    return result


def _write_meetings(
    body: Body, meetings: list[dict[str, Any]], user: User | None, result: PartnershipsImport
) -> None:
    """A body's meetings, matched by date; agenda items by number; minutes by title, each new
    one taking the body's next minute number (`last_minute_number_used`)."""
    for entry in meetings:
        meeting = Meeting.objects.filter(body=body, date=entry["date"]).first()
        meeting = meeting or Meeting(body=body, date=entry["date"])
        values = {
            "venue": entry["venue"],
            "title": entry["title"],
            "status": entry["status"],
            "minutes_published": entry["minutes_published"],
        }
        if entry["time"] is not None:
            values["time"] = entry["time"]
        if meeting.pk and any(getattr(meeting, k) != v for k, v in values.items()):
            # A meeting form opened before the import must not save the old values back.
            claim_version(meeting, None, noun="meeting")
        _save_if_changed(meeting, values, user, "meetings", result)
        for item in entry["agenda"]:
            agenda_item = AgendaItem.objects.filter(
                meeting=meeting, number=item["number"]
            ).first() or AgendaItem(meeting=meeting, number=item["number"])
            values = {"title": item["title"], "presenting_body": item["presenting_body"]}
            _save_if_changed(agenda_item, values, user, "agenda items", result)
        for minute_entry in entry["minutes"]:
            minute = MinuteItem.objects.filter(meeting=meeting, title=minute_entry["title"]).first()
            if minute is None:
                minute = MinuteItem(
                    meeting=meeting,
                    title=minute_entry["title"],
                    number=next_minute_number(last_minute_number_used(body)),
                )
            values = {
                "text": minute_entry["text"],
                "resolution": minute_entry["resolution"],
                "resolution_text": minute_entry["resolution_text"],
            }
            _save_if_changed(minute, values, user, "minutes", result)


def _write_problem_solving(
    spec: dict[str, Any], user: User | None, result: PartnershipsImport
) -> None:
    bodies = {b.key: b for b in Body.objects.all()}
    for entry in spec["local_issues"]:
        body = bodies.get(entry["body"])
        issue = LocalIssue.objects.filter(body=body, title=entry["title"]).first()
        issue = issue or LocalIssue(body=body, title=entry["title"])
        values = {k: entry[k] for k in ("description", "status", "opened_on", "closed_on")}
        _save_if_changed(issue, values, user, "local issues", result)
    organisations = {o.key: o for o in Organisation.objects.all()}
    awards = {a.reference: a for a in Award.objects.all()}
    for entry in spec["funded_posts"]:
        body = bodies.get(entry["body"])
        post = FundedPost.objects.filter(body=body, title=entry["title"]).first()
        post = post or FundedPost(body=body, title=entry["title"])
        values = {
            "host": organisations.get(entry["host"]),
            "funded_from": entry["funded_from"],
            "funded_until": entry["funded_until"],
            "amount": entry["amount"],
            "award": awards.get(entry["award"]),
            "notes": entry["notes"],
        }
        _save_if_changed(post, values, user, "funded posts", result)


def _write_children(
    body: Body, entry: dict[str, Any], user: User | None, result: PartnershipsImport
) -> None:
    if [p.title for p in body.priorities.all()] != entry["priorities"]:
        body.priorities.all().delete()
        for position, title in enumerate(entry["priorities"]):
            priority = BodyPriority(body=body, position=position, title=title)
            attributed_to(priority, user, REASON).save()
        result.created["priorities"] += len(entry["priorities"])
    else:
        result.unchanged["priorities"] += len(entry["priorities"])
    for name in ("themes", "deliverables", "measures"):
        related = getattr(body, name)
        if set(related.all()) != set(entry[name]):
            attributed_to(body, user, REASON)
            related.set(entry[name])
            result.created[f"links to {name}"] += len(entry[name])
    organisations = {o.key: o for o in Organisation.objects.all()}
    for member in entry["members"]:
        organisation = organisations.get(member["organisation"])
        found = Membership.objects.filter(
            body=body,
            person=member["person"],
            organisation=organisation,
            role=member["role"],
            starts_on=member["starts_on"],
        ).first() or Membership(
            body=body,
            person=member["person"],
            organisation=organisation,
            role=member["role"],
            starts_on=member["starts_on"],
        )
        _save_if_changed(found, {"ends_on": member["ends_on"]}, user, "memberships", result)
    for doc in entry["documents"]:
        document = CspDocument.objects.filter(
            body=body, kind=doc["kind"], dated=doc["dated"]
        ).first() or CspDocument(body=body, kind=doc["kind"], dated=doc["dated"])
        values = {"title": doc["title"], "url": doc["url"], "priorities": doc["priorities"]}
        _save_if_changed(document, values, user, "documents", result)
    for entry_s in entry["scrutinies"]:
        held_on: dt.date = entry_s["held_on"]
        scrutiny = Scrutiny.objects.filter(body=body, held_on=held_on).first() or Scrutiny(
            body=body, held_on=held_on
        )
        values = {"committee": entry_s["committee"], "notes": entry_s["notes"]}
        _save_if_changed(scrutiny, values, user, "scrutinies", result)
