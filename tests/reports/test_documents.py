"""The PDF and Word files, opened and read back: headings in order, every deliverable there."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from pypdf import PdfReader

from pcplan.reports.progress import BOARD, build_progress_report
from pcplan.reports.render import render_docx, render_html, render_pdf
from tests.reports.conftest import PREVIOUS_REPORT, THIS_REPORT

PANEL_HEADINGS = [
    "PURPOSE",
    "RECOMMENDATIONS",
    "TERMS OF REFERENCE",
    "BACKGROUND",
    "POLICE AND CRIME PLAN 2021-24 THEMES",
    "MONITORING DELIVERY OF THE PLAN",
    "BACKGROUND DOCUMENTS",
]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def demo_report(demo_plan):
    return build_progress_report(demo_plan, THIS_REPORT, PREVIOUS_REPORT)


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        if isinstance(item, list):
            titles.extend(outline_titles(item))
        else:
            titles.append(item.title)
    return titles


@pytest.mark.django_db
def test_the_pdf_has_the_sections_in_order_every_deliverable_and_page_numbers(demo_report):
    reader = PdfReader(io.BytesIO(render_pdf(demo_report)))
    text = squash(" ".join(page.extract_text() for page in reader.pages))

    positions = [text.index(f"{i}. {h}") for i, h in enumerate(PANEL_HEADINGS, start=1)]
    assert positions == sorted(positions)
    for entry in (e for t in demo_report.themes for e in t.entries):
        assert squash(entry.title) in text, entry.title
    pages = len(reader.pages)
    assert pages > 1
    for n, page in enumerate(reader.pages, start=1):
        assert f"Page {n} of {pages}" in page.extract_text()
    assert text.startswith("CAMBRIDGESHIRE POLICE AND CRIME PANEL")
    assert "Public Report" in text[:200]


@pytest.mark.django_db
def test_the_pdf_headings_are_bookmarks_and_the_file_is_tagged_in_english(demo_report):
    reader = PdfReader(io.BytesIO(render_pdf(demo_report)))

    titles = outline_titles(reader.outline)
    assert [f"{i}. {h}" for i, h in enumerate(PANEL_HEADINGS, start=1)] == [
        t for t in titles if re.match(r"^\d\. ", t)
    ]
    assert "5.3 Supporting Victims and Witnesses – Priorities for Action" in titles
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert str(root["/Lang"]).lower().startswith("en")


@pytest.mark.django_db
def test_the_word_file_uses_heading_styles_and_numbered_paragraphs(demo_report):
    doc = Document(io.BytesIO(render_docx(demo_report)))

    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1 == PANEL_HEADINGS
    h2 = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert h2[0] == "Putting Communities First – Priorities for Action"
    numbered = [p for p in doc.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert [p.text for p in numbered][:2] == ["PURPOSE", demo_report.fields.purpose]
    text = "\n".join(p.text for p in doc.paragraphs)
    for entry in (e for t in demo_report.themes for e in t.entries):
        assert entry.title in text
    assert "Completed deliverables / activities of note" in text
    footer_xml = doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml


@pytest.mark.django_db
def test_the_board_variant_has_the_boards_header_a_summary_table_and_a_described_chart(
    demo_plan,
):
    report = build_progress_report(demo_plan, THIS_REPORT, PREVIOUS_REPORT, kind=BOARD)

    text = squash(PdfReader(io.BytesIO(render_pdf(report))).pages[0].extract_text())
    assert text.startswith("To: Business Coordination Board From: Chief Executive Date: 15 March")
    assert "All themes 0 31 9 1 1 1 43" in text
    html = render_html(report)
    assert (
        'alt="Deliverables by status in each theme. '
        "Putting Communities First: 6 in progress, 3 completed" in html
    )
    assert "data:image/png;base64," in html
    doc = Document(io.BytesIO(render_docx(report)))
    [table] = doc.tables
    assert [c.text for c in table.rows[-1].cells] == [
        "All themes",
        "0",
        "31",
        "9",
        "1",
        "1",
        "1",
        "43",
    ]
    assert len(doc.inline_shapes) == 1
