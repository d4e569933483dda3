"""UK financial years, quarters and quarter spans, and a parser for the period texts
that Police and Crime Plan documents use for their targets.

The UK financial year runs from 1 April to 31 March: "2022/23" is 1 April 2022 to
31 March 2023. Its quarters are Q1 = April-June, Q2 = July-September,
Q3 = October-December and Q4 = January-March (so Q4 2022/23 is 1 January 2023 to
31 March 2023).

Accepted period texts (case-insensitive; extra spaces, and an en or em dash in place of
a hyphen, are tolerated)::

    Q4 2022/23          2022/23 Q4          2022-23 Q4          Q4 2022/2023
    Q3/Q4 2022/23       2022/23 Q3/Q4       Q1/Q2, 2023/24      Q3-Q4 2022/23
    Q1/Q2/Q3 2023/24
    Q4 2022/23 - Q1 2023/24    Q4 2022/23 – Q1 2023/24    Q4 2022/23 to Q1 2023/24

The first year must have four digits; the second year (two or four digits) must be the
year after it. Quarters listed within one year must be ascending and consecutive.
Anything else raises :class:`PeriodError`.

This module is pure Python and has no Django dependency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, datetime

__all__ = [
    "FinancialYear",
    "PeriodError",
    "Quarter",
    "QuarterSpan",
    "financial_year_end",
    "parse_period",
]


class PeriodError(ValueError):
    """A financial year, quarter or period is invalid, or a text cannot be parsed as one."""


# --------------------------------------------------------------------------- parsing aids

_PERIOD_FORMS = "'Q4 2022/23', '2022/23 Q3/Q4', 'Q1/Q2, 2023/24' or 'Q4 2022/23 – Q1 2023/24'"
_QUARTER_FORMS = "'Q4 2022/23' or '2022/23 Q4'"
_YEAR_FORMS = "'2022/23', '2022-23' or '2022/2023'"

# Dash-like characters that documents use where a hyphen is meant.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))

_YEAR = r"[0-9]+\s*[/-]\s*[0-9]+"
_QNUM = r"Q\s*[0-9]+"
_QGROUP = rf"{_QNUM}(?:\s*[/-]\s*{_QNUM})*"
_GAP = r"(?:\s*,\s*|\s+)"  # between quarters and year: spaces and/or one comma
_SINGLE = rf"(?:{_QNUM}{_GAP}{_YEAR}|{_YEAR}{_GAP}{_QNUM})"

_YEAR_RE = re.compile(r"(?P<first>[0-9]+)\s*[/-]\s*(?P<second>[0-9]+)")
_QNUM_RE = re.compile(r"Q\s*(?P<n>[0-9]+)", re.IGNORECASE)
_QUARTERS_THEN_YEAR_RE = re.compile(
    rf"(?P<quarters>{_QGROUP}){_GAP}(?P<year>{_YEAR})", re.IGNORECASE
)
_YEAR_THEN_QUARTERS_RE = re.compile(
    rf"(?P<year>{_YEAR}){_GAP}(?P<quarters>{_QGROUP})", re.IGNORECASE
)
_ACROSS_YEARS_RE = re.compile(
    rf"(?P<first>{_SINGLE})(?:\s*-\s*|\s+TO\s+)(?P<last>{_SINGLE})", re.IGNORECASE
)


class _Invalid(Exception):
    """Internal: a text was recognised enough to say what is wrong with it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _normalise(text: str) -> str:
    return " ".join(text.translate(_DASHES).split())


def _message(text: str, what: str, forms: str, reason: str | None) -> str:
    message = f"{text!r} is not {what}: expected a form such as {forms}"
    return f"{message} ({reason})" if reason else message


def _period_error(text: str, reason: str | None = None) -> PeriodError:
    return PeriodError(_message(text, "a financial-year period", _PERIOD_FORMS, reason))


def _year_from(text: str) -> FinancialYear:
    """Interpret a normalised year text such as "2022/23", "2022-23" or "2022/2023"."""
    match = _YEAR_RE.fullmatch(text)
    if match is None:
        raise _Invalid("")
    first, second = match["first"], match["second"]
    if len(first) != 4:
        raise _Invalid(f"the first year in {text!r} must have four digits, e.g. '2022/23'")
    start_year = int(first)
    if len(second) == 2:
        follows = int(second) == (start_year + 1) % 100
    elif len(second) == 4:
        follows = int(second) == start_year + 1
    else:
        follows = False
    if not follows:
        expected = f"{(start_year + 1) % 100:02d}"
        raise _Invalid(
            f"in {text!r} the second year must be the year after {first}, e.g. '{first}/{expected}'"
        )
    if not _MIN_START_YEAR <= start_year <= _MAX_START_YEAR:
        raise _Invalid(f"{text!r} is outside the supported range of years")
    return FinancialYear(start_year)


def _quarter_numbers(text: str) -> list[int]:
    """Interpret a normalised quarter list such as "Q3/Q4" or "Q1-Q2-Q3"."""
    numbers = [int(m["n"]) for m in _QNUM_RE.finditer(text)]
    for n in numbers:
        if not 1 <= n <= 4:
            raise _Invalid(f"there is no Q{n}: quarters run from Q1 to Q4")
    for before, after in zip(numbers, numbers[1:], strict=False):
        if after <= before:
            raise _Invalid("quarters must be listed in ascending order")
        if after != before + 1:
            raise _Invalid(f"quarters must be consecutive: Q{before} is not followed by Q{after}")
    return numbers


def _span_within_year(text: str) -> QuarterSpan | None:
    """A span within one financial year, or None when the text has another shape."""
    match = _QUARTERS_THEN_YEAR_RE.fullmatch(text) or _YEAR_THEN_QUARTERS_RE.fullmatch(text)
    if match is None:
        return None
    year = _year_from(match["year"])
    numbers = _quarter_numbers(match["quarters"])
    return QuarterSpan(Quarter(year, numbers[0]), Quarter(year, numbers[-1]))


def _span_from(text: str) -> QuarterSpan:
    """Interpret a normalised period text; raises _Invalid or returns a span."""
    if not text:
        raise _Invalid("the text is empty")
    across = _ACROSS_YEARS_RE.fullmatch(text)
    if across is not None:
        first, last = _span_from(across["first"]), _span_from(across["last"])
        if last.last < first.first:
            raise _Invalid(f"the span would end with {last.last}, before its start {first.first}")
        return QuarterSpan(first.first, last.last)
    span = _span_within_year(text)
    if span is None:
        raise _Invalid("")
    return span


# --------------------------------------------------------------------------- values

_MIN_START_YEAR = MINYEAR  # 1 April of year 1
_MAX_START_YEAR = MAXYEAR - 1  # 31 March of year 9999

# The first month of each quarter, and the (month, day) of its last day.
_QUARTER_FIRST_MONTH = {1: 4, 2: 7, 3: 10, 4: 1}
_QUARTER_LAST_DAY = {1: (6, 30), 2: (9, 30), 3: (12, 31), 4: (3, 31)}


def _as_date(d: date) -> date:
    """Treat a datetime as its calendar date, so it compares with dates."""
    return d.date() if isinstance(d, datetime) else d


@dataclass(frozen=True, order=True)
class FinancialYear:
    """A UK financial year, 1 April ``start_year`` to 31 March ``start_year + 1``."""

    start_year: int

    def __post_init__(self) -> None:
        if not _MIN_START_YEAR <= self.start_year <= _MAX_START_YEAR:
            raise PeriodError(
                f"financial year start {self.start_year} is outside the supported range "
                f"{_MIN_START_YEAR}..{_MAX_START_YEAR}"
            )

    @property
    def start(self) -> date:
        """1 April of the start year."""
        return date(self.start_year, 4, 1)

    @property
    def end(self) -> date:
        """31 March of the following year."""
        return date(self.start_year + 1, 3, 31)

    def __str__(self) -> str:
        return f"{self.start_year:04d}/{(self.start_year + 1) % 100:02d}"

    @classmethod
    def for_date(cls, d: date) -> FinancialYear:
        """The financial year containing ``d``."""
        d = _as_date(d)
        return cls(d.year if d.month >= 4 else d.year - 1)

    @classmethod
    def parse(cls, text: str) -> FinancialYear:
        """Parse "2022/23", "2022-23" or "2022/2023" (spaces and dashes tolerated)."""
        try:
            year = _year_from(_normalise(text))
        except _Invalid as exc:
            reason = "the text is empty" if not text.strip() else exc.reason
            raise PeriodError(_message(text, "a financial year", _YEAR_FORMS, reason)) from None
        return cls(year.start_year)

    def contains(self, d: date) -> bool:
        """Whether ``d`` falls within this financial year."""
        return self.start <= _as_date(d) <= self.end

    def quarter(self, n: int) -> Quarter:
        """Quarter ``n`` (1 to 4) of this financial year."""
        return Quarter(self, n)


@dataclass(frozen=True, order=True)
class Quarter:
    """Quarter ``number`` (1 = Apr-Jun ... 4 = Jan-Mar) of a financial year.

    Quarters order by time.
    """

    year: FinancialYear
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise PeriodError(f"quarter number must be 1 to 4, not {self.number!r}")

    @property
    def start(self) -> date:
        """The first day of the quarter."""
        calendar_year = self.year.start_year + (1 if self.number == 4 else 0)
        return date(calendar_year, _QUARTER_FIRST_MONTH[self.number], 1)

    @property
    def end(self) -> date:
        """The last day of the quarter."""
        calendar_year = self.year.start_year + (1 if self.number == 4 else 0)
        month, day = _QUARTER_LAST_DAY[self.number]
        return date(calendar_year, month, day)

    @property
    def index(self) -> int:
        """A running count of quarters: ``start_year * 4 + number - 1``."""
        return self.year.start_year * 4 + self.number - 1

    def __str__(self) -> str:
        return f"Q{self.number} {self.year}"

    @classmethod
    def from_index(cls, i: int) -> Quarter:
        """The quarter whose :attr:`index` is ``i``."""
        start_year, offset = divmod(i, 4)
        return cls(FinancialYear(start_year), offset + 1)

    @classmethod
    def for_date(cls, d: date) -> Quarter:
        """The quarter containing ``d``."""
        d = _as_date(d)
        return cls(FinancialYear.for_date(d), (d.month - 4) % 12 // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Parse a single quarter such as "Q4 2022/23" or "2022-23 Q4"."""
        try:
            span = _span_from(_normalise(text))
            if span.first != span.last:
                raise _Invalid(f"{span} is a span of quarters, not a single quarter")
        except _Invalid as exc:
            raise PeriodError(
                _message(text, "a financial-year quarter", _QUARTER_FORMS, exc.reason)
            ) from None
        return cls(span.first.year, span.first.number)

    def next(self) -> Quarter:
        """The following quarter."""
        return Quarter.from_index(self.index + 1)

    def previous(self) -> Quarter:
        """The preceding quarter."""
        return Quarter.from_index(self.index - 1)

    def contains(self, d: date) -> bool:
        """Whether ``d`` falls within this quarter."""
        return self.start <= _as_date(d) <= self.end

    def has_ended(self, on: date) -> bool:
        """Whether ``on`` is after the quarter's last day."""
        return _as_date(on) > self.end


@dataclass(frozen=True, order=True)
class QuarterSpan:
    """The consecutive quarters from ``first`` to ``last`` inclusive."""

    first: Quarter
    last: Quarter

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise PeriodError(f"a span cannot end with {self.last}, before its start {self.first}")

    @property
    def start(self) -> date:
        """The first day of the first quarter."""
        return self.first.start

    @property
    def end(self) -> date:
        """The last day of the last quarter."""
        return self.last.end

    def quarters(self) -> list[Quarter]:
        """Every quarter in the span, in order."""
        return [Quarter.from_index(i) for i in range(self.first.index, self.last.index + 1)]

    def __str__(self) -> str:
        if self.first == self.last:
            return str(self.first)
        if self.first.year == self.last.year:
            numbers = "/".join(f"Q{q.number}" for q in self.quarters())
            return f"{numbers} {self.first.year}"
        return f"{self.first} \u2013 {self.last}"

    @classmethod
    def single(cls, q: Quarter) -> QuarterSpan:
        """The span of one quarter."""
        return cls(q, q)

    @classmethod
    def parse(cls, text: str) -> QuarterSpan:
        """Parse a period text; see the module docstring for the accepted forms."""
        try:
            span = _span_from(_normalise(text))
        except _Invalid as exc:
            raise _period_error(text, exc.reason) from None
        return cls(span.first, span.last)

    def contains(self, x: date | Quarter) -> bool:
        """Whether a date, or a whole quarter, falls within the span."""
        if isinstance(x, Quarter):
            return self.first <= x <= self.last
        return self.start <= _as_date(x) <= self.end

    def overlaps(self, other: QuarterSpan) -> bool:
        """Whether the two spans share at least one quarter."""
        return self.first <= other.last and other.first <= self.last

    def has_ended(self, on: date) -> bool:
        """Whether the span's last quarter has ended by ``on``."""
        return self.last.has_ended(on)


def parse_period(text: str) -> QuarterSpan:
    """Parse a period text such as "Q4 2022/23" or "2022/23 Q3/Q4"; see QuarterSpan.parse."""
    return QuarterSpan.parse(text)


def financial_year_end(d: date) -> date:
    """31 March ending the financial year that contains ``d``.

    A Police and Crime Plan must be issued by 31 March of the financial year in which the
    Commissioner was elected (Police Reform and Social Responsibility Act 2011, s.5), so for
    an election on 6 May 2021 the deadline is ``financial_year_end(date(2021, 5, 6))``, that
    is 31 March 2022.
    """
    return FinancialYear.for_date(d).end
