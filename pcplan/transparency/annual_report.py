"""The annual report (PRSRA 2011 s.12): generated from the financial year's public records in
the house format (PDF and Word). Only public records go in, because the report is published:
public deliverables completed in the year, published decisions taken in it (never their exempt
part), the latest published national measures statement, the HMICFRS reports of the year,
the year's published grant awards, and its published consultations, events and answers."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from docx import Document

from pcplan.core.audit import attributed_to
from pcplan.core.dates import long_date
from pcplan.core.models import Office, User
from pcplan.core.office import current_office
from pcplan.core.periods import FinancialYear
from pcplan.delivery.models import Deliverable
from pcplan.engagement.models import Consultation, Event
from pcplan.engagement.models import Finding as EngagementFinding
from pcplan.grants.models import Award
from pcplan.lib.text import xml_safe
from pcplan.reports.pdf import html_to_pdf
from pcplan.transparency import permissions, services
from pcplan.transparency.models import AnnualReport, Decision, Inspection, MeasuresStatement


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


@dataclass
class AnnualReportContent:
    title: str
    year_label: str
    office: Office
    sections: list[Section]


def build_content(financial_year: int) -> AnnualReportContent:
    year = FinancialYear(financial_year)
    office = current_office()
    holder = office.holder
    between = (year.start, year.end)
    completed = (
        Deliverable.objects.public()
        .filter(completed_on__range=between)
        .select_related("theme")
        .order_by("theme__position", "title")
    )
    decisions = Decision.objects.public().filter(decided_on__range=between).order_by("decided_on")
    statement = MeasuresStatement.objects.public().filter(statement_date__lte=year.end).first()
    inspections = (
        Inspection.objects.public(timezone.localdate())
        .filter(published_on__range=between)
        .order_by("published_on")
    )
    sections = [
        Section(
            _("Introduction"),
            [
                _(
                    "This is the annual report of the %(holder)s on the exercise of the "
                    "office's functions in the financial year %(year)s and the progress made "
                    "in meeting the police and crime objectives of the plan (Police Reform and "
                    "Social Responsibility Act 2011, section 12)."
                )
                % {"holder": holder, "year": str(year)}
            ],
        ),
        Section(
            _("Delivery of the plan"),
            [_("Deliverables completed in the year:")]
            if completed
            else [_("No published deliverable was completed in the year.")],
            [f"{d.theme.title}: {d.title}" for d in completed],
        ),
        Section(
            _("Performance against the national crime and policing measures"),
            [_("From the statement of %(date)s.") % {"date": long_date(statement.statement_date)}]
            if statement
            else [_("No statement on the national measures had been published by the year's end.")],
            [
                f"{e.measure_name}: {e.judgement}"
                + (f" ({e.change_percent}%)" if e.change_percent is not None else "")
                for e in statement.entries.all()
            ]
            if statement
            else [],
        ),
        Section(
            _("Decisions"),
            [_("Decisions published for the year:")]
            if decisions
            else [_("No decision of the year has been published.")],
            [f"{long_date(d.decided_on)}: {d.title}" for d in decisions],
        ),
        Section(
            _("Inspections"),
            [_("HMICFRS reports published in the year:")]
            if inspections
            else [_("HMICFRS published no report on the force in the year.")],
            [f"{long_date(i.published_on)}: {i.title}" for i in inspections],
        ),
        grants_section(between),
        engagement_section(between),
    ]
    title = _("Annual Report %(year)s") % {"year": str(year)}
    return AnnualReportContent(title=title, year_label=str(year), office=office, sections=sections)


def _money(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def grants_section(between: tuple[dt.date, dt.date]) -> Section:
    """The year's published grant awards (the grants register's own meaning of public), by
    fund: how many and how much. An award whose amount the records do not give is counted,
    and said to be without an amount, rather than taken as nothing."""
    by_fund = (
        Award.objects.public()
        .filter(decision_date__range=between)
        .values("fund__name")
        .annotate(
            awards=Count("pk"),
            total=Sum("amount"),
            unknown=Count("pk", filter=Q(amount__isnull=True)),
        )
        .order_by("fund__name")
    )
    rows = list(by_fund)
    if not rows:
        return Section(_("Grants"), [_("No published grant award was made in the year.")])
    count = sum(r["awards"] for r in rows)
    total = sum((r["total"] or Decimal(0) for r in rows), Decimal(0))
    items = []
    for r in rows:
        line = ngettext(
            "%(fund)s: %(n)s award, %(total)s",
            "%(fund)s: %(n)s awards, %(total)s",
            r["awards"],
        ) % {"fund": r["fund__name"], "n": r["awards"], "total": _money(r["total"] or Decimal(0))}
        if r["unknown"]:
            line += " " + ngettext(
                "(%(n)s award without a recorded amount)",
                "(%(n)s awards without a recorded amount)",
                r["unknown"],
            ) % {"n": r["unknown"]}
        items.append(line)
    summary = ngettext(
        "%(n)s grant was awarded in the year, totalling %(total)s (Specified Information "
        "Order, Schedule para 3(f); the grants register lists each).",
        "%(n)s grants were awarded in the year, totalling %(total)s (Specified Information "
        "Order, Schedule para 3(f); the grants register lists each).",
        count,
    ) % {"n": count, "total": _money(total)}
    return Section(_("Grants"), [summary], items)


def engagement_section(between: tuple[dt.date, dt.date]) -> Section:
    """The year's published consultations and surveys, engagement events by kind, and the
    "You said, we did" answers published on them (the engagement app's public querysets)."""
    consultations = list(
        Consultation.objects.public().filter(opens_on__range=between).order_by("opens_on", "pk")
    )
    events = (
        Event.objects.public()
        .filter(date__range=between)
        .values("kind")
        .annotate(n=Count("pk"))
        .order_by("kind")
    )
    answered = EngagementFinding.objects.public().filter(consultation__in=consultations).count()
    paragraphs: list[str] = []
    items: list[str] = []
    if consultations:
        paragraphs.append(_("Consultations and surveys opened in the year:"))
        for c in consultations:
            if c.closes_on:
                items.append(
                    _("%(title)s, %(opens)s to %(closes)s")
                    % {
                        "title": c.title,
                        "opens": long_date(c.opens_on),
                        "closes": long_date(c.closes_on),
                    }
                )
            else:
                items.append(
                    _("%(title)s, from %(opens)s")
                    % {"title": c.title, "opens": long_date(c.opens_on)}
                )
    else:
        paragraphs.append(_("No published consultation or survey opened in the year."))
    for row in events:
        items.append(
            ngettext("%(kind)s: %(n)s event", "%(kind)s: %(n)s events", row["n"])
            % {"kind": Event.Kind(row["kind"]).label, "n": row["n"]}
        )
    if answered:
        paragraphs.append(
            ngettext(
                "%(n)s issue the public raised has a published answer (You said, we did).",
                "%(n)s issues the public raised have published answers (You said, we did).",
                answered,
            )
            % {"n": answered}
        )
    return Section(_("Engagement"), paragraphs, items)


def render_html(content: AnnualReportContent) -> str:
    return render_to_string("transparency/annual_report_document.html", {"report": content})


def render_docx(content: AnnualReportContent) -> bytes:
    doc = Document()
    doc.core_properties.title = xml_safe(content.title)
    doc.add_heading(xml_safe(content.office.name or content.office.holder), level=0)
    doc.add_heading(xml_safe(content.title), level=1)
    for number, section in enumerate(content.sections, start=1):
        doc.add_heading(f"{number}. {xml_safe(section.heading)}", level=2)
        for text in section.paragraphs:
            doc.add_paragraph(xml_safe(text))
        for item in section.items:
            doc.add_paragraph(xml_safe(item), style="List Bullet")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@transaction.atomic
def generate_annual_report(user: User, financial_year: int) -> AnnualReport:
    """Generate (or generate again) the year's report as PDF and Word; not yet published."""
    if not permissions.can_keep_publications(user):
        raise PermissionDenied(_("Only OPCC editors and administrators keep these records."))
    content = build_content(financial_year)
    report = AnnualReport.objects.filter(financial_year=financial_year).first() or AnnualReport(
        financial_year=financial_year
    )
    report.title = content.title
    report.pdf.save(
        f"annual-report-{financial_year}.pdf",
        ContentFile(html_to_pdf(render_html(content), title=content.title)),
        save=False,
    )
    docx = render_docx(content)
    report.docx.save(f"annual-report-{financial_year}.docx", ContentFile(docx), save=False)
    # Its words, for search once it is published: from the Word file (the same words as the
    # PDF, read faster).
    report.read_document(report.docx.name or "annual-report.docx", docx)
    report.generated_at = timezone.now()
    attributed_to(report, user, "Generated").save()
    # A published report generated again replaces its paper on the Panel's agenda too.
    services.attach_paper(user, report)
    return report
