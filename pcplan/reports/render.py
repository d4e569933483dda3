"""The report as a document: HTML (preview and file), PDF (WeasyPrint) and Word (python-docx).

All three are drawn from the same `ProgressReport` data, so they say the same thing.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from pcplan.core.dates import long_date
from pcplan.core.office import current_office
from pcplan.lib.text import xml_safe
from pcplan.reports.chart import status_chart_png
from pcplan.reports.pdf import html_to_pdf
from pcplan.reports.progress import BOARD, ProgressReport, ReportError

FONT = "Arial"  # Liberation Sans stands in for it on Debian: same metrics.
LANGUAGE = "en-GB"


def document_context(report: ProgressReport) -> dict[str, Any]:
    chart_src = ""
    if report.kind == BOARD and report.summary is not None:
        png = status_chart_png(report.summary)
        chart_src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return {"report": report, "chart_src": chart_src}


def render_html(report: ProgressReport) -> str:
    """A standalone HTML document, with the print styles the PDF uses."""
    return render_to_string("reports/document.html", document_context(report))


def render_pdf(report: ProgressReport) -> bytes:
    """A4 PDF with page numbers; headings become bookmarks; tagged as PDF/UA-1."""
    return html_to_pdf(render_html(report), title=report.title)


def render_docx(report: ProgressReport) -> bytes:
    """Word with real "Heading 1/2/3" styles and Word's own paragraph numbering (1., 1.1)."""
    doc = Document()
    _set_base_style(doc)
    num_id = _add_report_numbering(doc)
    _set_metadata(doc, title=xml_safe(report.title), subject=xml_safe(report.plan_title))
    f = report.fields
    if report.kind == BOARD:
        for label, value in (
            (_("To"), f.panel_name),
            (_("From"), f.report_of),
            (_("Date"), long_date(f.meeting_date)),
        ):
            p = doc.add_paragraph()
            p.add_run(f"{label}: ").bold = True
            p.add_run(xml_safe(value))
    else:
        _two_sided(
            doc,
            f.panel_name.upper(),
            _("Agenda Item No. %(item)s") % {"item": f.agenda_item} if f.agenda_item else "",
        )
        _two_sided(doc, long_date(f.meeting_date), _("Public Report"))
        doc.add_paragraph().add_run(
            xml_safe(_("Report of %(who)s") % {"who": f.report_of})
        ).bold = True
    doc.add_paragraph().add_run(
        xml_safe(_("Contact Officer – %(officer)s") % {"officer": f.contact_officer})
    ).bold = True
    if f.contact_details:
        doc.add_paragraph().add_run(
            xml_safe(_("Contact Details – %(details)s") % {"details": f.contact_details})
        ).bold = True
    doc.add_paragraph(xml_safe(report.title.upper()), style="Title")
    # Looking a style up by name scans every style; with hundreds of deliverables that adds up.
    body, bullet_style, continued, h3 = (
        doc.styles[name] for name in ("Body Text", "List Bullet", "List Continue", "Heading 3")
    )

    for section in report.sections:
        _numbered(doc.add_paragraph(xml_safe(section.heading), style="Heading 1"), num_id, 0)
        for para in section.paragraphs:
            p = doc.add_paragraph(xml_safe(para.text), style=body)
            if para.number:
                _numbered(p, num_id, 1)
            else:
                p.paragraph_format.left_indent = Cm(1.27)
            for item in para.items:
                bullet = doc.add_paragraph(xml_safe(item), style=bullet_style)
                bullet.paragraph_format.left_indent = Cm(1.9)
        if section.number == "3" and report.kind == BOARD and report.summary is not None:
            _summary_table(doc, report)
        for theme in section.themes:
            _numbered(
                doc.add_paragraph(
                    xml_safe(_("%(theme)s – Priorities for Action") % {"theme": theme.title}),
                    style="Heading 2",
                ),
                num_id,
                1,
            )
            if theme.aim:
                p = doc.add_paragraph(style=body)
                p.add_run(_("What we will do: ")).bold = True
                p.add_run(xml_safe(theme.aim))
            lists = theme.lists()
            if not lists:
                doc.add_paragraph(_("No deliverables to report under this theme."), style=body)
            for heading, entries in lists:
                doc.add_paragraph(xml_safe(heading.label), style=h3)
                for e in entries:
                    title = doc.add_paragraph(style=bullet_style)
                    title.add_run(xml_safe(e.title)).bold = True
                    if e.update_text:
                        p = doc.add_paragraph(style=continued)
                        p.add_run(_("Update: ")).bold = True
                        p.add_run(xml_safe(e.update_text))
    _page_numbers(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _set_metadata(doc: DocxDocument, *, title: str, subject: str) -> None:
    """The office's own metadata, in place of python-docx's template's ("python-docx",
    23 December 2013, American English): made now, by the office, in British English."""
    office_name = current_office().name or settings.PCPLAN_SITE_NAME
    now = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    core = doc.core_properties
    core.title = title
    core.subject = subject
    core.author = office_name
    core.last_modified_by = office_name
    core.created = now
    core.modified = now
    core.revision = 1
    core.comments = ""
    core.language = LANGUAGE
    # Word takes the proofing language of text from the document's default run properties,
    # and that of theme fonts from the settings; the template says en-US in both.
    for lang in doc.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)
    for lang in doc.settings.element.iter(qn("w:themeFontLang")):
        lang.set(qn("w:val"), LANGUAGE)


def _set_base_style(doc: DocxDocument) -> None:
    for name in ("Normal", "Body Text", "Title", "Heading 1", "Heading 2", "Heading 3"):
        style = doc.styles[name]
        style.font.name = FONT
    doc.styles["Normal"].font.size = Pt(11)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        font = doc.styles[name].font
        font.size = Pt(13 if name == "Title" else 12 if name == "Heading 1" else 11)
        font.bold = True
        font.color.rgb = None
    for section in doc.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2)


def _add_report_numbering(doc: DocxDocument) -> int:
    """A two-level list, "1." for section headings and "1.1" for their paragraphs."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [
        int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))
    ]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=0) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "multilevel")
    abstract.append(multi)
    for level, text in ((0, "%1."), (1, "%1.%2")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, val in (
            ("w:start", "1"),
            ("w:numFmt", "decimal"),
            ("w:lvlText", text),
            ("w:lvlJc", "left"),
        ):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), "720")
        ind.set(qn("w:hanging"), "720")
        ppr.append(ind)
        lvl.append(ppr)
        abstract.append(lvl)
    # abstractNum elements must come before num elements in numbering.xml.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    return num_id


def _numbered(paragraph: DocxParagraph, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(nid)
    ppr.insert_element_before(num_pr, "w:spacing", "w:ind", "w:jc", "w:rPr")


def _two_sided(doc: DocxDocument, left: str, right: str) -> None:
    """A header line with text at both margins, by a right-aligned tab stop."""
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Cm(17), alignment=2)  # WD_TAB_ALIGNMENT.RIGHT
    p.add_run(xml_safe(left)).bold = True
    if right:
        p.add_run("\t")
        p.add_run(xml_safe(right)).bold = True


def _summary_table(doc: DocxDocument, report: ProgressReport) -> None:
    summary = report.summary
    assert summary is not None  # noqa: S101
    doc.add_paragraph(
        _("Deliverables in each theme by status as of %(date)s")
        % {"date": long_date(report.as_of)},
        style="Caption",
    )
    table = doc.add_table(rows=1, cols=len(summary.statuses) + 2)
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text = _("Theme")
    for i, s in enumerate(summary.statuses, start=1):
        header[i].text = xml_safe(s.label)
    header[-1].text = _("Total")
    for title, counts in [*summary.rows, (_("All themes"), summary.totals)]:
        cells = table.add_row().cells
        cells[0].text = xml_safe(title)
        for i, n in enumerate(counts, start=1):
            cells[i].text = str(n)
        cells[-1].text = str(sum(counts))
    png = status_chart_png(summary)
    doc.add_picture(io.BytesIO(png), width=Cm(16))
    picture = doc.inline_shapes[-1]
    picture._inline.docPr.set("descr", xml_safe(summary.text()))
    doc.add_paragraph(
        _("Deliverables by status in each theme (the numbers are in the table above)."),
        style="Caption",
    )


def _page_numbers(doc: DocxDocument) -> None:
    """ "Page N" in the footer, as a PAGE field Word keeps up to date."""
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(_("Page "))
    run = footer.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def render(report: ProgressReport, fmt: str) -> bytes:
    """The report in one of the formats "html", "pdf" or "docx"."""
    if fmt == "html":
        return render_html(report).encode("utf-8")
    if fmt == "pdf":
        return render_pdf(report)
    if fmt == "docx":
        return render_docx(report)
    raise ReportError(f"Unknown format {fmt!r}: expected one of html, pdf, docx.")
