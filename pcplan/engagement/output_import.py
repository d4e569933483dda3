"""Communications output (press releases, social posts, statements...) imported in bulk.

A CSV or Excel file, one piece of output per row, with the columns Date, Kind, Title and
optionally Channel and Theme (docs/engagement-import.md, "Communications output"). The file is
read with the performance uploads' reader (size cap, Excel zip-bomb checks), every row is
checked, and any problem names its row and column; nothing is saved unless every row is good.

Importing the same file again adds nothing, and a later export that repeats earlier rows adds
only the new ones: a row is the same output as a record with the same date, kind, channel,
title and theme, and when a file holds several identical rows (a weekly post of the same
title on the same day) the n-th of them matches the n-th such record already kept.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from pcplan.core.models import User
from pcplan.engagement import permissions, surveys
from pcplan.engagement.models import CommsOutput
from pcplan.lib.text import xml_safe
from pcplan.performance.uploads import FileRows, UploadError
from pcplan.plans.models import Theme

# Column (lower case) -> its label in messages, and whether the file must have it.
COLUMNS: dict[str, tuple[Any, bool]] = {
    "date": (gettext_lazy("Date"), True),
    "kind": (gettext_lazy("Kind"), True),
    "channel": (gettext_lazy("Channel"), False),
    "title": (gettext_lazy("Title"), True),
    "theme": (gettext_lazy("Theme"), False),
}
MAX_ROWS = 20_000
TITLE_LENGTH = CommsOutput._meta.get_field("title").max_length or 300
CHANNEL_LENGTH = CommsOutput._meta.get_field("channel").max_length or 80
REASON = "Imported from a file"


class OutputRow(NamedTuple):
    row: int
    date: dt.date
    kind: str
    channel: str
    title: str
    theme_id: int | None

    @property
    def identity(self) -> tuple[dt.date, str, str, str, int | None]:
        return (self.date, self.kind, self.channel, self.title, self.theme_id)


@dataclass
class OutputPreview:
    rows: int
    new: list[OutputRow]
    by_kind: Counter[str] = field(default_factory=Counter)

    def kind_rows(self) -> list[tuple[str, int]]:
        """New output per kind, in the order of the kinds, with their labels."""
        return [(str(label), self.by_kind[value]) for value, label in CommsOutput.Kind.choices]


def kind_lookup() -> dict[str, str]:
    """Each kind's value and label, lower-cased, to its value ("press release" too)."""
    lookup: dict[str, str] = {}
    for value, label in CommsOutput.Kind.choices:
        lookup[value] = value
        lookup[value.replace("-", " ")] = value
        lookup[str(label).lower()] = value
    return lookup


def theme_lookup() -> dict[str, int | None]:
    """Each theme's title and short name, lower-cased, to its id; None when several plans'
    themes share it (then the file must name it as plan/theme)."""
    lookup: dict[str, int | None] = {}
    for pk, key, title, plan_key in Theme.objects.values_list("id", "key", "title", "plan__key"):
        lookup[f"{plan_key}/{key}".lower()] = pk
        for name in {key.lower(), title.lower()}:
            lookup[name] = pk if lookup.get(name, pk) == pk else None
    return lookup


def _columns(head: list[str], number: int) -> dict[str, int]:
    """Where each column is; a wrong header (row `number` of the file) is refused."""
    lowered = [h.strip().lower() for h in head]
    problems = []
    missing = [str(COLUMNS[c][0]) for c, (_l, required) in COLUMNS.items() if required]
    missing = [label for label in missing if label.lower() not in lowered]
    expected = ", ".join(str(label) for label, _r in COLUMNS.values())
    if missing:
        problems.append(
            _("Row %(row)s: missing columns %(missing)s (expected %(expected)s)")
            % {"row": number, "missing": ", ".join(missing), "expected": expected}
        )
    unknown = [h for h, low in zip(head, lowered, strict=True) if low and low not in COLUMNS]
    if unknown:
        problems.append(
            _("Row %(row)s, column %(column)s: not a column of this import (expected %(expected)s)")
            % {"row": number, "column": ", ".join(unknown), "expected": expected}
        )
    if problems:
        raise UploadError(problems)
    return {name: lowered.index(name) for name in COLUMNS if name in lowered}


def parse(rows: FileRows, kinds: dict[str, str], themes: dict[str, int | None]) -> list[OutputRow]:
    """Every data row as output, or UploadError naming each bad row and column (the row
    as the file numbers it, blank rows counted)."""
    head = surveys.header(rows)
    where = _columns(head, rows.numbers[0])
    if len(rows.rows) - 1 > MAX_ROWS:
        raise UploadError([_("The file has more than %(max)s rows") % {"max": f"{MAX_ROWS:,}"}])
    problems: list[str] = []
    parsed: list[OutputRow] = []
    for number, row in rows.body():
        cells = {
            name: row[at] if at < len(row) else "" for name, at in where.items()
        }  # absent columns read as blank
        # As the form cleans them (CommsOutputForm): nothing XML cannot hold.
        text = {name: xml_safe(surveys._text(value)).strip() for name, value in cells.items()}
        found: list[str] = []

        def problem(name: str, what: str, found: list[str] = found, number: int = number) -> None:
            found.append(name)
            problems.append(
                _("Row %(row)s, column %(column)s: %(what)s")
                % {"row": number, "column": head[where[name]], "what": what}
            )

        date: dt.date | None = None
        try:
            date = surveys._date(cells["date"])
        except ValueError:
            pass
        if date is None:
            problem("date", _("enter a date such as 2022-12-21 or 21/12/2022"))
        kind = kinds.get(text["kind"].lower())
        if kind is None:
            problem(
                "kind",
                _("“%(kind)s” is not a kind of output: enter one of %(known)s")
                % {
                    "kind": text["kind"],
                    "known": ", ".join(str(label) for _v, label in CommsOutput.Kind.choices),
                },
            )
        title = text["title"]
        if not title:
            problem("title", _("enter the title"))
        elif len(title) > TITLE_LENGTH:
            problem("title", _("at most %(n)s characters") % {"n": TITLE_LENGTH})
        channel = text.get("channel", "")
        if len(channel) > CHANNEL_LENGTH:
            problem("channel", _("at most %(n)s characters") % {"n": CHANNEL_LENGTH})
        theme_text = text.get("theme", "")
        theme_id = themes.get(theme_text.lower()) if theme_text else None
        if theme_text and theme_id is None:
            problem(
                "theme",
                _(
                    "“%(theme)s” is not a theme of one plan: enter a theme's title or short "
                    "name, or plan/theme short names when several plans have it"
                )
                % {"theme": theme_text},
            )
        if found or date is None or kind is None:
            continue
        parsed.append(OutputRow(number, date, kind, channel, title, theme_id))
    if problems:
        raise UploadError(problems)
    return parsed


def _new_rows(parsed: list[OutputRow]) -> list[OutputRow]:
    """The rows not already kept: the n-th identical row matches the n-th identical record."""
    if not parsed:
        return []
    first = min(p.date for p in parsed)
    last = max(p.date for p in parsed)
    kept: Counter[tuple[Any, ...]] = Counter(
        CommsOutput.objects.between(first, last).values_list(
            "date", "kind", "channel", "title", "theme_id"
        )
    )
    seen: Counter[tuple[Any, ...]] = Counter()
    new = []
    for p in parsed:
        seen[p.identity] += 1
        if seen[p.identity] > kept[p.identity]:
            new.append(p)
    return new


def _read(name: str, data: bytes) -> list[OutputRow]:
    return parse(surveys.read_file(name, data), kind_lookup(), theme_lookup())


def preview(name: str, data: bytes) -> OutputPreview:
    """What importing the file would add; nothing is saved."""
    parsed = _read(name, data)
    new = _new_rows(parsed)
    return OutputPreview(rows=len(parsed), new=new, by_kind=Counter(p.kind for p in new))


@transaction.atomic
def apply(user: User | None, name: str, data: bytes) -> OutputPreview:
    """Import the file: all rows or none, each new record audited (its history row names
    the importer, or no one when run from the command line)."""
    if user is not None and not permissions.may_run_engagement(user):
        raise PermissionDenied(permissions.REFUSAL)
    result = preview(name, data)
    bulk_create_with_history(
        [
            CommsOutput(
                date=p.date, kind=p.kind, channel=p.channel, title=p.title, theme_id=p.theme_id
            )
            for p in result.new
        ],
        CommsOutput,
        default_user=user,
        default_change_reason=f"{REASON}: {name}"[:100],
    )
    return result
