"""The per-theme status chart: a PNG drawn with matplotlib's Agg backend (no display needed)."""

from __future__ import annotations

import io

from pcplan.delivery.rules import Status
from pcplan.reports.progress import StatusSummary

# GOV.UK palette, one colour per status, in Status order; distinguishable in greyscale too.
COLOURS = {
    Status.NOT_STARTED: "#b1b4b6",
    Status.IN_PROGRESS: "#1d70b8",
    Status.COMPLETED: "#00703c",
    Status.ON_HOLD: "#f47738",
    Status.RESCHEDULED: "#d4351c",
    Status.BUSINESS_AS_USUAL: "#4c2c92",
}


def status_chart_png(summary: StatusSummary) -> bytes:
    """Stacked horizontal bars, one per theme; the same numbers as the summary table."""
    # Imported here: matplotlib is slow to load and only a report being drawn needs it.
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    titles = [title for title, _ in summary.rows]
    height = 1.2 + 0.5 * max(len(titles), 1)
    fig = Figure(figsize=(7.5, height), dpi=110)
    ax = fig.add_subplot()
    left = [0] * len(titles)
    for i, status in enumerate(summary.statuses):
        values = [counts[i] for _, counts in summary.rows]
        if not any(values):
            continue
        ax.barh(titles, values, left=left, color=COLOURS[status], label=status.label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("Deliverables")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    if any(left):
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.25 - 0.1 / height),
            ncol=3,
            frameon=False,
            fontsize="small",
        )
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()
