"""Trend lines as SVG coordinates, computed with the figures (never drawn on a page request).

No Django and no drawing library: a line is a list of polyline point strings (a missing value
breaks the line, it is not drawn as zero), scaled into a fixed box. Templates draw it as
inline SVG; the same figures are always in a table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

PADDING = 2


@dataclass(frozen=True)
class Line:
    width: int
    height: int
    segments: list[str]  # each a polyline's "x,y x,y ..." points
    low: Decimal
    high: Decimal
    first_label: str
    last_label: str
    baseline_y: float | None = None
    last_point: tuple[float, float] | None = None


def line(
    values: Sequence[tuple[str, Decimal | None]],
    *,
    width: int,
    height: int,
    baseline: Decimal | None = None,
) -> Line | None:
    """The points of a line through `values` (label, value), or None with fewer than two known
    values. The vertical scale runs from the lowest to the highest value (and the baseline,
    if given)."""
    known = [v for _, v in values if v is not None]
    if len(known) < 2:
        return None
    scale_values = [*known, *([baseline] if baseline is not None else [])]
    low, high = min(scale_values), max(scale_values)
    span = (high - low) or Decimal(1)
    step = (width - 2 * PADDING) / max(len(values) - 1, 1)

    def y(value: Decimal) -> float:
        return round(height - PADDING - float((value - low) / span) * (height - 2 * PADDING), 1)

    segments: list[str] = []
    current: list[str] = []
    last_point: tuple[float, float] | None = None
    for index, (_, value) in enumerate(values):
        if value is None:
            if len(current) > 1:
                segments.append(" ".join(current))
            current = []
            continue
        last_point = (round(PADDING + index * step, 1), y(value))
        current.append(f"{last_point[0]},{last_point[1]}")
    if len(current) > 1:
        segments.append(" ".join(current))
    return Line(
        width=width,
        height=height,
        segments=segments,
        low=low,
        high=high,
        first_label=values[0][0],
        last_label=values[-1][0],
        baseline_y=y(baseline) if baseline is not None else None,
        last_point=last_point,
    )
