"""Survey responses from a survey tool's CSV or Excel export: mapped, checked, then all or none.

The officer chooses which column of the file holds each field (`FIELDS`); the file is read
with the performance uploads' reader (size cap, Excel zip-bomb checks), every row is checked,
and any problem names its row and column. Nothing is saved unless every row is good. A file
already imported into the consultation adds nothing (its SHA-256), and a later export that
repeats earlier rows adds only the new ones (each response's hash, `rules.response_hash`).
The format is documented in docs/engagement-import.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from django.db import connection, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pcplan.core.audit import attributed_to
from pcplan.core.models import User
from pcplan.core.office import csp_areas
from pcplan.engagement import rules
from pcplan.engagement.models import Consultation, SurveyImport, SurveyResponse
from pcplan.performance.uploads import UploadError, max_upload_bytes, read_rows
from pcplan.plans.models import Theme

# The fields a response has, and whether the mapping must name a column for it.
FIELDS: dict[str, tuple[Any, bool]] = {
    "response_id": (gettext_lazy("Response ID"), False),
    "date": (gettext_lazy("Date"), False),
    "area": (gettext_lazy("Area"), True),
    "theme": (gettext_lazy("Theme"), False),
    "issues": (gettext_lazy("Issues raised"), True),
}
BATCH = 2_000
# An Excel export is read in openpyxl's read-only (streaming) mode, so a survey's file is held
# by the upload size (PCPLAN_MAX_UPLOAD_BYTES) as a CSV is; this row cap only stops a sheet of
# formatted blank rows. The benchmark imports 100,000 responses.
EXCEL_MAX_ROWS = 200_000

__all__ = ["FIELDS", "UploadError", "apply", "max_upload_bytes", "parse", "preview", "read_file"]


class ParsedResponse(NamedTuple):  # a tuple: 100,000 are made in one import
    row: int
    content_hash: str
    responded_on: dt.date | None
    area: str
    theme_id: int | None
    issues: tuple[str, ...]  # shared by the rows that gave the same answer: never changed


@dataclass
class Preview:
    rows: int
    new: int
    by_area: Counter[str]
    by_theme: Counter[str]
    top_issues: dict[str, list[tuple[str, int]]]
    already_imported: bool = False
    problems: list[str] = field(default_factory=list)

    def area_rows(self) -> list[tuple[str, int]]:
        """New responses per area, most first (blank: not given)."""
        return [
            (area or str(_("Area not given")), n)
            for area, n in rules.ranked(self.by_area, len(self.by_area))
        ]


def read_file(name: str, data: bytes) -> list[list[Any]]:
    """The non-blank rows of the file, header first."""
    read = read_rows(name, io.BytesIO(data), max_rows=EXCEL_MAX_ROWS)
    rows = [r for r in read if any(c not in (None, "") for c in r)]
    if not rows:
        raise UploadError([_("%(name)s is empty") % {"name": name}])
    return rows


def header(rows: Sequence[Sequence[Any]]) -> list[str]:
    return [str(c or "").strip() for c in rows[0]]


def area_lookup() -> dict[str, str]:
    """Each CSP of the profile, and each district it covers, lower-cased, to the CSP's name."""
    lookup: dict[str, str] = {}
    for csp, districts in csp_areas().items():
        lookup[csp.lower()] = csp
        for district in districts:
            lookup[district.lower()] = csp
    return lookup


def theme_lookup(consultation: Consultation) -> dict[str, int]:
    lookup: dict[str, int] = {}
    themes = Theme.objects.filter(plan=consultation.plan_id)
    for pk, key, title in themes.values_list("id", "key", "title"):
        lookup[key.lower()] = pk
        lookup[title.lower()] = pk
    return lookup


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    return str(value)


@lru_cache(maxsize=4096)
def _date_text(text: str) -> dt.date:
    """A date written 2022-12-21 or 21/12/2022, with or without a time after it.

    Read by hand, not with strptime (which costs more than the rest of a row put together),
    and cached: an export holds a few hundred distinct dates at most.
    """
    day_part = text.split(" ", 1)[0].split("T", 1)[0]
    if "/" in day_part:
        parts = day_part.split("/")
        if len(parts) != 3 or len(parts[2]) != 4:
            raise ValueError(text)
        return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    if len(day_part) != 10:
        raise ValueError(text)
    return dt.date.fromisoformat(day_part)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    return _date_text(text)


def _columns(head: list[str], mapping: Mapping[str, str]) -> dict[str, int]:
    """Where each mapped field is in the file; a wrong header is refused, naming it."""
    problems = []
    where: dict[str, int] = {}
    lowered = [h.lower() for h in head]
    for name, (label, required) in FIELDS.items():
        column = (mapping.get(name) or "").strip()
        if not column:
            if required:
                problems.append(
                    _("Row 1: choose the column that holds %(field)s") % {"field": label}
                )
            continue
        if column.lower() not in lowered:
            problems.append(
                _("Row 1, column %(column)s: there is no such column in the file (it has %(head)s)")
                % {"column": column, "head": ", ".join(head)}
            )
            continue
        where[name] = lowered.index(column.lower())
    if problems:
        raise UploadError(problems)
    return where


def parse(
    rows: Sequence[Sequence[Any]],
    mapping: Mapping[str, str],
    areas: Mapping[str, str],
    themes: Mapping[str, int],
) -> list[ParsedResponse]:
    """Every data row as a response, or UploadError naming each bad row and column."""
    head = header(rows)
    where = _columns(head, mapping)
    names = {f: head[i] for f, i in where.items()}
    problems: list[str] = []
    parsed: list[ParsedResponse] = []
    seen: dict[tuple[str, ...], int] = {}
    # Field positions, in FIELDS order; past any row's end when the field is not mapped.
    unmapped = 1 << 30
    positions = [where.get(f, unmapped) for f in FIELDS]
    # Every field mapped and the row long enough: its cells are taken in one C call.
    every = itemgetter(*positions) if unmapped not in positions else None
    widest = max(where.values())
    # Answers repeat (a few hundred dates, a dozen areas and themes, the issues offered), so
    # each distinct cell is checked once and the answer kept for the rows that repeat it.
    dates: dict[str, dt.date | None] = {"": None}
    area_of: dict[str, str | None] = {"": rules.NOT_GIVEN}
    theme_of: dict[str, int | None] = {"": None}
    issues_of: dict[str, tuple[str, ...]] = {}
    bad = object()
    sha256 = hashlib.sha256

    def problem(number: int, name: str, what: str) -> None:
        problems.append(
            _("Row %(row)s, column %(column)s: %(what)s")
            % {"row": number, "column": names[name], "what": what}
        )

    for number, row in enumerate(rows[1:], start=2):
        if every is not None and len(row) > widest:
            raw: Sequence[Any] = every(row)
        else:
            length = len(row)
            raw = [row[at] if at < length else "" for at in positions]
        try:  # a CSV's cells are all text
            values = tuple(map(str.strip, raw))
        except TypeError:  # an Excel sheet's may be numbers, dates or empty
            values = tuple([v.strip() if isinstance(v, str) else _text(v) for v in raw])
        _response_id, date_text, area_text, theme_text, issues_text = values
        responded_on = dates.get(date_text, bad)
        if responded_on is bad or isinstance(raw[1], dt.date):
            try:
                responded_on = (
                    _date(raw[1]) if isinstance(raw[1], dt.date) else _date_text(date_text)
                )
            except ValueError:
                problem(number, "date", _("enter a date such as 2022-12-21 or 21/12/2022"))
                continue
            dates[date_text] = responded_on
        area = area_of.get(area_text, bad)
        if area is bad:
            area = area_of[area_text] = areas.get(area_text.lower())
        if area is None:
            known = sorted(set(areas.values()))
            problem(
                number,
                "area",
                _(
                    "“%(area)s” is not an area of this office: "
                    "enter one of %(known)s, or leave it blank"
                )
                % {"area": area_text, "known": ", ".join(known) or _("(no areas set up)")},
            )
            continue
        theme_id = theme_of.get(theme_text, bad)
        if theme_id is bad:
            theme_id = theme_of[theme_text] = themes.get(theme_text.lower())
        if theme_text and theme_id is None:
            problem(
                number,
                "theme",
                _("“%(theme)s” is not a theme of the consultation's plan") % {"theme": theme_text},
            )
            continue
        issues = issues_of.get(issues_text)
        if issues is None:
            issues = issues_of[issues_text] = tuple(rules.split_issues(issues_text))
        occurrence = seen[values] = seen.get(values, 0) + 1
        # rules.response_hash, written out: it is a tenth of the time of a row.
        identity = "\x1f".join(values) + "\x1e" + str(occurrence)
        parsed.append(
            ParsedResponse(
                number,
                sha256(identity.encode("utf-8")).hexdigest(),
                responded_on,  # type: ignore[arg-type]
                area,  # type: ignore[arg-type]
                theme_id,  # type: ignore[arg-type]
                issues,
            )
        )
    if problems:
        raise UploadError(problems)
    return parsed


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parse_for(
    consultation: Consultation, name: str, data: bytes, mapping: Mapping[str, str]
) -> list[ParsedResponse]:
    return parse(read_file(name, data), mapping, area_lookup(), theme_lookup(consultation))


def preview(
    consultation: Consultation, name: str, data: bytes, mapping: Mapping[str, str]
) -> Preview:
    """What applying the file would add, counted as the pages count; nothing is saved."""
    if consultation.imports.filter(file_hash=file_hash(data)).exists():
        return Preview(0, 0, Counter(), Counter(), {}, already_imported=True)
    parsed = _parse_for(consultation, name, data, mapping)
    known = set(consultation.responses.values_list("content_hash", flat=True))
    new = [p for p in parsed if p.content_hash not in known]
    theme_names = dict(Theme.objects.filter(plan=consultation.plan_id).values_list("id", "title"))
    return Preview(
        rows=len(parsed),
        new=len(new),
        by_area=rules.counts_by_area(p.area for p in new),
        by_theme=rules.counts_by_theme(theme_names.get(p.theme_id or 0, "") for p in new),
        top_issues=rules.top_issues_by_area((p.area, p.issues) for p in new),
    )


@transaction.atomic
def apply(
    user: User | None,
    consultation: Consultation,
    name: str,
    data: bytes,
    mapping: Mapping[str, str],
) -> SurveyImport | None:
    """Import the file: all rows or none; None when this very file was imported before."""
    digest = file_hash(data)
    if consultation.imports.filter(file_hash=digest).exists():
        return None
    parsed = _parse_for(consultation, name, data, mapping)
    known = set(consultation.responses.values_list("content_hash", flat=True))
    new = [p for p in parsed if p.content_hash not in known]
    survey_import = SurveyImport(
        consultation=consultation,
        file_name=name[:255],
        file_hash=digest,
        mapping=dict(mapping),
        rows_read=len(parsed),
        responses_added=len(new),
        imported_by=user,
    )
    attributed_to(survey_import, user, "Survey responses imported").save()
    _insert_responses(consultation, survey_import, new)
    return survey_import


INSERTED_FIELDS = (
    "consultation",
    "survey_import",
    "row",
    "content_hash",
    "responded_on",
    "area",
    "theme",
    "issues",
)


def _insert_responses(
    consultation: Consultation, survey_import: SurveyImport, new: list[ParsedResponse]
) -> None:
    """Insert the checked responses with the database's own `executemany`, in batches.

    `bulk_create` builds a model instance and a compiled statement per batch of a few
    hundred rows; for 100,000 responses that was nine tenths of the import. The values are
    prepared by the fields themselves (`get_db_prep_save`), so each database gets what
    Django would have sent it.
    """
    fields: list[Any] = [SurveyResponse._meta.get_field(name) for name in INSERTED_FIELDS]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(SurveyResponse._meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names from the model
    date_field, issues_field = fields[4], fields[7]
    with connection.cursor() as cursor:
        for start in range(0, len(new), BATCH):
            cursor.executemany(
                sql,
                [
                    (
                        consultation.pk,
                        survey_import.pk,
                        p.row,
                        p.content_hash,
                        date_field.get_db_prep_save(p.responded_on, connection),
                        p.area,
                        p.theme_id,
                        issues_field.get_db_prep_save(p.issues, connection),
                    )
                    for p in new[start : start + BATCH]
                ],
            )
