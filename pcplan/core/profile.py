"""The office profile as a file: `pcplan setup PROFILE.yaml`, and the one service that writes it.

The format is documented in docs/profile-format.md. Like `pcplan import-plan`, the whole file
is checked first and every problem reported as `FILE:LINE: PATH: message`; only a clean file
is written, inside one transaction. The file is the whole profile: forces, Community Safety
Partnerships and districts it does not list are removed. Writing the same profile again
changes nothing, so it adds no history rows. The staff page (`/staff/office/`) builds the
same document from its form and goes through the same checks and the same writer.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import DataError, IntegrityError, models, transaction
from django.utils.translation import gettext

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_version
from pcplan.core.models import (
    CommunitySafetyPartnership,
    District,
    Force,
    Office,
    Organisation,
    User,
)
from pcplan.core.permissions import ADMINISTRATORS_ONLY, may_keep_profile
from pcplan.plans.importer import Checker, ImportRefused
from pcplan.plans.importer import _load as load_source
from pcplan.plans.yamlsource import Path, Problem, Source, load_yaml

FORMAT = "pcplan-office/1"

# The file's top-level text fields and the Office field each one sets.
TEXT_FIELDS = {
    "name": "name",
    "holder_title": "holder_title",
    "holder_short_title": "holder_short_title",
    "holder_name": "holder_name",
    "office_name": "office_name",
    "office_abbreviation": "office_abbreviation",
    "police_area": "police_area",
    "board_name": "board_name",
    "contact_officer": "contact_officer",
    "contact_details": "contact_details",
}
PANEL_FIELDS = {"name": "panel_name", "host_authority": "panel_host_authority"}
TOP_FIELDS = {"format", "kind", *TEXT_FIELDS, "forces", "panel", "csps"}
REQUIRED = {"kind", "name", "forces"}


@dataclass
class ProfileSpec:
    """A checked profile, ready to write: the whole profile, nothing left to the database."""

    office: dict[str, Any]
    forces: list[dict[str, str]]
    csps: list[dict[str, Any]]


@dataclass
class ProfileResult:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def summary(self) -> str:
        kinds = sorted(set(self.created) | set(self.updated) | set(self.deleted))
        return "\n".join(
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, "
            f"{self.deleted[kind]} removed"
            for kind in kinds
        )


def _max(name: str, model: type[models.Model] = Office) -> int | None:
    return getattr(model._meta.get_field(name), "max_length", None)


def check(source: Source) -> ProfileSpec | None:
    """Check the whole document, recording every problem; return the spec if there were none."""
    c = Checker(source)
    doc = source.data
    if doc is None:
        return None
    if not c.mapping(doc, (), TOP_FIELDS, REQUIRED):
        return None
    if "format" in doc and doc["format"] != FORMAT:
        source.problem(("format",), f"expected '{FORMAT}', found {doc.get('format')!r}")
    office: dict[str, Any] = {"kind": c.choice(doc, "kind", (), Office.Kind)}
    for key, name in TEXT_FIELDS.items():
        office[name] = c.text(doc, key, (), required=key in REQUIRED, max_length=_max(name))
    office |= _check_panel(c, doc)
    forces = _check_forces(c, doc)
    csps = _check_csps(c, doc)
    if source.problems:
        return None
    return ProfileSpec(office, forces, csps)


def _check_panel(c: Checker, doc: dict[str, Any]) -> dict[str, str]:
    values = {"panel_name": "", "panel_host_authority": "", "panel_contact": ""}
    panel = doc.get("panel")
    path: Path = ("panel",)
    if panel is None or not c.mapping(panel, path, {*PANEL_FIELDS, "contact"}, set()):
        return values
    for key, name in PANEL_FIELDS.items():
        values[name] = c.text(panel, key, path, required=False, max_length=_max(name))
    values["panel_contact"] = c.text(panel, "contact", path, required=False)
    return values


def _check_forces(c: Checker, doc: dict[str, Any]) -> list[dict[str, str]]:
    forces: list[dict[str, str]] = []
    seen: set[str] = set()
    items = c.items(doc, "forces", ())
    if "forces" in doc and doc["forces"] in (None, []):
        c.source.problem(("forces",), "list at least one force (its data.police.uk id and name)")
    for i, item in enumerate(items):
        path: Path = ("forces", i)
        if not c.mapping(item, path, {"id", "name"}, {"id", "name"}):
            continue
        force_id = c.slug(item, "id", path)
        if force_id and len(force_id) > (_max("police_uk_id", Force) or 60):
            c.source.problem((*path, "id"), "a data.police.uk force id is at most 60 characters")
        if force_id in seen:
            c.source.problem((*path, "id"), f"the force '{force_id}' is listed twice")
        seen.add(force_id)
        name = c.text(item, "name", path, required=True, max_length=_max("name", Force))
        forces.append({"police_uk_id": force_id, "name": name})
    return forces


def _check_csps(c: Checker, doc: dict[str, Any]) -> list[dict[str, Any]]:
    csps: list[dict[str, Any]] = []
    names: set[str] = set()
    district_in: dict[str, str] = {}
    for i, item in enumerate(c.items(doc, "csps", ())):
        path: Path = ("csps", i)
        allowed = {"name", "organisation", "districts"}
        if not c.mapping(item, path, allowed, {"name", "districts"}):
            continue
        name = c.text(
            item, "name", path, required=True, max_length=_max("name", CommunitySafetyPartnership)
        )
        if name in names:
            c.source.problem((*path, "name"), f"the partnership '{name}' is listed twice")
        names.add(name)
        # An organisation not known yet is created with the partnership's name, so a new
        # office can set up its profile before its first plan; a plan file that lists the
        # same key later names it as the plan says.
        organisation = c.slug(item, "organisation", path) if item.get("organisation") else None
        districts: list[str] = []
        problems_before = len(c.source.problems)
        for j, district in enumerate(c.items(item, "districts", path)):
            dpath: Path = (*path, "districts", j)
            if not isinstance(district, str) or not district.strip():
                c.source.problem(dpath, "expected the name of a local authority district")
                continue
            district = " ".join(district.split())
            if len(district) > (_max("name", District) or 120):
                c.source.problem(dpath, f"is {len(district)} characters long; at most 120")
            elif district in district_in:
                other = district_in[district]
                where = "in this partnership" if other == name else f"in '{other}'"
                c.source.problem(dpath, f"the district '{district}' is already listed {where}")
            else:
                district_in[district] = name
                districts.append(district)
        if "districts" in item and not districts and len(c.source.problems) == problems_before:
            c.source.problem((*path, "districts"), "list the districts the partnership covers")
        csps.append({"name": name, "organisation": organisation, "districts": districts})
    return csps


# --- writing -------------------------------------------------------------------------------


def _save_changed(
    instance: models.Model, values: dict[str, Any], user: User | None, reason: str
) -> bool:
    """Save only the fields whose value differs, so writing the same profile adds no history."""
    if instance.pk is None:
        for name, value in values.items():
            setattr(instance, name, value)
        attributed_to(instance, user, reason).save()
        return True
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        attributed_to(instance, user, reason).save(update_fields=changed)
    return bool(changed)


def _count(result: ProfileResult, kind: str, created: bool, changed: bool) -> None:
    if created:
        result.created[kind] += 1
    elif changed:
        result.updated[kind] += 1


def _delete(result: ProfileResult, kind: str, instance: models.Model, user: User | None) -> None:
    attributed_to(instance, user, "Removed from the office profile").delete()
    result.deleted[kind] += 1


def _new_csp_organisation(key: str, name: str, user: User | None, reason: str) -> Organisation:
    organisation = Organisation(key=key, name=name, kind=Organisation.Kind.CSP)
    attributed_to(organisation, user, reason).save()
    return organisation


def write_profile(
    spec: ProfileSpec,
    user: User | None,
    reason: str = "Office profile",
    *,
    version: int | None = None,
) -> ProfileResult:
    """Make the stored profile exactly `spec`, in one transaction, audited as made by `user`.
    Refused (StaleEdit) when the profile changed after the page was served at `version`."""
    result = ProfileResult()
    with transaction.atomic():
        office = Office.objects.filter(pk=1).first()
        created = office is None
        office = office or Office()
        claim_version(office, version, noun=gettext("office profile"))
        _count(result, "office", created, _save_changed(office, spec.office, user, reason))

        wanted_forces = {f["police_uk_id"] for f in spec.forces}
        for force in Force.objects.exclude(police_uk_id__in=wanted_forces):
            _delete(result, "forces", force, user)
        for position, f in enumerate(spec.forces, start=1):
            existing = Force.objects.filter(police_uk_id=f["police_uk_id"]).first()
            values = {"office": office, "name": f["name"], "position": position}
            force = existing or Force(police_uk_id=f["police_uk_id"])
            _count(result, "forces", existing is None, _save_changed(force, values, user, reason))

        organisations = {o.key: o for o in Organisation.objects.all()}
        csps: dict[str, CommunitySafetyPartnership] = {}
        for position, item in enumerate(spec.csps, start=1):
            existing_csp = CommunitySafetyPartnership.objects.filter(
                office=office, name=item["name"]
            ).first()
            csp = existing_csp or CommunitySafetyPartnership(office=office, name=item["name"])
            org = None
            if item["organisation"]:
                org = organisations.get(item["organisation"]) or _new_csp_organisation(
                    item["organisation"], item["name"], user, reason
                )
                organisations[org.key] = org
            values = {"organisation": org, "position": position}
            changed = _save_changed(csp, values, user, reason)
            _count(result, "partnerships", existing_csp is None, changed)
            csps[item["name"]] = csp

        wanted_districts = {d: item["name"] for item in spec.csps for d in item["districts"]}
        for district in District.objects.exclude(name__in=wanted_districts):
            _delete(result, "districts", district, user)
        for name, csp_name in wanted_districts.items():
            existing_district = District.objects.filter(name=name).first()
            district = existing_district or District(name=name)
            changed = _save_changed(district, {"csp": csps[csp_name]}, user, reason)
            _count(result, "districts", existing_district is None, changed)

        for csp in CommunitySafetyPartnership.objects.exclude(name__in=list(csps)):
            _delete(result, "partnerships", csp, user)
    return result


def save_office_profile(
    user: User, spec: ProfileSpec, *, version: int | None = None
) -> ProfileResult:
    """The staff page's service: the same writer as `pcplan setup`, attributed to `user`;
    refused (StaleEdit) when the profile changed after the page was served at `version`."""
    if not may_keep_profile(user):
        raise PermissionDenied(ADMINISTRATORS_ONLY)
    return write_profile(spec, user, "Changed on the office profile page", version=version)


def setup_sources(source: Source, user: User | None = None) -> ProfileResult:
    spec = check(source)
    if spec is None:
        raise ImportRefused(source.problems)
    try:
        return write_profile(spec, user, "Set up from a profile file")
    except (IntegrityError, DataError) as exc:  # a rule the checks missed: refuse, write nothing
        problem = Problem(source.file, None, "", f"the database refused the profile: {exc}")
        raise ImportRefused([problem]) from exc


def setup_from_text(text: str, file: str, user: User | None = None) -> ProfileResult:
    return setup_sources(load_yaml(text, file), user)


def setup_from_file(path: FilePath, user: User | None = None) -> ProfileResult:
    return setup_sources(load_source(path), user)


def profile_document(office: Office) -> dict[str, Any]:
    """The stored profile in the file's own shape (what the staff page starts from)."""
    doc: dict[str, Any] = {"kind": office.kind}
    doc |= {key: getattr(office, name) for key, name in TEXT_FIELDS.items()}
    doc["panel"] = {
        "name": office.panel_name,
        "host_authority": office.panel_host_authority,
        "contact": office.panel_contact,
    }
    if office.pk is None:
        doc["forces"], doc["csps"] = [], []
        return doc
    doc["forces"] = [{"id": f.police_uk_id, "name": f.name} for f in office.forces.all()]
    doc["csps"] = [
        {
            "name": csp.name,
            "organisation": csp.organisation.key if csp.organisation else None,
            "districts": [d.name for d in csp.districts.all()],
        }
        for csp in office.csps.select_related("organisation").prefetch_related("districts")
    ]
    return doc
