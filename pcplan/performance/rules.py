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


JUDGEMENT_LABELS = {
    Judgement.BETTER: "Better than baseline",
    Judgement.WORSE: "Worse than baseline",
    Judgement.NO_CHANGE: "No significant change",
    Judgement.NOT_KNOWN: "Not known",
}

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
