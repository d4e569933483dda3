"""The Panel report "Approach to Communications and Engagement", in the house format of seed
002 item 6, generated from the records: every figure is counted, none typed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from pcplan.core.office import current_office
from pcplan.engagement import summary
from pcplan.engagement.models import CommsObjective, Concern, Consultation, Event, Finding
from pcplan.reports.pdf import html_to_pdf


@dataclass(frozen=True)
class ReportRequest:
    start: dt.date
    end: dt.date
    meeting_date: dt.date | None = None
    agenda_item: str = ""


def report_context(request: ReportRequest) -> dict[str, Any]:
    """What the report states, all read from published or counted records.

    Surveys are the consultations open during the period (published ones: the report is a
    public paper); events named are the published ones; concerns appear as counts and the
    published anonymised examples only.
    """
    consultations = Consultation.objects.public().filter(
        opens_on__lte=request.end, opens_on__gte=request.start
    )
    events = Event.objects.public().filter(date__gte=request.start, date__lte=request.end)
    concerns = Concern.objects.filter(received_on__gte=request.start, received_on__lte=request.end)
    return {
        "office": current_office(),
        "request": request,
        "figures": summary.output_figures(request.start, request.end),
        "surveys": [(c, summary.survey_results(c)) for c in consultations],
        "round_tables": events.filter(kind=Event.Kind.ROUND_TABLE).only(
            "title", "date", "place", "issues_raised"
        ),
        "concern_counts": summary.concern_counts(concerns),
        "examples": concerns.published_examples().only(
            "id", "topic", "area", "outcome", "public_example"
        ),
        "findings": Finding.objects.public().select_related("consultation", "theme"),
        "objectives": CommsObjective.objects.select_related("theme"),
    }


def report_html(request: ReportRequest) -> str:
    return render_to_string("engagement/pdf/approach.html", report_context(request))


def report_pdf(request: ReportRequest) -> bytes:
    office = current_office()
    title = _("%(holder)s's approach to communications and engagement") % {"holder": office.holder}
    return html_to_pdf(report_html(request), title=title)
