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
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any, TypeVar

from django.db import connection, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pcplan.core import bulk
from pcplan.core.audit import attributed_to
from pcplan.core.models import User
from pcplan.core.office import csp_areas
from pcplan.engagement import rules
from pcplan.engagement.models import Consultation, SurveyImport, SurveyResponse
from pcplan.performance.uploads import (
    FileRows,
    UploadError,
    filled_rows,
    max_upload_bytes,
    read_rows,
)
from pcplan.plans.models import Theme

# The fields a response has, and whether the mapping must name a column for it.
FIELDS: dict[str, tuple[Any, bool]] = {
    "response_id": (gettext_lazy("Response ID"), False),
    "date": (gettext_lazy("Date"), False),
    "area": (gettext_lazy("Area"), True),
    "theme": (gettext_lazy("Theme"), False),
    "issues": (gettext_lazy("Issues raised"), True),
}
T = TypeVar("T")
# An Excel export is read in openpyxl's read-only (streaming) mode, so a survey's file is held
# by the upload size (PCPLAN_MAX_UPLOAD_BYTES) as a CSV is; this row cap only stops a sheet of
# formatted blank rows. The benchmark imports 100,000 responses.
EXCEL_MAX_ROWS = 200_000

__all__ = ["FIELDS", "UploadError", "apply", "max_upload_bytes", "parse", "preview", "read_file"]


@dataclass
class ParsedResponses:
    """The checked responses of a file, as columns: entry i of each list is response i.

    Columns rather than a tuple per row: 100,000 responses are then handled a column at a
    time by C loops (`map`, `zip`), and inserted from `zip` of the columns.
    """

    rows: list[int]
    content_hashes: list[str]
    responded_on: list[dt.date | None]
    areas: list[str]
    theme_ids: list[int | None]
    issues: list[tuple[str, ...]]  # shared by the rows that gave the same answer: never changed

    def __len__(self) -> int:
        return len(self.content_hashes)

    def without(self, known: Collection[str]) -> ParsedResponses:
        """The responses whose identity is not in `known` (those imported before)."""
        if not known:
            return self
        keep = [i for i, h in enumerate(self.content_hashes) if h not in known]
        if len(keep) == len(self):
            return self

        def kept(column: list[T]) -> list[T]:
            return [column[i] for i in keep]

        return ParsedResponses(
            kept(self.rows),
            kept(self.content_hashes),
            kept(self.responded_on),
            kept(self.areas),
            kept(self.theme_ids),
            kept(self.issues),
        )


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


def read_file(name: str, data: bytes) -> FileRows:
    """The rows of the file that hold something, header first, each with its row number in
    the file (blank rows counted, as the officer's spreadsheet program counts them)."""
    rows = filled_rows(read_rows(name, io.BytesIO(data), max_rows=EXCEL_MAX_ROWS))
    if not rows:
        raise UploadError([_("%(name)s is empty") % {"name": name}])
    return rows


def header(rows: FileRows) -> list[str]:
    return [str(c or "").strip() for c in rows.rows[0]]


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


def _columns(head: list[str], mapping: Mapping[str, str], number: int) -> dict[str, int]:
    """Where each mapped field is in the file; a wrong header (row `number` of the file) is
    refused, naming it."""
    problems = []
    where: dict[str, int] = {}
    lowered = [h.lower() for h in head]
    for name, (label, required) in FIELDS.items():
        column = (mapping.get(name) or "").strip()
        if not column:
            if required:
                problems.append(
                    _("Row %(row)s: choose the column that holds %(field)s")
                    % {"row": number, "field": label}
                )
            continue
        if column.lower() not in lowered:
            problems.append(
                _(
                    "Row %(row)s, column %(column)s: there is no such column in the file "
                    "(it has %(head)s)"
                )
                % {"row": number, "column": column, "head": ", ".join(head)}
            )
            continue
        where[name] = lowered.index(column.lower())
    if problems:
        raise UploadError(problems)
    return where


def _column(body: Sequence[Sequence[Any]], at: int | None) -> list[str]:
    """One field's cells, as stripped text: blank where the field is not mapped or a row
    stops short of its column."""
    if at is None:
        return [""] * len(body)
    try:
        cells: list[Any] = list(map(itemgetter(at), body))
    except IndexError:
        cells = [row[at] if at < len(row) else "" for row in body]
    try:  # a CSV's cells are all text
        return list(map(str.strip, cells))
    except TypeError:  # an Excel sheet's may be numbers, dates or empty
        return [v.strip() if isinstance(v, str) else _text(v) for v in cells]


def parse(
    rows: FileRows,
    mapping: Mapping[str, str],
    areas: Mapping[str, str],
    themes: Mapping[str, int],
) -> ParsedResponses:
    """Every data row as a response, or UploadError naming each bad row and column.

    Answers repeat (a few hundred dates, a dozen areas and themes, the issues offered), so
    each distinct answer in a column is checked once, and the rows are then mapped to the
    answers column by column.
    """
    head = header(rows)
    where = _columns(head, mapping, rows.numbers[0])
    body = rows.rows[1:]
    numbers = rows.numbers[1:]  # each row's number in the file, blank rows counted
    cells = [_column(body, where.get(name)) for name in FIELDS]
    _ids, date_texts, area_texts, theme_texts, issue_texts = cells
    # An Excel date cell is read as its text (`_text`), which `_date_text` reads back.
    dates: dict[str, dt.date | None] = {"": None}
    bad_dates = set()
    for text in set(date_texts).difference(dates):
        try:
            dates[text] = _date_text(text)
        except ValueError:
            bad_dates.add(text)
    area_of = {text: areas.get(text.lower()) for text in set(area_texts)}
    area_of[""] = rules.NOT_GIVEN
    theme_of = {text: themes.get(text.lower()) for text in set(theme_texts)}
    theme_of[""] = None
    bad_areas = {text for text, area in area_of.items() if area is None}
    bad_themes = {text for text, theme in theme_of.items() if text and theme is None}
    if bad_dates or bad_areas or bad_themes:
        names = {f: head[i] for f, i in where.items()}
        known_areas = ", ".join(sorted(set(areas.values()))) or _("(no areas set up)")
        problems = []
        for number, date_text, area_text, theme_text in zip(
            numbers, date_texts, area_texts, theme_texts, strict=True
        ):
            # One problem per row, the first of date, area and theme.
            if date_text in bad_dates:
                column, what = "date", _("enter a date such as 2022-12-21 or 21/12/2022")
            elif area_text in bad_areas:
                column = "area"
                what = _(
                    "“%(area)s” is not an area of this office: "
                    "enter one of %(known)s, or leave it blank"
                ) % {"area": area_text, "known": known_areas}
            elif theme_text in bad_themes:
                column = "theme"
                what = _("“%(theme)s” is not a theme of the consultation's plan") % {
                    "theme": theme_text
                }
            else:
                continue
            problems.append(
                _("Row %(row)s, column %(column)s: %(what)s")
                % {"row": number, "column": names[column], "what": what}
            )
        raise UploadError(problems)
    issues_of = {text: tuple(rules.split_issues(text)) for text in set(issue_texts)}
    return ParsedResponses(
        rows=list(numbers),
        content_hashes=rules.response_hashes(zip(*cells, strict=True)),
        responded_on=list(map(dates.__getitem__, date_texts)),
        areas=list(map(area_of.__getitem__, area_texts)),  # type: ignore[arg-type]
        theme_ids=list(map(theme_of.__getitem__, theme_texts)),
        issues=list(map(issues_of.__getitem__, issue_texts)),
    )


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parse_for(
    consultation: Consultation, name: str, data: bytes, mapping: Mapping[str, str]
) -> ParsedResponses:
    return parse(read_file(name, data), mapping, area_lookup(), theme_lookup(consultation))


def _known(consultation: Consultation) -> set[str]:
    """The identities of the consultation's responses imported before."""
    return set(consultation.responses.values_list("content_hash", flat=True))


def preview(
    consultation: Consultation, name: str, data: bytes, mapping: Mapping[str, str]
) -> Preview:
    """What applying the file would add, counted as the pages count; nothing is saved."""
    if consultation.imports.filter(file_hash=file_hash(data)).exists():
        return Preview(0, 0, Counter(), Counter(), {}, already_imported=True)
    with bulk.cycle_collector_paused():
        parsed = _parse_for(consultation, name, data, mapping)
        new = parsed.without(_known(consultation))
    theme_names = dict(Theme.objects.filter(plan=consultation.plan_id).values_list("id", "title"))
    return Preview(
        rows=len(parsed),
        new=len(new),
        by_area=rules.counts_by_area(new.areas),
        by_theme=rules.counts_by_theme(theme_names.get(t or 0, "") for t in new.theme_ids),
        top_issues=rules.top_issues_by_area(zip(new.areas, new.issues, strict=True)),
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
    with bulk.cycle_collector_paused():
        return _apply(user, consultation, name, data, mapping, digest)


def _apply(
    user: User | None,
    consultation: Consultation,
    name: str,
    data: bytes,
    mapping: Mapping[str, str],
    digest: str,
) -> SurveyImport:
    parsed = _parse_for(consultation, name, data, mapping)
    new = parsed.without(_known(consultation))
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
    "content_hash",
    "consultation",
    "survey_import",
    "row",
    "responded_on",
    "area",
    "theme",
    "issues",
)


def _insert_responses(
    consultation: Consultation, survey_import: SurveyImport, new: ParsedResponses
) -> None:
    """Insert the checked responses straight from their columns, never as model instances.

    Each distinct date and answer is prepared once by its field (`get_db_prep_save`), so
    each database gets what Django would have sent it; the rows are then `zip`ped from the
    columns and written with `core.bulk.insert_rows` (COPY on PostgreSQL, `executemany` on
    SQLite). `bulk_create` was nine tenths of the import: it builds a model instance and
    compiles a statement per batch. The rows go in in the order of their identity, so the
    unique index on it is filled from one end rather than at random: on SQLite that took
    three tenths off the insert's CPU time, for the few hundredths the sort costs.
    """
    fields: list[Any] = [SurveyResponse._meta.get_field(name) for name in INSERTED_FIELDS]
    date_field, issues_field = fields[4], fields[7]  # in INSERTED_FIELDS order
    dates = {d: date_field.get_db_prep_save(d, connection) for d in set(new.responded_on)}
    issues = {i: issues_field.get_db_prep_save(i, connection) for i in set(new.issues)}
    values = sorted(
        zip(
            new.content_hashes,
            repeat(consultation.pk),
            repeat(survey_import.pk),
            new.rows,
            map(dates.__getitem__, new.responded_on),
            new.areas,
            new.theme_ids,
            map(issues.__getitem__, new.issues),
        ),
        key=itemgetter(0),
    )
    with bulk.indexes_built_after(SurveyResponse):
        bulk.insert_rows(SurveyResponse, [f.column for f in fields], values)
