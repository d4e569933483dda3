"""The Panel's own documents as PDF: the precept report and the agenda pack.

Pages are rendered from HTML with WeasyPrint and put together with pypdf. The agenda pack is
made in two passes: every section is rendered and counted, the front sheet is rendered again
with the real page ranges, and the whole pack is numbered continuously.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

from pcplan.panel.models import AgendaItem, Meeting, Precept
from pcplan.panel.review import open_actions, open_recommendations


def html_to_pdf(html: str) -> bytes:
    result: bytes = HTML(string=html).write_pdf()
    return result


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def precept_report_pdf(the_precept: Precept) -> bytes:
    """'Recommendation following consideration of the report from the Police and Crime
    Commissioner on the precept', in the house format of seed 002."""
    return html_to_pdf(render_to_string("panel/pdf/precept_report.html", {"precept": the_precept}))


@dataclass
class Section:
    item: AgendaItem
    pdf: bytes
    pages: int = 0


@dataclass
class AgendaPack:
    pdf: bytes
    ranges: dict[int, tuple[int, int]] = field(default_factory=dict)  # item number -> pages
    total_pages: int = 0


def minutes_pdf(meeting: Meeting, *, include_exempt: bool = False) -> bytes:
    minutes = meeting.minute_items.prefetch_related("questions")
    if not include_exempt:
        minutes = minutes.filter(is_exempt=False)
    return html_to_pdf(
        render_to_string(
            "panel/pdf/minutes.html",
            {
                "meeting": meeting,
                "minute_items": minutes,
                "attendances": meeting.attendances.select_related("member", "substitute_for"),
                "others": meeting.others_present.all(),
                "declarations": meeting.declarations.select_related("member", "agenda_item"),
            },
        )
    )


def action_log_pdf(meeting: Meeting) -> bytes:
    return html_to_pdf(
        render_to_string(
            "panel/pdf/action_log.html",
            {
                "meeting": meeting,
                "actions": open_actions(meeting),
                "recommendations": open_recommendations(meeting),
            },
        )
    )


def _sections(meeting: Meeting, *, include_exempt: bool) -> list[Section]:
    previous = meeting.previous()
    sections = []
    for item in meeting.agenda_items.all():
        if item.is_exempt and not include_exempt:
            continue
        if item.kind == AgendaItem.Kind.PREVIOUS_MINUTES and previous is not None:
            sections.append(Section(item, minutes_pdf(previous, include_exempt=include_exempt)))
        elif item.kind == AgendaItem.Kind.ACTION_LOG:
            sections.append(Section(item, action_log_pdf(meeting)))
        elif item.report_pdf:
            sections.append(Section(item, bytes(item.report_pdf)))
    for section in sections:
        section.pages = page_count(section.pdf)
    # Exempt papers go at the back, so the public pack's page ranges match the members' pack.
    return sorted(sections, key=lambda s: s.item.is_exempt)


def _front_sheet(
    meeting: Meeting, ranges: dict[int, tuple[int, int]], include_exempt: bool
) -> bytes:
    items = [i for i in meeting.agenda_items.all() if include_exempt or not i.is_exempt]
    rows = [(item, ranges.get(item.number)) for item in items]
    return html_to_pdf(
        render_to_string("panel/pdf/front_sheet.html", {"meeting": meeting, "rows": rows})
    )


def _page_numbers(total: int) -> PdfReader:
    html = render_to_string("panel/pdf/page_numbers.html", {"pages": range(total)})
    return PdfReader(io.BytesIO(html_to_pdf(html)))


def agenda_pack(meeting: Meeting, *, include_exempt: bool = False) -> AgendaPack:
    sections = _sections(meeting, include_exempt=include_exempt)
    ranges: dict[int, tuple[int, int]] = {}
    front = _front_sheet(meeting, ranges, include_exempt)
    # Two passes, repeated only if filling in the ranges changed the front sheet's length.
    for _ in range(3):
        front_pages = page_count(front)
        ranges = {}
        start = front_pages + 1
        for section in sections:
            ranges[section.item.number] = (start, start + section.pages - 1)
            start += section.pages
        front = _front_sheet(meeting, ranges, include_exempt)
        if page_count(front) == front_pages:
            break
    writer = PdfWriter()
    for part in [front, *(s.pdf for s in sections)]:
        writer.append(PdfReader(io.BytesIO(part)))
    numbers = _page_numbers(len(writer.pages))
    for page, overlay in zip(writer.pages, numbers.pages, strict=True):
        page.merge_page(overlay)
    out = io.BytesIO()
    writer.write(out)
    return AgendaPack(pdf=out.getvalue(), ranges=ranges, total_pages=len(writer.pages))
