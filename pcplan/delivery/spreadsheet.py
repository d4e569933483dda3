"""The Delivery Plan as a spreadsheet, and back (issue 14 item 2).

Export: one row per deliverable of a plan, with its stable id, and its latest update for
reference. An officer edits Status, Target, Lead, and fills New update date / New update; a
row with no ID adds a deliverable (Theme and Title needed). Import: every row is checked
first, and each error names its row and column; then a preview says, per row, created,
changed (field: old → new) or unchanged; applying it saves every change in one transaction
through the Delivery Plan's services, so each is permission-checked and in the history.
An unchanged row is not saved at all: re-importing an export changes nothing and adds no
history rows.

The file is read by the performance uploads reader (size cap, zip-bomb check, row limits).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.text import slugify
from django.utils.translation import gettext as _

from pcplan.core import exports
from pcplan.core.models import Organisation, User
from pcplan.core.periods import PeriodError, QuarterSpan
from pcplan.delivery import services
from pcplan.delivery.models import Deliverable, Update
from pcplan.delivery.rules import Status
from pcplan.performance.uploads import UploadError, filled_rows, read_rows
from pcplan.plans.models import Plan, Theme

ID = "ID"
THEME = "Theme"
TITLE = "Title"
LEAD = "Lead"
STATUS = "Status"
TARGET = "Target"
LATEST_DATE = "Latest update date"
LATEST = "Latest update"
NEW_DATE = "New update date"
NEW_TEXT = "New update"
COLUMNS = [ID, THEME, TITLE, LEAD, STATUS, TARGET, LATEST_DATE, LATEST, NEW_DATE, NEW_TEXT]
REQUIRED = [ID, THEME, TITLE, LEAD, STATUS, TARGET]


class ImportRefused(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class RowChange:
    """What importing one row does."""

    row: int
    deliverable: Deliverable
    changes: list[FieldChange] = field(default_factory=list)
    new_update: tuple[dt.date, str] | None = None

    @property
    def action(self) -> str:
        if self.deliverable.pk is None:
            return "created"
        return "changed" if self.changes or self.new_update else "unchanged"


# Export ---------------------------------------------------------------------------------


Row = tuple[Deliverable, Update | None]


def _rows(plan: Plan) -> Iterable[Row]:
    """Each deliverable of `plan`, in theme order, with its latest update (draft or not)."""
    deliverables = (
        Deliverable.objects.for_plan(plan)
        .select_related("theme", "lead")
        .prefetch_related("updates")
        .order_by("theme__position", "id")
    )
    for deliverable in deliverables:
        updates = deliverable.updates.all()
        latest = max(updates, key=lambda u: (u.date, u.pk), default=None)
        yield deliverable, latest


# The headings are the import format (docs/delivery-spreadsheet.md), the same in every
# language: they are not translated.
EXPORT_COLUMNS: list[exports.Column[Row]] = [
    exports.Column(ID, lambda r: r[0].pk),
    exports.Column(THEME, lambda r: r[0].theme.title),
    exports.Column(TITLE, lambda r: r[0].title),
    exports.Column(LEAD, lambda r: r[0].lead.name if r[0].lead else ""),
    exports.Column(STATUS, lambda r: r[0].get_status_display()),
    exports.Column(TARGET, lambda r: str(r[0].target) if r[0].target else ""),
    exports.Column(LATEST_DATE, lambda r: r[1].date.isoformat() if r[1] else ""),
    exports.Column(LATEST, lambda r: r[1].text if r[1] else ""),
    exports.Column(NEW_DATE, lambda r: ""),
    exports.Column(NEW_TEXT, lambda r: ""),
]
SHEET = "Delivery Plan"


def download(request: HttpRequest, plan: Plan, fmt: str) -> HttpResponseBase:
    """The plan's Delivery Plan as a CSV or Excel download, through the one download writer
    (pcplan.core.exports: formula-safe cells, UTF-8 with a byte order mark)."""
    return exports.download(
        request, fmt, EXPORT_COLUMNS, _rows(plan), name=f"{plan.key}-delivery-plan", sheet=SHEET
    )


def export_csv(plan: Plan) -> bytes:
    return exports.as_csv(EXPORT_COLUMNS, _rows(plan))


def export_xlsx(plan: Plan) -> bytes:
    return exports.as_xlsx(EXPORT_COLUMNS, _rows(plan), SHEET)


# Import ---------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    # A cell exported with a leading ' (formula guard) comes back with it.
    return text[1:] if text.startswith("'") else text


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(_text(value))


class _Lookups:
    """The plan's themes, the organisations and statuses, by the words a sheet may use."""

    def __init__(self, plan: Plan) -> None:
        self.themes: dict[str, Theme] = {}
        for theme in plan.themes.all():
            self.themes[theme.title.casefold()] = theme
            self.themes[theme.key.casefold()] = theme
        self.organisations: dict[str, list[Organisation]] = {}
        for org in Organisation.objects.all():
            for word in {org.name.casefold(), org.key.casefold()}:
                self.organisations.setdefault(word, []).append(org)
        self.statuses = {label.casefold(): value for value, label in Status.choices}
        self.statuses.update({value.casefold(): value for value, _label in Status.choices})
        self.keys: set[tuple[int, str]] = set(
            Deliverable.objects.filter(theme__plan=plan).values_list("theme_id", "key")
        )

    def new_key(self, theme: Theme, title: str) -> str:
        """A slug of the title not yet used in the theme (nor by another new row)."""
        base = slugify(title)[:70] or "deliverable"
        key, n = base, 1
        while (theme.pk, key) in self.keys:
            n += 1
            key = f"{base}-{n}"
        self.keys.add((theme.pk, key))
        return key


def _where(row: int, column: str) -> str:
    return _("Row %(row)s, column %(column)s") % {"row": row, "column": column}


def read_changes(plan: Plan, name: str, stream: IO[bytes]) -> list[RowChange]:
    """Every row's change, or ImportRefused listing every problem (row and column)."""
    try:
        filled = filled_rows(read_rows(name, stream))
    except UploadError as exc:
        raise ImportRefused(exc.problems) from None
    rows = filled.rows
    if not rows:
        raise ImportRefused([_("%(name)s is empty") % {"name": name}])
    header = [_text(c).casefold() for c in rows[0]]
    missing = [c for c in REQUIRED if c.casefold() not in header]
    if missing:
        raise ImportRefused(
            [
                _("Row 1: the columns %(missing)s are missing (expected %(expected)s)")
                % {"missing": ", ".join(missing), "expected": ", ".join(COLUMNS)}
            ]
        )
    where = {c: header.index(c.casefold()) for c in COLUMNS if c.casefold() in header}
    lookups = _Lookups(plan)
    existing = {d.pk: d for d in Deliverable.objects.for_plan(plan).select_related("lead")}
    problems: list[str] = []
    changes: list[RowChange] = []
    seen: dict[int, int] = {}
    for number, row in filled.body():
        cells = {c: _text(row[i]) if i < len(row) else "" for c, i in where.items()}
        raw = {c: (row[i] if i < len(row) else None) for c, i in where.items()}
        change = _row_change(number, cells, raw, lookups, existing, seen, problems)
        if change is not None:
            changes.append(change)
    if problems:
        raise ImportRefused(problems)
    return changes


def _row_change(
    number: int,
    cells: dict[str, str],
    raw: dict[str, Any],
    lookups: _Lookups,
    existing: dict[int, Deliverable],
    seen: dict[int, int],
    problems: list[str],
) -> RowChange | None:
    before = len(problems)
    deliverable: Deliverable | None = None
    if cells[ID]:
        try:
            pk = int(cells[ID])
        except ValueError:
            pk = -1
        deliverable = existing.get(pk)
        if deliverable is None:
            problems.append(
                _("%(where)s: %(value)s is not the ID of a deliverable of this plan")
                % {"where": _where(number, ID), "value": cells[ID]}
            )
        elif pk in seen:
            problems.append(
                _("%(where)s: deliverable %(id)s is also on row %(other)s")
                % {"where": _where(number, ID), "id": pk, "other": seen[pk]}
            )
        else:
            seen[pk] = number
    else:
        theme = lookups.themes.get(cells[THEME].casefold())
        if theme is None:
            problems.append(
                _("%(where)s: expected one of this plan's themes, not %(value)r")
                % {"where": _where(number, THEME), "value": cells[THEME]}
            )
        longest = Deliverable._meta.get_field("title").max_length or 0
        if not cells[TITLE]:
            problems.append(
                _("%(where)s: a new deliverable needs a title") % {"where": _where(number, TITLE)}
            )
        elif len(cells[TITLE]) > longest:
            problems.append(
                _("%(where)s: a title of at most %(longest)s characters, not %(length)s")
                % {"where": _where(number, TITLE), "longest": longest, "length": len(cells[TITLE])}
            )
        if theme is not None and cells[TITLE] and len(cells[TITLE]) <= longest:
            deliverable = Deliverable(
                theme=theme,
                key=lookups.new_key(theme, cells[TITLE]),
                title=cells[TITLE],
                added_on=dt.date.today(),
            )

    status = lookups.statuses.get(cells[STATUS].casefold()) if cells[STATUS] else None
    if cells[STATUS] and status is None:
        problems.append(
            _("%(where)s: expected one of %(choices)s, not %(value)r")
            % {
                "where": _where(number, STATUS),
                "choices": ", ".join(str(label) for _v, label in Status.choices),
                "value": cells[STATUS],
            }
        )
    target: QuarterSpan | None = None
    if cells[TARGET]:
        try:
            target = QuarterSpan.parse(cells[TARGET])
        except PeriodError as exc:
            problems.append(f"{_where(number, TARGET)}: {exc}")
    lead: Organisation | None = None
    if cells[LEAD]:
        found = lookups.organisations.get(cells[LEAD].casefold(), [])
        if len(found) != 1:
            problems.append(
                _("%(where)s: expected the name of one organisation, not %(value)r")
                % {"where": _where(number, LEAD), "value": cells[LEAD]}
            )
        else:
            lead = found[0]
    new_update: tuple[dt.date, str] | None = None
    new_text = cells.get(NEW_TEXT, "")
    new_date_cell = raw.get(NEW_DATE)
    if new_text or _text(new_date_cell):
        try:
            new_text = services.update_text(new_text)  # as the update's form and the API store it
        except ValidationError:
            problems.append(
                _("%(where)s: a new update needs its text") % {"where": _where(number, NEW_TEXT)}
            )
        try:
            new_update = (_date(new_date_cell), new_text)
        except (TypeError, ValueError):
            problems.append(
                _("%(where)s: expected a date such as 2024-03-31, not %(value)r")
                % {"where": _where(number, NEW_DATE), "value": _text(new_date_cell)}
            )
    if len(problems) > before or deliverable is None:
        return None
    return _compare(number, deliverable, status, target, lead, new_update)


def _compare(
    number: int,
    deliverable: Deliverable,
    status: str | None,
    target: QuarterSpan | None,
    lead: Organisation | None,
    new_update: tuple[dt.date, str] | None,
) -> RowChange:
    change = RowChange(number, deliverable, new_update=new_update)
    new_status = status or deliverable.status
    if new_status != deliverable.status:
        change.changes.append(
            FieldChange(STATUS, deliverable.get_status_display(), Status(new_status).label)
        )
        deliverable.status = new_status
    if target != deliverable.target:
        old = str(deliverable.target) if deliverable.target else ""
        change.changes.append(FieldChange(TARGET, old, str(target) if target else ""))
        deliverable.target = target
    if (lead.pk if lead else None) != deliverable.lead_id:
        old = deliverable.lead.name if deliverable.lead else ""
        change.changes.append(FieldChange(LEAD, old, lead.name if lead else ""))
        deliverable.lead = lead
    return change


@transaction.atomic
def apply_changes(user: User, changes: list[RowChange]) -> int:
    """Save every created or changed row through the services (all or nothing); returns how
    many rows were saved. Unchanged rows are not touched."""
    saved = 0
    for change in changes:
        if change.action == "unchanged":
            continue
        if change.deliverable.pk is None or change.changes:
            services.save_deliverable(
                user, change.deliverable, reason=_("Imported from a spreadsheet")
            )
        if change.new_update is not None:
            date, text = change.new_update
            services.post_update(user, change.deliverable, text=text, date=date)
        saved += 1
    return saved
