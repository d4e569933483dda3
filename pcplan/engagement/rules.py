"""Engagement rules as pure functions: days open, retention, counts and the top issues.

Plain Python (no database), so the Panel report, the public pages and the benchmark all
count the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence

NOT_GIVEN = ""
ISSUE_SEPARATOR = ";"


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
    """The issues of one answer, "Bike theft; Speeding" -> ["Bike theft", "Speeding"]."""
    return [part.strip() for part in text.split(ISSUE_SEPARATOR) if part.strip()]


def response_hash(cells: Sequence[str], occurrence: int) -> str:
    """A response's identity across imports: its mapped cells and which repeat of identical
    cells it is in its file, so a later, longer export of the same survey adds only new rows."""
    text = "\x1f".join(cells) + "\x1e" + str(occurrence)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    answers = Counter((area, tuple(issues)) for area, issues in responses)
    by_area: dict[str, Counter[str]] = {}
    for (area, issues), times in answers.items():
        counter = by_area.setdefault(area, Counter())
        for issue in set(issues):
            counter[issue] += times
    return {area: ranked(counter, n) for area, counter in sorted(by_area.items())}
