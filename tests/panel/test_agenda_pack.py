"""The agenda pack: one PDF, numbered continuously, with the agenda's page ranges filled in
from the real page counts (seed 002: items 3-10 run from page 3 to page 80)."""

from __future__ import annotations

import io
import re

from django.core.files.base import ContentFile
from pypdf import PdfReader

from pcplan.core.models import Office
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
        report_file=ContentFile(make_pdf(7, "Culture Statement"), name="report.pdf"),
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
        assert (f"{start} - {end}" if end > start else f"{start}") in front, number
    assert 2 not in pack.ranges  # the exempt item's papers are left out of the public pack


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
        report_file=ContentFile(make_pdf(2, "Last report"), name="report.pdf"),
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


def outline_titles(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return [(o.title, reader.get_destination_page_number(o) + 1) for o in reader.outline]


def test_a_one_page_paper_prints_one_page_number_not_a_range(next_meeting):
    AgendaItem.objects.create(
        meeting=next_meeting,
        number=3,
        title="One-page note",
        kind=AgendaItem.Kind.STANDARD,
        report_file=ContentFile(make_pdf(1, "Note"), name="report.pdf"),
    )
    pack = documents.agenda_pack(next_meeting)
    start, end = pack.ranges[3]
    assert start == end
    lines = pages_text(pack.pdf)[0].splitlines()
    assert any(line.endswith(f"One-page note {start}") for line in lines), lines
    assert f"{start} - {start}" not in pages_text(pack.pdf)[0]


def test_minutes_not_yet_written_leave_no_empty_page_in_the_pack(held_meeting, next_meeting):
    AgendaItem.objects.create(
        meeting=next_meeting,
        number=3,
        title="Minutes of the previous meeting",
        kind=AgendaItem.Kind.PREVIOUS_MINUTES,
    )
    pack = documents.agenda_pack(next_meeting)
    assert 3 not in pack.ranges
    assert pack.total_pages == 1 + 3  # the front sheet and the one public report
    assert all(text.strip() for text in pages_text(pack.pdf))


def test_the_pack_has_one_bookmark_per_agenda_item_with_papers(held_meeting, next_meeting):
    MinuteItem.objects.create(meeting=held_meeting, number=40, title="Apologies for Absence")
    AgendaItem.objects.create(
        meeting=next_meeting,
        number=3,
        title="Minutes of the previous meeting",
        kind=AgendaItem.Kind.PREVIOUS_MINUTES,
    )
    pack = documents.agenda_pack(next_meeting, include_exempt=True)
    assert outline_titles(pack.pdf) == [
        ("Agenda", 1),
        ("1. Approach to Communications and Engagement", pack.ranges[1][0]),
        ("3. Minutes of the previous meeting", pack.ranges[3][0]),
        ("2. Estates disposal – commercial terms", pack.ranges[2][0]),
    ]


def assert_tagged(pdf, title):
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert reader.metadata.title == title
    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712  # a pypdf BooleanObject
    assert "/StructTreeRoot" in root
    return reader


def struct_types(element, found=None):
    found = [] if found is None else found
    element = element.get_object()
    if hasattr(element, "get") and "/S" in element:
        found.append(element["/S"])
    kids = element.get("/K") if hasattr(element, "get") else None
    if kids is not None:
        kids = kids.get_object()
        for kid in kids if isinstance(kids, list) else [kids]:
            if not isinstance(kid, int):
                struct_types(kid, found)
    return found


def test_the_agenda_pack_is_a_tagged_pdf_with_a_title_and_a_language(held_meeting, next_meeting):
    Office.objects.create(panel_name="Shire Police and Crime Panel")
    MinuteItem.objects.create(meeting=held_meeting, number=40, title="Apologies for Absence")
    AgendaItem.objects.create(
        meeting=next_meeting,
        number=3,
        title="Minutes of the previous meeting",
        kind=AgendaItem.Kind.PREVIOUS_MINUTES,
    )
    pack = documents.agenda_pack(next_meeting)
    reader = assert_tagged(
        pack.pdf, f"Agenda pack, Shire Police and Crime Panel, {next_meeting.date:%-d %B %Y}"
    )
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    types = struct_types(tree["/K"][0])
    # The minutes (made by pcplan, tagged) join the pack's structure as a part of it.
    assert "/Part" in types
    minutes_start = pack.ranges[3][0]
    page = reader.pages[minutes_start - 1]
    heading = "MINUTES OF A MEETING OF THE SHIRE POLICE AND CRIME PANEL"
    assert heading in page.extract_text().replace("\n", " ")
    # Every tagged page finds its own entry in the tree, and no two pages share one.
    keys = [int(p["/StructParents"]) for p in reader.pages if "/StructParents" in p]
    assert "/StructParents" in reader.pages[0]  # the front sheet
    assert len(keys) == len(set(keys))
    nums = tree["/ParentTree"]["/Nums"]
    entries = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    assert page["/StructParents"] in entries
    page_ids = {p.indirect_reference.idnum for p in reader.pages}
    for key in keys:
        for element in entries[key]:
            element = element.get_object()
            if "/Pg" in element:
                assert element.raw_get("/Pg").idnum in page_ids


def test_the_public_pack_lists_exempt_items_with_their_paragraph_but_not_their_papers(
    next_meeting,
):
    AgendaItem.objects.filter(number=2).update(exempt_paragraph=3)
    pack = documents.agenda_pack(next_meeting)
    text = " ".join(pages_text(pack.pdf)).replace("\n", " ")
    assert "Estates disposal – commercial terms" in text
    assert "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972" in text
    assert "Exempt report" not in text
    members = " ".join(pages_text(documents.agenda_pack(next_meeting, include_exempt=True).pdf))
    assert "Exempt report page 1" in members


def test_a_tagged_uploaded_report_keeps_its_structure_in_the_pack(next_meeting):
    from pcplan.reports.pdf import html_to_pdf

    tagged = html_to_pdf("<h1>Tagged report</h1><p>Body</p>", title="Tagged report")
    AgendaItem.objects.create(
        meeting=next_meeting,
        number=3,
        title="Tagged",
        kind=AgendaItem.Kind.STANDARD,
        report_file=ContentFile(tagged, name="tagged.pdf"),
    )
    pack = documents.agenda_pack(next_meeting)
    reader = PdfReader(io.BytesIO(pack.pdf))
    types = struct_types(reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0])
    assert types.count("/Part") == 1  # the untagged report joins as pages only
    assert "/H1" in types
    page = reader.pages[pack.ranges[3][0] - 1]
    assert "/StructParents" in page
    untagged = reader.pages[pack.ranges[1][0] - 1]
    assert "/StructParents" not in untagged


def test_the_pack_takes_the_worst_values_the_fields_accept(next_meeting):
    item = AgendaItem.objects.get(meeting=next_meeting, number=2)
    item.title = "<b>&amp;</b> " + "W" * 280
    item.presenting_body = "P" * 120
    item.note = "Line one\nLine two " * 100
    item.exempt_paragraph = 7
    item.save()
    next_meeting.venue = "V" * 300
    next_meeting.title = "T" * 200
    next_meeting.save()
    pack = documents.agenda_pack(next_meeting, include_exempt=True)
    text = " ".join(pages_text(pack.pdf))
    assert "<b>&amp;</b>" in text
    assert "paragraph 7 of Part 1" in text.replace("\n", " ")
