"""Grants documents in the house format (header block, numbered sections in capitals):
one `HouseDocument` rendered as HTML, PDF (reports.pdf.html_to_pdf) and Word (python-docx),
so the PDF and the Word file always say the same thing."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from pcplan.lib.text import xml_safe
from pcplan.reports.pdf import html_to_pdf


@dataclass
class Section:
    heading: str
    paragraphs: list[str]
    table: list[list[str]] = field(default_factory=list)  # first row is the header


@dataclass
class HouseDocument:
    title: str
    subject: str
    header: list[str]
    sections: list[Section]
    closing: str = ""


def render_html(doc: HouseDocument) -> str:
    return render_to_string("grants/document.html", {"doc": doc})


def render_pdf(doc: HouseDocument) -> bytes:
    return html_to_pdf(render_html(doc), title=doc.title)


def render_docx(doc: HouseDocument) -> bytes:
    from docx import Document

    from pcplan.reports.render import _set_metadata  # the reports' own Word metadata

    word = Document()
    _set_metadata(word, title=xml_safe(doc.title), subject=xml_safe(doc.subject))
    for line in doc.header:
        word.add_paragraph().add_run(xml_safe(line)).bold = True
    word.add_paragraph(xml_safe(doc.title.upper()), style="Title")
    for number, section in enumerate(doc.sections, start=1):
        word.add_paragraph(xml_safe(f"{number}. {section.heading}"), style="Heading 1")
        for text in section.paragraphs:
            if text:
                word.add_paragraph(xml_safe(text), style="Body Text")
        if section.table:
            table = word.add_table(rows=0, cols=len(section.table[0]))
            table.style = "Table Grid"
            for row in section.table:
                cells = table.add_row().cells
                for cell, value in zip(cells, row, strict=True):
                    cell.text = xml_safe(value)
    if doc.closing:
        word.add_paragraph(xml_safe(doc.closing))
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
