"""Charts drawn on the server with matplotlib (Agg), as PNG data URIs with alt text.

The same numbers are always shown in a table beside the chart; the chart adds nothing the
table does not say.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import logging
from decimal import Decimal

from pcplan.performance.limits import EARLIEST_PERIOD
from pcplan.performance.series import MeasureSeries

logger = logging.getLogger(__name__)
# Matplotlib's dates end in 9999 and a bar is drawn days wide: periods in the last year it
# can show, or before the first date an observation may have, are left to the table.
LAST_CHARTED_PERIOD = dt.date(9998, 12, 31)

BLUE = "#1d70b8"
BLACK = "#0b0c0c"
GREY = "#b1b4b6"
RED = "#d4351c"


def _number(value: Decimal) -> str:
    text = f"{value:,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def alt_text(series: MeasureSeries) -> str:
    m = series.measure
    if not series.points:
        return f"{m.name}: no data yet."
    first, last = series.points[0], series.points[-1]
    text = (
        f"Chart of {m.name}, {m.unit}, from {first.label} to {last.label}: "
        f"bars show each period's value"
    )
    if series.shows_rolling:
        text += "; a line shows the 12-month rolling total (right-hand scale)"
    if series.baseline is not None:
        text += f"; a dashed line shows the baseline, {_number(series.baseline)}"
    return text + ". The table below gives the same figures."


def chart_png(series: MeasureSeries) -> str:
    """A data: URI of the chart, or "" when there is nothing to draw or it cannot be drawn.

    The table beside the chart always gives the figures, so a value the chart cannot show
    (stored before the upload limits, or written straight to the database) costs the chart,
    never the page.
    """
    try:
        return _chart_png(series)
    except (ValueError, OverflowError, ArithmeticError):
        logger.warning("Chart of measure %s could not be drawn", series.measure.key, exc_info=True)
        return ""


def _chart_png(series: MeasureSeries) -> str:
    points = [p for p in series.points if EARLIEST_PERIOD <= p.period_start <= LAST_CHARTED_PERIOD]
    if not points:
        return ""
    labels = [p.period_start for p in points]
    # Imported here, not at the top: matplotlib takes longer to load than the rest of pcplan,
    # and only a page with a chart needs it (every worker and `pcplan` command would pay).
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 3.2), dpi=90)
    try:
        width = 25 if series.granularity == "month" else 80
        values = [float(p.value or 0) for p in points]
        ax.bar(labels, values, width=width, color=GREY, label="Value")  # type: ignore[arg-type]
        ax.set_ylabel(series.measure.unit)
        baseline_axis = ax
        if series.shows_rolling:
            ax2 = ax.twinx()
            rolling = [(p.period_start, float(p.rolling)) for p in points if p.rolling]
            if rolling:
                xs, ys = zip(*rolling, strict=True)
                ax2.plot(xs, ys, color=BLUE, linewidth=2, marker="o", label="12-month total")
            ax2.set_ylabel("12-month total")
            baseline_axis = ax2
        if series.baseline is not None:
            baseline_axis.axhline(
                float(series.baseline), color=RED, linestyle="--", linewidth=1.5, label="Baseline"
            )
            if baseline_axis is not ax:
                low, high = baseline_axis.get_ylim()
                baseline_axis.set_ylim(0, max(high, float(series.baseline) * 1.1))
        handles, names = ax.get_legend_handles_labels()
        if baseline_axis is not ax:
            more_handles, more_names = baseline_axis.get_legend_handles_labels()
            handles, names = handles + more_handles, names + more_names
        ax.legend(handles, names, loc="lower left", fontsize="small", framealpha=0.9)
        ax.spines[["top"]].set_visible(False)
        fig.autofmt_xdate()
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
    finally:
        plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
