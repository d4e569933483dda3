"""A report on one theme of the plan, in the house format (issue 18 item 3; seed 001 §6.3: the
Panel asks for a rolling programme of reports on each theme).

The same frame and renderers as the progress report (`progress.ProgressReport`, `render`), so
the theme report looks and reads like the Panel's other papers: PURPOSE, RECOMMENDATION,
BACKGROUND (the theme's aim, key objectives, shared outcomes and pledges), the theme's
deliverables under the progress report's headings, PROGRESS, MEASURES, GRANTS (published awards
from the funds serving the theme), PARTNERSHIPS (published bodies linked to the theme's published
deliverables), BACKGROUND DOCUMENTS. Public content only: the paper goes on a public agenda.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from django.db import models

from pcplan.core.dates import long_date
from pcplan.core.office import current_office
from pcplan.delivery.models import Deliverable
from pcplan.delivery.progress import Progress, progress_by_theme
from pcplan.grants.models import Award
from pcplan.grants.register import public_awards
from pcplan.partnerships.models import Body
from pcplan.performance.models import Measure
from pcplan.plans.models import Commitment, Theme
from pcplan.reports.progress import (
    PANEL,
    Paragraph,
    ProgressReport,
    ReportFields,
    Section,
    ThemeSection,
    check_dates,
    default_fields,
    entry_for,
    heading_for,
    report_deliverables,
    status_as_of,
)


def build_theme_report(
    theme: Theme, as_of: dt.date, since: dt.date, report_fields: ReportFields | None = None
) -> ProgressReport:
    check_dates(as_of, since)
    plan = theme.plan
    office = current_office()
    holder, short = office.holder, office.holder_short
    f = report_fields or replace(
        default_fields(plan, as_of, kind=PANEL, office=office),
        agenda_item="",
        purpose=(
            "The purpose of this report is to update the Police and Crime Panel (the “Panel”) "
            f"on the delivery of the ‘{theme.title}’ theme of the {holder}’s (the “{short}”) "
            f"{plan.title} (the “Plan”), as part of the Panel’s rolling programme of reports "
            "on each theme."
        ),
    )
    section = ThemeSection(number="4.1", title=theme.title, aim=theme.aim)
    deliverables = [d for d in report_deliverables(plan, as_of) if d.theme_id == theme.pk]
    for d in deliverables:
        heading = heading_for(d.status, d.added_on, d.completed_on, since, as_of)
        if heading is not None:
            getattr(section, heading.value).append(entry_for(d, as_of))
    # Statuses as of the report date, as the progress report counts them; tasks as they are.
    progress = progress_by_theme(Deliverable.objects.public().filter(theme=theme)).get(
        theme.pk, Progress()
    )
    progress.by_status = dict(
        Counter(
            status_as_of(d.status, d.completed_on, as_of)
            for d in deliverables
            if d.added_on <= as_of
        )
    )
    commitments = list(Commitment.objects.filter(theme=theme).order_by("kind", "position"))
    measures = list(Measure.objects.public().filter(themes=theme).order_by("position", "name"))
    sections = [
        Section("1", "PURPOSE", [Paragraph("1.1", f.purpose)]),
        Section("2", "RECOMMENDATION", [Paragraph("2.1", f.recommendation)]),
        Section("3", "BACKGROUND", _background(theme, commitments, short)),
        Section("4", f"{theme.title.upper()}: DELIVERABLES", themes=[section]),
        Section("5", "PROGRESS", [_progress(progress, as_of)]),
        Section("6", "MEASURES", _measures(measures)),
        Section("7", "GRANTS", _grants(_theme_awards(theme, as_of))),
        Section("8", "PARTNERSHIPS", _partnerships(_theme_bodies(theme))),
        Section("9", "BACKGROUND DOCUMENTS", [Paragraph("9.1", f.background_documents)]),
    ]
    return ProgressReport(
        plan_title=plan.title,
        plan_key=plan.key,
        as_of=as_of,
        since=since,
        fields=f,
        title=f"{plan.title}: {theme.title} – Theme Report",
        sections=sections,
        kind="theme",
    )


def _background(theme: Theme, commitments: list[Commitment], short: str) -> list[Paragraph]:
    paragraphs = [
        Paragraph(
            "3.1",
            f"‘{theme.title}’ is one of the themes of the {short}’s Plan."
            + (f" What we will do: {theme.aim}" if theme.aim else ""),
        )
    ]
    labels = {
        Commitment.Kind.KEY_OBJECTIVE: "The theme’s key objectives are:",
        Commitment.Kind.SHARED_OUTCOME: "The outcomes partners share under the theme are:",
        Commitment.Kind.PLEDGE: f"The {short}’s personal pledges under the theme are:",
    }
    for kind, label in labels.items():
        texts = tuple(c.text for c in commitments if c.kind == kind)
        if texts:
            paragraphs.append(Paragraph(f"3.{len(paragraphs) + 1}", label, texts))
    return paragraphs


def _progress(progress: Progress, as_of: dt.date) -> Paragraph:
    text = (
        f"As of {long_date(as_of)}, {progress.completed} of the theme’s {progress.total} "
        "published deliverables are completed"
    )
    if progress.tasks_total:
        text += f", and {progress.tasks_done} of their {progress.tasks_total} tasks are done"
    items = tuple(f"{label}: {count}" for _, label, count in progress.statuses())
    return Paragraph("5.1", text + ".", items)


def _measures(measures: list[Measure]) -> list[Paragraph]:
    if not measures:
        return [Paragraph("6.1", "No published measure is linked to this theme.")]
    return [
        Paragraph(
            "6.1",
            "The theme is measured by the following, reported in the performance dashboard:",
            tuple(m.name for m in measures),
        )
    ]


def _theme_awards(theme: Theme, as_of: dt.date) -> list[Award]:
    """The register's published awards from the funds serving the theme, decided by the report
    date (an award without a decision date is listed: the register lists it too)."""
    awards = public_awards({"theme": theme}).exclude(decision_date__gt=as_of)
    return list(awards.distinct().order_by("fund__name", "decision_date", "reference"))


def _grants(awards: list[Award]) -> list[Paragraph]:
    if not awards:
        return [
            Paragraph("7.1", "No published grant award is made from a fund serving this theme.")
        ]

    def line(a: Award) -> str:
        amount = f"£{a.amount:,.2f}" if a.amount is not None else "amount not recorded"
        when = f", decided {long_date(a.decision_date)}" if a.decision_date else ""
        return f"{a.fund.name}: {a.recipient.name}, {amount}{when}. {a.purpose}"

    return [
        Paragraph(
            "7.1",
            "The following grants, published in the grants register, are made from funds "
            "serving this theme:",
            tuple(line(a) for a in awards),
        )
    ]


def _theme_bodies(theme: Theme) -> list[tuple[Body, list[str]]]:
    """Published bodies linked to the theme's published deliverables, each with the titles of
    those deliverables (two queries)."""
    public = Deliverable.objects.public().filter(theme=theme)
    bodies = (
        Body.objects.public()
        .filter(deliverables__in=public)
        .distinct()
        .order_by("position", "name")
        .prefetch_related(
            models.Prefetch("deliverables", queryset=public.order_by("title"), to_attr="linked")
        )
    )
    return [(b, [d.title for d in b.linked]) for b in bodies]


def _partnerships(bodies: list[tuple[Body, list[str]]]) -> list[Paragraph]:
    if not bodies:
        return [
            Paragraph(
                "8.1", "No published partnership body is linked to this theme’s deliverables."
            )
        ]
    return [
        Paragraph(
            "8.1",
            "The following partnership bodies work on the theme’s deliverables:",
            tuple(
                f"{body.name} ({body.get_kind_display()}): {', '.join(titles)}"
                for body, titles in bodies
            ),
        )
    ]
