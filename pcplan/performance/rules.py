"""Pure rules for performance measures: rolling totals, change against baseline, judgement.

No Django here. Each function is tested on hand-computed examples
(tests/performance/test_rules.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"


class Judgement(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    NO_CHANGE = "no-change"
    NOT_KNOWN = "not-known"


# A change within ±2% of the baseline is reported as "no change". pcplan's decision (see
# docs/DECISIONS.md): recorded crime counts move by a few per cent from year to year by chance
# alone, and the Home Office's published national measures give no numeric band, so a small,
# stated band keeps pcplan from calling noise "better" or "worse".
NO_CHANGE_BAND_PERCENT = Decimal("2")


def add_months(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def rolling_totals(
    series: Sequence[tuple[dt.date, Decimal | int]], window: int = 12
) -> list[tuple[dt.date, Decimal | None]]:
    """The total of each month and the `window - 1` months before it.

    `series` is (first day of month, value), in any order, possibly with gaps. A total is
    None until a full window of consecutive months is available: a missing month is unknown,
    not zero.
    """
    values = {month: Decimal(value) for month, value in series}
    result: list[tuple[dt.date, Decimal | None]] = []
    for month in sorted(values):
        window_months = [add_months(month, -k) for k in range(window)]
        if all(m in values for m in window_months):
            result.append((month, sum((values[m] for m in window_months), Decimal(0))))
        else:
            result.append((month, None))
    return result


def change_percent(value: Decimal | int | None, baseline: Decimal | int | None) -> Decimal | None:
    """Change from baseline to value in per cent, to one decimal place; None if unknowable."""
    if value is None or baseline is None or Decimal(baseline) == 0:
        return None
    change = (Decimal(value) - Decimal(baseline)) / Decimal(baseline) * 100
    return change.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def judge(
    change: Decimal | None,
    direction: Direction | str,
    band: Decimal = NO_CHANGE_BAND_PERCENT,
) -> Judgement:
    """Better, worse or no change, given the change in % and which way is better."""
    if change is None:
        return Judgement.NOT_KNOWN
    if abs(change) <= band:
        return Judgement.NO_CHANGE
    went_up = change > 0
    if Direction(direction) == Direction.HIGHER_IS_BETTER:
        return Judgement.BETTER if went_up else Judgement.WORSE
    return Judgement.WORSE if went_up else Judgement.BETTER


def rolling_total_at(
    series: Sequence[tuple[dt.date, Decimal | int]], month: dt.date, window: int = 12
) -> Decimal | None:
    """The total of `month` and the `window - 1` months before it; None (unknown, not zero)
    if any of those months is missing from `series`."""
    values = {m: Decimal(v) for m, v in series}
    months = [add_months(month, -k) for k in range(window)]
    if not all(m in values for m in months):
        return None
    return sum((values[m] for m in months), Decimal(0))


def year_on_year(
    series: Sequence[tuple[dt.date, Decimal | int]], month: dt.date, window: int = 12
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(total of the 12 months to `month`, total of the same 12 months a year before, change
    in per cent). Each is None when a month it needs is missing: 24 consecutive months are
    needed for the change. Same period a year before: issue 16, "Trends and comparisons"."""
    current = rolling_total_at(series, month, window)
    before = rolling_total_at(series, add_months(month, -12), window)
    return current, before, change_percent(current, before)


def rate_per_thousand(count: Decimal | int | None, population: int | None) -> Decimal | None:
    """Crimes (or searches) per 1,000 residents, to one decimal place; None if unknowable."""
    if count is None or not population:
        return None
    rate = Decimal(count) * 1000 / Decimal(population)
    return rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def share_percent(part: int, whole: int) -> Decimal | None:
    """`part` as a per cent of `whole`, to one decimal place; None when `whole` is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def disproportionality(
    group_searches: int,
    group_population: int | None,
    base_searches: int,
    base_population: int | None,
) -> Decimal | None:
    """How many times more likely a person of the group is to be searched than a person of the
    comparison group (White, as the Home Office's "Police powers and procedures" statistics
    compare): the ratio of the two rates per 1,000 residents, to two decimal places. None when
    either population is unknown or the comparison group was never searched."""
    if not group_population or not base_population or not base_searches:
        return None
    group_rate = Decimal(group_searches) / Decimal(group_population)
    base_rate = Decimal(base_searches) / Decimal(base_population)
    return (group_rate / base_rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
