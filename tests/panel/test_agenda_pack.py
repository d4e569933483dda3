"""The agenda pack: one PDF, numbered continuously, with the agenda's page ranges filled in
from the real page counts (seed 002: items 3-10 run from page 3 to page 80)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from pcplan.panel import documents, services
from pcplan.panel.models import Action, AgendaItem, MinuteItem
from tests.panel.conftest import make_pdf


def pages_text(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def test_page_ranges_equal_the_real_page_counts(secretariat, held_meeting, next_meeting):
    MinuteItem.objects.create(
        meeting=held_meeting,
        number=40,
        title="Apologies for Absence",
        text="Apologies were received.",
    )
    Action.objects.create(meeting=held_meeting, item="Precept", action="Report back on social care")
    AgendaItem.objects.create(
        meeting=next_meeting,
        number=3,
        title="Minutes of the previous meeting",
        kind=AgendaItem.Kind.PREVIOUS_MINUTES,
    )
    AgendaItem.objects.create(
        meeting=next_meeting,
        number=4,
        title="Review Actions and Recommendations",
        kind=AgendaItem.Kind.ACTION_LOG,
    )
    AgendaItem.objects.create(
        meeting=next_meeting,
        number=5,
        title="Trust in Policing",
        kind=AgendaItem.Kind.STANDARD,
        report_pdf=make_pdf(7, "Culture Statement"),
    )
    AgendaItem.objects.create(meeting=next_meeting, number=6, title="Public Questions")

    pack = documents.agenda_pack(next_meeting)
    pages = pages_text(pack.pdf)
    assert len(pages) == pack.total_pages

    # Each range starts on the page where its document begins and spans its real page count.
    assert "MINUTES OF A MEETING OF THE" in pages[pack.ranges[3][0] - 1]
    assert "Review Actions and Recommendations" in pages[pack.ranges[4][0] - 1]
    first, last = pack.ranges[5]
    assert last - first + 1 == 7
    assert "Culture Statement page 1" in pages[first - 1]
    assert "Culture Statement page 7" in pages[last - 1]
    assert "Public report page 1" in pages[pack.ranges[1][0] - 1]
    assert pack.ranges[1][1] - pack.ranges[1][0] + 1 == 3
    # Ranges follow one another without gaps, after the front sheet.
    ordered = [pack.ranges[n] for n in sorted(pack.ranges)]
    for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
        assert start == end + 1
    assert ordered[-1][1] == pack.total_pages
    # The front sheet prints the same ranges; items without papers have none.
    front = pages[0]
    for number, (start, end) in pack.ranges.items():
        assert f"{start} - {end}" in front, number
    assert 2 not in pack.ranges  # the exempt item is left out of the public pack


def test_every_page_is_numbered_continuously(next_meeting):
    pack = documents.agenda_pack(next_meeting, include_exempt=True)
    for number, text in enumerate(pages_text(pack.pdf), start=1):
        assert re.search(rf"(^|\n){number}\s*$", text), (number, text[-40:])


def test_the_members_pack_includes_the_exempt_report(next_meeting):
    pack = documents.agenda_pack(next_meeting, include_exempt=True)
    assert pack.ranges[2][1] - pack.ranges[2][0] + 1 == 2
    assert "Exempt report page 1" in pages_text(pack.pdf)[pack.ranges[2][0] - 1]


def test_a_long_agenda_front_sheet_still_gets_the_right_ranges(next_meeting):
    for n in range(3, 60):
        AgendaItem.objects.create(
            meeting=next_meeting, number=n, title=f"Item {n} " + "words " * 20
        )
    AgendaItem.objects.create(
        meeting=next_meeting,
        number=60,
        title="Last report",
        kind=AgendaItem.Kind.STANDARD,
        report_pdf=make_pdf(2, "Last report"),
    )
    pack = documents.agenda_pack(next_meeting)
    pages = pages_text(pack.pdf)
    assert "Last report page 1" in pages[pack.ranges[60][0] - 1]
    assert pack.ranges[1][0] > 2  # the front sheet runs over more than one page


def test_filling_in_the_page_ranges_stores_them_on_the_agenda(secretariat, next_meeting):
    services.fill_page_ranges(secretariat, next_meeting)
    item = next_meeting.agenda_items.get(number=1)
    pack = documents.agenda_pack(next_meeting)
    assert (item.first_page, item.last_page) == pack.ranges[1]
