"""Engagement rules as pure functions: days open, retention, counts and the top issues.

Plain Python (no database), so the Panel report, the public pages and the benchmark all
count the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from operator import add, methodcaller

from pcplan.lib.text import xml_safe

NOT_GIVEN = ""
ISSUE_SEPARATOR = ";"
CELL_SEPARATOR = "\x1f"
OCCURRENCE_SEPARATOR = "\x1e"
_hexdigest = methodcaller("hexdigest")


def days_open(received_on: dt.date, closed_on: dt.date | None, today: dt.date) -> int:
    """Calendar days from receipt to closure, or to today while open (seed 002 item 7 §5.2:
    officers follow up concerns; the issue asks how long each has been open)."""
    end = closed_on or today
    return max((end - received_on).days, 0)


def erasure_due(closed_on: dt.date | None, today: dt.date, retention_days: int) -> bool:
    """Whether a concern's personal details must now be erased.

    UK GDPR Article 5(1)(e) (storage limitation): personal data kept no longer than needed.
    They are needed while the concern is open and for `retention_days` after it is closed
    (the office's retention schedule, setting PCPLAN_CONCERN_RETENTION_DAYS).
    """
    return closed_on is not None and closed_on <= today - dt.timedelta(days=retention_days)


def split_issues(text: str) -> list[str]:
    """The issues of one answer, "Bike theft; Speeding" -> ["Bike theft", "Speeding"], each
    XML-safe as every form's text is (`pcplan.lib.text.xml_safe`): they go into reports."""
    parts = xml_safe(text).split(ISSUE_SEPARATOR)
    return [part.strip() for part in parts if part.strip()]


def response_hash(cells: Sequence[str], occurrence: int) -> str:
    """A response's identity across imports: its mapped cells and which repeat of identical
    cells it is in its file, so a later, longer export of the same survey adds only new rows."""
    text = CELL_SEPARATOR.join(cells) + OCCURRENCE_SEPARATOR + str(occurrence)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def response_hashes(responses: Iterable[Sequence[str]]) -> list[str]:
    """`response_hash` of each response of one file, in file order, each identical repeat
    counted. The same formula, run a column at a time in C rather than a call per row."""
    keys = list(map(CELL_SEPARATOR.join, responses))
    if len(set(keys)) == len(keys):  # no repeats (a response ID column sees to that)
        texts: Iterable[str] = map(add, keys, repeat(OCCURRENCE_SEPARATOR + "1"))
    else:
        seen: Counter[str] = Counter()
        texts = []
        for key in keys:
            seen[key] += 1
            texts.append(f"{key}{OCCURRENCE_SEPARATOR}{seen[key]}")
    return list(map(_hexdigest, map(hashlib.sha256, map(str.encode, texts))))


def counts_by_area(areas: Iterable[str]) -> Counter[str]:
    """Responses per area (blank: not given)."""
    return Counter(areas)


def counts_by_theme(themes: Iterable[str]) -> Counter[str]:
    """Responses per theme named first (blank: none named)."""
    return Counter(themes)


def ranked(counter: Counter[str], n: int) -> list[tuple[str, int]]:
    """The `n` largest counts, ties in alphabetical order so the ranking is stable."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0].lower()))[:n]


def top_issues_by_area(
    responses: Iterable[tuple[str, Sequence[str]]], n: int = 5
) -> dict[str, list[tuple[str, int]]]:
    """The `n` issues raised most often in each area ("top five issues", seed 002 item 7
    §4.3), from (area, issues) pairs; an issue counts once per response.

    Answers repeat (a survey offers a list of issues to tick), so the distinct (area, answer)
    pairs are counted first, in C, and each pair's issues then once per pair, not per row.
    """
    return top_issues_of_answers(Counter((area, tuple(issues)) for area, issues in responses), n)


def top_issues_of_answers(
    answers: Mapping[tuple[str, tuple[str, ...]], int], n: int = 5
) -> dict[str, list[tuple[str, int]]]:
    """`top_issues_by_area` from each distinct (area, issues) answer and how many responses
    gave it (as a database's GROUP BY counts them)."""
    by_area: dict[str, Counter[str]] = {}
    for (area, issues), times in answers.items():
        counter = by_area.setdefault(area, Counter())
        for issue in set(issues):
            counter[issue] += times
    return {area: ranked(counter, n) for area, counter in sorted(by_area.items())}
