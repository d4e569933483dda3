"""Import funds and awards from CSV or Excel files (docs/grants-import.md).

All or nothing: every row of every file is checked first, and a bad file is refused with
each problem's file, row and column and what was expected; nothing is saved then.
Re-importing the same files changes nothing: funds are matched by `key`, awards by
`reference`, organisations by `recipient`. Uploads are capped as performance uploads are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Sum

from pcplan.core.models import CommunitySafetyPartnership, Organisation
from pcplan.grants import rules
from pcplan.grants.models import (
    Award,
    CommissionedService,
    ExternalBid,
    Fund,
    Intervention,
    Source,
)
from pcplan.performance.uploads import UploadError, filled_rows
from pcplan.performance.uploads import read_rows as read_file
from pcplan.plans.models import Theme
from pcplan.transparency.models import Decision

FUND_COLUMNS = [
    "key",
    "name",
    "source",
    "purpose",
    "themes",
    "eligible",
    "max_award",
    "opens_on",
    "closes_on",
    "budget",
    "notes",
]
AWARD_COLUMNS = [
    "reference",
    "fund",
    "recipient",
    "recipient_name",
    "recipient_kind",
    "area",
    "purpose",
    "amount",
    "amount_note",
    "conditions",
    "payment_schedule",
    "starts_on",
    "ends_on",
    "decision_number",
    "decision_date",
    "decision_maker",
    "reasons",
    "budget_override_reason",
    "published",
    "source_note",
]
EXTERNAL_COLUMNS = [
    "key",
    "name",
    "funder",
    "fund",
    "status",
    "announced_on",
    "amount_won",
    "period",
    "areas",
    "partners",
    "interventions",
    "notes",
]
SERVICE_COLUMNS = [
    "key",
    "name",
    "provider",
    "fund",
    "contract_value",
    "starts_on",
    "ends_on",
    "renewal_on",
    "notes",
]
REQUIRED_FUND = {"key", "name"}
REQUIRED_AWARD = {"reference", "fund", "recipient", "purpose"}
MAX_BYTES = 10 * 1024 * 1024


class ImportRefused(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class GrantsImportResult:
    funds_created: int = 0
    funds_changed: int = 0
    awards_created: int = 0
    awards_changed: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            (self.funds_created, self.funds_changed, self.awards_created, self.awards_changed)
        )

    def summary(self) -> str:
        return (
            f"funds: {self.funds_created} added, {self.funds_changed} changed; "
            f"awards: {self.awards_created} added, {self.awards_changed} changed"
        )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return str(value)


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV (UTF-8, with or without BOM) or the first sheet of an .xlsx, as text,
    header first, each with its row number in the file (blank rows counted, as a spreadsheet
    program shows them). Read by the shared reader, with its size and sheet limits."""
    if path.stat().st_size > MAX_BYTES:
        raise ImportRefused([f"{path.name}: larger than {MAX_BYTES // (1024 * 1024)} MB."])
    try:
        with path.open("rb") as stream:
            filled = filled_rows(read_file(path.name, stream))
    except UploadError as error:
        raise ImportRefused(error.problems) from None
    if not filled:
        return []
    header = [_text(h).strip() for h in filled.rows[0]]
    lines = [(filled.numbers[0], {h: h for h in header})]
    for number, row in filled.body():
        values = {header[i]: _text(cell).strip() for i, cell in enumerate(row) if i < len(header)}
        lines.append((number, values))
    return lines


class _Row:
    """One row being checked: its values, and the problems found, named by row and column."""

    def __init__(
        self, path: Path, number: int, values: dict[str, str], problems: list[str]
    ) -> None:
        self.path, self.number, self.values, self.problems = path, number, values, problems

    def problem(self, column: str, expected: str) -> None:
        value = self.values.get(column, "")
        self.problems.append(
            f"{self.path.name}, row {self.number}, column {column}: {expected} (found {value!r})."
        )

    def text(self, column: str) -> str:
        return self.values.get(column, "")

    def date(self, column: str) -> dt.date | None:
        value = self.text(column)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.problem(column, "a date as YYYY-MM-DD")
            return None

    def money(self, column: str) -> Decimal | None:
        value = self.text(column).replace(",", "").replace("£", "")
        if not value:
            return None
        try:
            amount = rules.money(Decimal(value))
        except (InvalidOperation, ValueError):
            self.problem(column, "an amount in pounds, with at most two decimal places")
            return None
        if amount < 0:
            self.problem(column, "an amount of zero or more")
            return None
        return amount


def _check_header(
    path: Path,
    rows: list[tuple[int, dict[str, str]]],
    known: list[str],
    required: set[str],
    problems: list[str],
) -> None:
    if not rows:
        problems.append(f"{path.name}: no rows; expected a header row and at least one row.")
        return
    header_row, header = rows[0]
    present = set(header)
    if missing := sorted(required - present):
        problems.append(f"{path.name}, row {header_row}: missing column(s) {', '.join(missing)}.")
    if unknown := sorted(present - set(known)):
        problems.append(
            f"{path.name}, row {header_row}: unknown column(s) {', '.join(unknown)}; "
            f"expected only {', '.join(known)}."
        )


def _fund_from(row: _Row, themes: dict[str, Theme]) -> tuple[dict[str, Any], list[Theme]] | None:
    key, name = row.text("key"), row.text("name")
    if not key:
        row.problem("key", "a short name (letters, numbers, hyphens)")
    if not name:
        row.problem("name", "the fund's name")
    source = row.text("source") or Source.COMMISSIONER
    if source not in Source.values:
        row.problem("source", f"one of {', '.join(Source.values)}")
    kinds = [k.strip() for k in row.text("eligible").split(";") if k.strip()]
    for kind in kinds:
        if kind not in Organisation.Kind.values:
            row.problem(
                "eligible",
                "organisation kinds separated by ';', each one of "
                + ", ".join(Organisation.Kind.values),
            )
    chosen = []
    for ref in [t.strip() for t in row.text("themes").split(";") if t.strip()]:
        if ref not in themes:
            row.problem(
                "themes",
                "plan themes as plan-key/theme-key separated by ';', of plans already imported",
            )
        else:
            chosen.append(themes[ref])
    opens_on, closes_on = row.date("opens_on"), row.date("closes_on")
    if opens_on and closes_on and closes_on < opens_on:
        row.problem("closes_on", "a date on or after opens_on")
    fields = {
        "name": name,
        "source": source,
        "purpose": row.text("purpose"),
        "eligible_kinds": kinds,
        "max_award": row.money("max_award"),
        "opens_on": opens_on,
        "closes_on": closes_on,
        "budget": row.money("budget"),
        "notes": row.text("notes"),
    }
    return fields, chosen


def import_grants(
    funds_path: Path | None = None, awards_path: Path | None = None
) -> GrantsImportResult:
    """Check then save the funds file and the awards file (either may be left out)."""
    problems: list[str] = []
    fund_rows = read_rows(funds_path) if funds_path else []
    award_rows = read_rows(awards_path) if awards_path else []
    if funds_path:
        _check_header(funds_path, fund_rows, FUND_COLUMNS, REQUIRED_FUND, problems)
    if awards_path:
        _check_header(awards_path, award_rows, AWARD_COLUMNS, REQUIRED_AWARD, problems)
    if problems:
        raise ImportRefused(problems)

    themes = {f"{t.plan.key}/{t.key}": t for t in Theme.objects.select_related("plan")}
    planned_funds: dict[str, tuple[dict[str, Any], list[Theme]]] = {}
    for number, values in fund_rows[1:]:
        row = _Row(funds_path, number, values, problems)  # type: ignore[arg-type]
        checked = _fund_from(row, themes)
        if checked and row.text("key"):
            if row.text("key") in planned_funds:
                row.problem("key", "a key not used by an earlier row")
            planned_funds[row.text("key")] = checked

    known_funds = set(Fund.objects.values_list("key", flat=True)) | set(planned_funds)
    organisations = {o.key: o for o in Organisation.objects.all()}
    areas = {a.name: a for a in CommunitySafetyPartnership.objects.all()}
    planned_awards: list[tuple[int, str, dict[str, Any], str, dict[str, str]]] = []
    seen: set[str] = set()
    for number, values in award_rows[1:]:
        row = _Row(awards_path, number, values, problems)  # type: ignore[arg-type]
        reference = row.text("reference")
        if not reference:
            row.problem("reference", "a reference unique to the award")
        elif reference in seen:
            row.problem("reference", "a reference not used by an earlier row")
        seen.add(reference)
        if row.text("fund") not in known_funds:
            row.problem("fund", "the key of a fund in the funds file or already imported")
        recipient = row.text("recipient")
        new_org: dict[str, str] = {}
        if recipient not in organisations:
            kind = row.text("recipient_kind") or Organisation.Kind.OTHER
            if not recipient or not row.text("recipient_name"):
                row.problem(
                    "recipient", "the key of a known organisation, or a new key with recipient_name"
                )
            elif kind not in Organisation.Kind.values:
                row.problem("recipient_kind", f"one of {', '.join(Organisation.Kind.values)}")
            else:
                new_org = {"key": recipient, "name": row.text("recipient_name"), "kind": kind}
        area_name = row.text("area")
        if area_name and area_name not in areas:
            row.problem("area", "the name of a Community Safety Partnership of the office profile")
        published = row.text("published").lower()
        if published not in {"", "yes", "no"}:
            row.problem("published", "yes or no")
        if not row.text("purpose"):
            row.problem("purpose", "what the grant is for")
        if (row.text("decision_number") or row.text("decision_maker")) and not row.text(
            "decision_date"
        ):
            row.problem(
                "decision_date", "the date of the decision, when its number or maker is given"
            )
        fields = {
            "purpose": row.text("purpose"),
            "area": areas.get(area_name),
            "amount": row.money("amount"),
            "amount_note": row.text("amount_note"),
            "conditions": row.text("conditions"),
            "payment_schedule": row.text("payment_schedule"),
            "starts_on": row.date("starts_on"),
            "ends_on": row.date("ends_on"),
            "decision_number": row.text("decision_number"),
            "decision_date": row.date("decision_date"),
            "decision_maker": row.text("decision_maker"),
            "reasons": row.text("reasons"),
            "budget_override_reason": row.text("budget_override_reason"),
            "is_published": published == "yes",
            "source_note": row.text("source_note"),
        }
        planned_awards.append(
            (number, reference, fields, row.text("fund"), new_org | {"_key": recipient})
        )
    if problems:
        raise ImportRefused(problems)
    with transaction.atomic():
        return _save(planned_funds, planned_awards, awards_path)


def _changed(obj: Any, fields: dict[str, Any]) -> bool:
    return any(getattr(obj, name) != value for name, value in fields.items())


def _save(
    planned_funds: dict[str, tuple[dict[str, Any], list[Theme]]],
    planned_awards: list[tuple[int, str, dict[str, Any], str, dict[str, str]]],
    awards_path: Path | None,
) -> GrantsImportResult:
    from pcplan.core.audit import attributed_to

    result = GrantsImportResult()
    for key, (fields, themes) in planned_funds.items():
        fund = Fund.objects.filter(key=key).first()
        if fund is None:
            fund = Fund(key=key, **fields)
            attributed_to(fund, None, "Imported").save()
            result.funds_created += 1
        elif _changed(fund, fields):
            for name, value in fields.items():
                setattr(fund, name, value)
            attributed_to(fund, None, "Imported").save()
            result.funds_changed += 1
        if {t.pk for t in fund.themes.all()} != {t.pk for t in themes}:
            fund.themes.set(themes)
    funds = {f.key: f for f in Fund.objects.all()}
    budget_problems: list[str] = []
    for number, reference, fields, fund_key, org in planned_awards:
        recipient = Organisation.objects.filter(key=org["_key"]).first()
        if recipient is None:
            recipient = Organisation.objects.create(
                key=org["key"], name=org["name"], kind=org["kind"]
            )
        fund = funds[fund_key]
        fields = {**fields, "fund": fund, "recipient": recipient}
        award = Award.objects.select_related("decision").filter(reference=reference).first()
        fields["decision"] = _decision(award, fields)
        if award is not None and not _changed(award, fields):
            continue
        if fields["amount"] is not None:
            others = fund.awards.exclude(reference=reference).aggregate(total=Sum("amount"))
            committed = Decimal(others["total"] or 0)
            refusal = rules.budget_refusal(
                fields["amount"], fund.budget, committed, fields["budget_override_reason"]
            )
            if refusal:
                name = awards_path.name if awards_path else "awards"
                budget_problems.append(f"{name}, row {number}, column amount: {refusal}")
                continue
        published = fields.pop("is_published")
        if award is None:
            award = Award(reference=reference, **fields)
            result.awards_created += 1
        else:
            for name, value in fields.items():
                setattr(award, name, value)
            result.awards_changed += 1
        # Through the one publish pattern, so that withdrawing clears the stamps too.
        award.stamp_publication(published, None)
        attributed_to(award, None, "Imported").save()
    if budget_problems:
        raise ImportRefused(budget_problems)
    return result


def _decision(award: Award | None, fields: dict[str, Any]) -> Decision | None:
    """The decision record in the register the award was made by: the award's own when the
    file says the same, else the one with that number, else a new one (services.grant_decision).
    None when the file gives no decision date. Takes the decision's columns out of `fields`."""
    from pcplan.core.audit import attributed_to
    from pcplan.grants.services import grant_decision

    number, maker = fields.pop("decision_number"), fields.pop("decision_maker")
    date = fields["decision_date"]
    if date is None:
        return None
    current = award.decision if award is not None else None
    if current is not None and (current.number, current.decided_on, current.decision_maker) == (
        number,
        date,
        maker,
    ):
        decision = current
    else:
        amount = "" if fields["amount"] is None else f" of £{fields['amount']:,.2f}"
        decision = grant_decision(
            None,
            number=number,
            decided_on=date,
            decision_maker=maker,
            title=f"Grant to {fields['recipient'].name} from the {fields['fund'].name}",
            summary=f"A grant{amount} to {fields['recipient'].name}: {fields['purpose']}",
            reasons=fields["reasons"],
        )
    if fields["is_published"] and not decision.is_published:
        attributed_to(decision, None, "Published").save(
            update_fields=decision.stamp_publication(True, None)
        )
    return decision


def _keys(value: str) -> list[str]:
    return [k.strip() for k in value.split(";") if k.strip()]


def import_external_and_services(
    external_path: Path | None = None, services_path: Path | None = None
) -> int:
    """External funding bids (with interventions, one a line in their cell) and commissioned
    services; funds and organisations they name must exist. All or nothing; returns the
    number of records added or changed."""
    problems: list[str] = []
    external_rows = read_rows(external_path) if external_path else []
    service_rows = read_rows(services_path) if services_path else []
    if external_path:
        _check_header(
            external_path, external_rows, EXTERNAL_COLUMNS, {"key", "name", "status"}, problems
        )
    if services_path:
        _check_header(services_path, service_rows, SERVICE_COLUMNS, {"key", "name"}, problems)
    if problems:
        raise ImportRefused(problems)
    funds = {f.key: f for f in Fund.objects.all()}
    organisations = {o.key: o for o in Organisation.objects.all()}
    bids: list[tuple[str, dict[str, Any], list[str], list[str]]] = []
    for number, values in external_rows[1:]:
        row = _Row(external_path, number, values, problems)  # type: ignore[arg-type]
        funder = row.text("funder") or Source.HOME_OFFICE
        if funder not in Source.values:
            row.problem("funder", f"one of {', '.join(Source.values)}")
        if row.text("status") not in ExternalBid.Status.values:
            row.problem("status", f"one of {', '.join(ExternalBid.Status.values)}")
        if row.text("fund") and row.text("fund") not in funds:
            row.problem("fund", "the key of a fund already imported")
        partners = _keys(row.text("partners"))
        if any(k not in organisations for k in partners):
            row.problem("partners", "keys of known organisations separated by ';'")
        fields: dict[str, Any] = {
            "name": row.text("name"),
            "funder": funder,
            "fund": funds.get(row.text("fund")),
            "status": row.text("status"),
            "announced_on": row.date("announced_on"),
            "amount_won": row.money("amount_won"),
            "period": row.text("period"),
            "areas": row.text("areas"),
            "notes": row.text("notes"),
        }
        interventions = [
            line.strip() for line in row.text("interventions").splitlines() if line.strip()
        ]
        bids.append((row.text("key"), fields, partners, interventions))
    services: list[tuple[str, dict[str, Any]]] = []
    for number, values in service_rows[1:]:
        row = _Row(services_path, number, values, problems)  # type: ignore[arg-type]
        if row.text("provider") and row.text("provider") not in organisations:
            row.problem("provider", "the key of a known organisation, or empty when not known")
        if row.text("fund") and row.text("fund") not in funds:
            row.problem("fund", "the key of a fund already imported")
        services.append(
            (
                row.text("key"),
                {
                    "name": row.text("name"),
                    "provider": organisations.get(row.text("provider")),
                    "fund": funds.get(row.text("fund")),
                    "contract_value": row.money("contract_value"),
                    "starts_on": row.date("starts_on"),
                    "ends_on": row.date("ends_on"),
                    "renewal_on": row.date("renewal_on"),
                    "notes": row.text("notes"),
                },
            )
        )
    if problems:
        raise ImportRefused(problems)
    from pcplan.core.audit import attributed_to

    changed = 0
    with transaction.atomic():
        for key, fields, partners, interventions in bids:
            bid = ExternalBid.objects.filter(key=key).first() or ExternalBid(key=key)
            if bid.pk is None or _changed(bid, fields):
                for name, value in fields.items():
                    setattr(bid, name, value)
                attributed_to(bid, None, "Imported").save()
                changed += 1
            wanted = {organisations[k].pk for k in partners}
            if {p.pk for p in bid.partners.all()} != wanted:
                bid.partners.set(wanted)
            have = list(bid.interventions.values_list("title", flat=True))
            if have != interventions:
                bid.interventions.all().delete()
                for position, title in enumerate(interventions):
                    Intervention.objects.create(bid=bid, position=position, title=title)
                changed += 1
        for key, fields in services:
            service = CommissionedService.objects.filter(key=key).first() or CommissionedService(
                key=key
            )
            if service.pk is None or _changed(service, fields):
                for name, value in fields.items():
                    setattr(service, name, value)
                attributed_to(service, None, "Imported").save()
                changed += 1
    return changed
