"""The grant agreement letter in the house format: HTML, PDF (reports.pdf) and Word (python-docx).

One list of sections feeds all three, so the PDF and the Word file say the same thing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from pcplan.core.office import current_office
from pcplan.grants.models import Award
from pcplan.lib.text import xml_safe
from pcplan.reports.pdf import html_to_pdf
from pcplan.reports.render import _set_metadata


@dataclass
class Section:
    heading: str
    paragraphs: list[str]


def title(award: Award) -> str:
    return _("Grant agreement %(reference)s") % {"reference": award.reference}


def _money(award: Award) -> str:
    if award.amount is None:
        return _("The amount is not recorded.")
    return f"£{award.amount:,.2f}"


def sections(award: Award) -> list[Section]:
    office = current_office()
    period = (
        _("From %(start)s to %(end)s.")
        % {"start": f"{award.starts_on:%-d %B %Y}", "end": f"{award.ends_on:%-d %B %Y}"}
        if award.starts_on and award.ends_on
        else _("The period of the grant is not recorded.")
    )
    returns = [f"{r.due_on:%-d %B %Y}" for r in award.returns.all()]
    return [
        Section(
            _("PURPOSE"),
            [
                _("The %(holder)s awards %(recipient)s a grant from the %(fund)s for: %(purpose)s")
                % {
                    "holder": office.holder,
                    "recipient": award.recipient.name,
                    "fund": award.fund.name,
                    "purpose": award.purpose,
                }
            ],
        ),
        Section(
            _("AMOUNT AND PAYMENT"),
            [_money(award), award.payment_schedule or _("Payment schedule: to be agreed.")],
        ),
        Section(_("PERIOD"), [period]),
        Section(
            _("CONDITIONS"), (award.conditions or _("No conditions are recorded.")).splitlines()
        ),
        Section(
            _("MONITORING"),
            [
                _(
                    "Monitoring returns, with spend to date, outputs and outcomes, "
                    "are due on: %(dates)s."
                )
                % {"dates": ", ".join(returns)}
                if returns
                else _("Monitoring returns will be agreed with the recipient.")
            ],
        ),
        Section(
            _("DECISION"),
            [
                _("Decision %(number)s of %(date)s, taken by %(maker)s.")
                % {
                    "number": award.decision_number or _("(not numbered)"),
                    "date": f"{award.decision_date:%-d %B %Y}"
                    if award.decision_date
                    else _("(date not recorded)"),
                    "maker": award.decision_maker or office.holder,
                },
                award.reasons,
            ],
        ),
    ]


def render_html(award: Award) -> str:
    office = current_office()
    return render_to_string(
        "grants/letter.html",
        {
            "award": award,
            "office": office,
            "title": title(award),
            "sections": sections(award),
            "today": timezone.localdate(),
        },
    )


def render_pdf(award: Award) -> bytes:
    return html_to_pdf(render_html(award), title=title(award))


def render_docx(award: Award) -> bytes:
    from docx import Document

    office = current_office()
    doc = Document()
    _set_metadata(doc, title=xml_safe(title(award)), subject=xml_safe(award.fund.name))
    doc.add_paragraph().add_run(xml_safe(office.name or office.holder)).bold = True
    doc.add_paragraph(f"{timezone.localdate():%-d %B %Y}")
    doc.add_paragraph(xml_safe(award.recipient.name))
    doc.add_paragraph(xml_safe(title(award).upper()), style="Title")
    for number, section in enumerate(sections(award), start=1):
        doc.add_paragraph(xml_safe(f"{number}. {section.heading}"), style="Heading 1")
        for text in section.paragraphs:
            if text:
                doc.add_paragraph(xml_safe(text), style="Body Text")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
