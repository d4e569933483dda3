"""The Panel progress report, built from live data as plain Python data (no HTML, no files).

The house format is seed 002 agenda item 9 ("Delivery of the Police and Crime Commissioner's
Police and Crime Plan 2021-24 – Progress Report", 15 March 2023): a header block, "Report of",
the contact officer, the title, then numbered sections 1 PURPOSE, 2 RECOMMENDATIONS, 3 TERMS OF
REFERENCE, 4 BACKGROUND, 5 the themes, 6 MONITORING DELIVERY OF THE PLAN, 7 BACKGROUND
DOCUMENTS. Seed 001 (15 November 2017) has the same frame, which is why the frame is fixed and
the words in it are editable fields with defaults.

Which heading of section 5 a deliverable goes under is `heading_for`, built on
`delivery.rules` (the one definition of "new" and "completed since").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import StrEnum

from django.db.models import Prefetch

from pcplan.core.dates import long_date
from pcplan.core.models import Office
from pcplan.core.office import current_office
from pcplan.delivery import rules
from pcplan.delivery.models import Deliverable, Update
from pcplan.delivery.rules import Status
from pcplan.plans.models import Plan


class ReportError(ValueError):
    """Parameters a report cannot be built from; the message says what was expected."""


class Heading(StrEnum):
    """The three lists under each theme in section 5 (seed 002 item 9 §5.1–5.5)."""

    COMPLETED = "completed"
    CURRENT = "current"
    NEW = "new"

    @property
    def label(self) -> str:
        return HEADING_LABELS[self]


HEADING_LABELS = {
    Heading.COMPLETED: "Completed deliverables / activities of note",
    Heading.CURRENT: "Current Deliverables",
    Heading.NEW: "New Deliverables",
}


def heading_for(
    status: str,
    added_on: dt.date,
    completed_on: dt.date | None,
    since: dt.date,
    as_of: dt.date,
) -> Heading | None:
    """Where a deliverable goes in the report as of `as_of`, the previous report being `since`.

    - added after `as_of`: not yet in the Delivery Plan on the report date, so left out;
    - completed on or before `since`: reported as completed in an earlier report, left out
      (a "completed" deliverable without a completion date is treated the same way);
    - completed after `since` and by `as_of`: "Completed", even when it was also added in the
      period: completion is the news the Panel needs (seed 002 item 9 §4.5);
    - added after `since`: "New Deliverables";
    - otherwise "Current Deliverables", including one completed after `as_of`, which on the
      report date was still under way.
    """
    if added_on > as_of:
        return None
    if rules.is_completed_since(status, completed_on, since, as_of):
        return Heading.COMPLETED
    if status == Status.COMPLETED and (completed_on is None or completed_on <= since):
        return None
    if rules.is_new_since(added_on, since, as_of):
        return Heading.NEW
    return Heading.CURRENT


def status_as_of(status: str, completed_on: dt.date | None, as_of: dt.date) -> str:
    """The status a deliverable had on `as_of`, as far as its dates tell.

    A deliverable completed after `as_of` was still in progress then; anything else keeps its
    current status (the Delivery Plan keeps completion dates, not a dated status for each day).
    """
    if status == Status.COMPLETED and (completed_on is None or completed_on > as_of):
        return Status.IN_PROGRESS if completed_on is not None else status
    return status


@dataclass(frozen=True)
class ReportFields:
    """The words of the report an officer may change; saved with each generated report."""

    panel_name: str
    agenda_item: str
    meeting_date: dt.date
    report_of: str
    contact_officer: str
    contact_details: str
    purpose: str
    recommendation: str
    terms_of_reference: str
    background_documents: str

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


def default_fields(
    plan: Plan, as_of: dt.date, *, kind: str = "panel", office: Office | None = None
) -> ReportFields:
    """Defaults in the words of seed 002 agenda item 9 (and seed 001 item 7), with the names,
    titles and contact of the office profile.

    For the Board's variant, "panel_name" is whom the report is to and "report_of" whom it is
    from, as in the header of seed 000 ("To: Business Coordination Board / From: Chief
    Executive / Date").
    """
    office = office or current_office()
    holder, short = office.holder, office.holder_short
    if kind == "board":
        board = office.board_name or "Board"
        return ReportFields(
            panel_name=board,
            agenda_item="",
            meeting_date=as_of,
            report_of="Chief Executive",
            contact_officer=office.contact_officer,
            contact_details=office.contact_details,
            purpose=(
                f"The purpose of this report is to update the {board} (the “Board”) on the "
                f"delivery of the {plan.title} (the “Plan”)."
            ),
            recommendation="The Board is recommended to note the contents of this report.",
            terms_of_reference="",
            background_documents=f"{holder}’s ‘{plan.title}’",
        )
    return ReportFields(
        panel_name=office.panel,
        agenda_item="9",
        meeting_date=as_of,
        report_of=office.name or holder,
        contact_officer=office.contact_officer,
        contact_details=office.contact_details,
        purpose=(
            "The purpose of this report is to provide an update to the Police and Crime Panel "
            "(the “Panel”) on the approach for successfully delivering the "
            f"{holder}’s (the “{short}”) {plan.title} (the “Plan”)."
        ),
        recommendation="The Panel is recommended to note the contents of this report.",
        terms_of_reference=(
            "Item 6 – to review or scrutinise decisions made, or other action taken, by the "
            f"{holder} in connection with the discharge of the {short}’s functions.\n"
            f"Item 8 – To support the effective exercise of the functions of the {holder}."
        ),
        background_documents=f"{holder}’s ‘{plan.title}’",
    )


@dataclass(frozen=True)
class Entry:
    """One deliverable in section 5, with its latest update on or before the report date."""

    pk: int
    title: str
    lead: str
    status: str
    status_label: str
    update_date: dt.date | None
    update_text: str


@dataclass
class ThemeSection:
    number: str  # "5.1"
    title: str
    aim: str
    completed: list[Entry] = field(default_factory=list)
    current: list[Entry] = field(default_factory=list)
    new: list[Entry] = field(default_factory=list)

    def lists(self) -> list[tuple[Heading, list[Entry]]]:
        """The headings in the seed's order, empty ones left out as the seed does."""
        pairs = [
            (Heading.COMPLETED, self.completed),
            (Heading.CURRENT, self.current),
            (Heading.NEW, self.new),
        ]
        return [(h, entries) for h, entries in pairs if entries]

    @property
    def entries(self) -> list[Entry]:
        return self.completed + self.current + self.new


@dataclass(frozen=True)
class Paragraph:
    number: str  # "4.1"; "" for a continuation of the paragraph before
    text: str
    items: tuple[str, ...] = ()  # a bulleted list after the text


@dataclass
class Section:
    number: str
    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    themes: list[ThemeSection] = field(default_factory=list)


@dataclass
class ProgressReport:
    plan_title: str
    plan_key: str
    as_of: dt.date
    since: dt.date
    fields: ReportFields
    title: str
    sections: list[Section]
    kind: str = "panel"
    summary: StatusSummary | None = None

    @property
    def themes(self) -> list[ThemeSection]:
        return [t for s in self.sections for t in s.themes]

    def headings(self) -> list[str]:
        return [f"{s.number}. {s.heading}" for s in self.sections]


def check_dates(as_of: dt.date, since: dt.date) -> None:
    if as_of <= since:
        raise ReportError(
            f"The report date ({long_date(as_of, padded=True)}) must be after the previous "
            f"report date ({long_date(since, padded=True)})."
        )


def report_deliverables(plan: Plan, as_of: dt.date) -> list[Deliverable]:
    """Public deliverables of the plan with their public updates up to `as_of`.

    Three queries whatever the number of deliverables (deliverables with theme and lead,
    then their updates); the report goes to the Panel's public agenda, so drafts stay out.
    """
    updates = Update.objects.public().filter(date__lte=as_of).order_by("-date", "-id")
    return list(
        Deliverable.objects.for_plan(plan)
        .public()
        .select_related("theme", "lead")
        .prefetch_related(Prefetch("updates", queryset=updates, to_attr="report_updates"))
        .order_by("theme__position", "theme_id", "id")
    )


def entry_for(d: Deliverable, as_of: dt.date) -> Entry:
    latest: Update | None = d.report_updates[0] if d.report_updates else None  # type: ignore[attr-defined]
    status = status_as_of(d.status, d.completed_on, as_of)
    return Entry(
        pk=d.pk,
        title=d.title,
        lead=d.lead.name if d.lead else "",
        status=status,
        status_label=Status(status).label,
        update_date=latest.date if latest else None,
        update_text=latest.text if latest else "",
    )


PANEL = "panel"
BOARD = "board"


@dataclass
class StatusSummary:
    """Deliverables in the report by theme and status as of the report date (the Board's table)."""

    statuses: list[Status]
    rows: list[tuple[str, list[int]]]  # theme title, one count per status

    @property
    def totals(self) -> list[int]:
        return [sum(counts[i] for _, counts in self.rows) for i in range(len(self.statuses))]

    @property
    def grand_total(self) -> int:
        return sum(self.totals)

    def text(self) -> str:
        """The numbers in words: the chart's text alternative."""
        parts = []
        for title, counts in self.rows:
            said = [
                f"{n} {s.label.lower()}" for s, n in zip(self.statuses, counts, strict=True) if n
            ]
            parts.append(f"{title}: {', '.join(said) if said else 'no deliverables'}")
        return "Deliverables by status in each theme. " + "; ".join(parts) + "."


def build_progress_report(
    plan: Plan,
    as_of: dt.date,
    since: dt.date,
    report_fields: ReportFields | None = None,
    *,
    kind: str = PANEL,
) -> ProgressReport:
    """The Panel progress report (or the Board's variant) as of `as_of`, since `since`."""
    check_dates(as_of, since)
    office = current_office()
    f = report_fields or default_fields(plan, as_of, kind=kind, office=office)
    themes = list(plan.themes.all())
    theme_section = "4" if kind == BOARD else "5"
    by_theme: dict[int, ThemeSection] = {
        t.pk: ThemeSection(number=f"{theme_section}.{i}", title=t.title, aim=t.aim)
        for i, t in enumerate(themes, start=1)
    }
    statuses = list(Status)
    counts = {t.pk: [0] * len(statuses) for t in themes}
    for d in report_deliverables(plan, as_of):
        if d.added_on <= as_of:
            status = status_as_of(d.status, d.completed_on, as_of)
            counts[d.theme_id][statuses.index(Status(status))] += 1
        heading = heading_for(d.status, d.added_on, d.completed_on, since, as_of)
        if heading is not None:
            getattr(by_theme[d.theme_id], heading.value).append(entry_for(d, as_of))
    summary = StatusSummary(statuses, [(t.title, counts[t.pk]) for t in themes])
    theme_titles = tuple(t.title for t in themes)
    themes_heading = f"{plan.title.upper()} THEMES"
    if kind == BOARD:
        sections = [
            Section("1", "PURPOSE", numbered("1", [f.purpose])),
            Section("2", "RECOMMENDATION", numbered("2", [f.recommendation])),
            Section("3", "SUMMARY OF DELIVERY", board_summary(summary, since, as_of)),
            Section("4", themes_heading, themes=list(by_theme.values())),
            Section("5", "BACKGROUND DOCUMENTS", numbered("5", [f.background_documents])),
        ]
        title = f"{plan.title} – Quarterly Progress Report"
    else:
        sections = [
            Section("1", "PURPOSE", numbered("1", [f.purpose])),
            Section("2", "RECOMMENDATIONS", numbered("2", [f.recommendation])),
            Section("3", "TERMS OF REFERENCE", numbered("3", [f.terms_of_reference])),
            Section(
                "4", "BACKGROUND", background(plan, theme_titles, since, as_of, office.holder_short)
            ),
            Section("5", themes_heading, themes=list(by_theme.values())),
            Section("6", "MONITORING DELIVERY OF THE PLAN", numbered("6", monitoring(office))),
            Section("7", "BACKGROUND DOCUMENTS", numbered("7", [f.background_documents])),
        ]
        title = f"Delivery of the {office.holder}’s {plan.title} – Progress Report"
    return ProgressReport(
        plan_title=plan.title,
        plan_key=plan.key,
        as_of=as_of,
        since=since,
        fields=f,
        title=title,
        sections=sections,
        kind=kind,
        summary=summary,
    )


def board_summary(summary: StatusSummary, since: dt.date, as_of: dt.date) -> list[Paragraph]:
    completed = summary.totals[summary.statuses.index(Status.COMPLETED)]
    return [
        Paragraph(
            "3.1",
            f"As of {long_date(as_of)} the Delivery Plan holds {summary.grand_total} "
            f"deliverable{'s' if summary.grand_total != 1 else ''}, of which {completed} "
            "are completed. The table below gives them by theme and status; section 4 lists those "
            f"completed and added since {long_date(since)} and those under way.",
        )
    ]


def numbered(section: str, texts: list[str]) -> list[Paragraph]:
    """One numbered paragraph per text; its further lines are unnumbered continuations."""
    out: list[Paragraph] = []
    for i, text in enumerate(texts, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        for j, line in enumerate(lines):
            out.append(Paragraph(f"{section}.{i}" if j == 0 else "", line))
    return out


def monitoring(office: Office) -> list[str]:
    """Section 6 in the words of seed 002 item 9 §6, naming the office holder as the profile
    does."""
    short = office.holder_short
    return [
        f"The {short} holds the Chief Constable to account for the efficiency and "
        "effectiveness of the Constabulary through a range of governance and assurance "
        "mechanisms. Quantitative and qualitative reports, such as the Constabulary's quarterly "
        f"performance reports and individual reports on how the {short}'s Office and partners "
        "are supporting the delivering of the Plan are monitored through these mechanisms.",
        "Updates to the Panel against the delivery of the Plan will be provided twice a year. "
        "At the end of the financial year, this update will be through the presentation and "
        f"publication of the {short}'s Annual Report.",
    ]


def background(
    plan: Plan,
    theme_titles: tuple[str, ...],
    since: dt.date,
    as_of: dt.date,
    short: str,
) -> list[Paragraph]:
    """Section 4 in the words of seed 002 item 9 §4.1–4.6, with the plan's own facts and the
    office holder's short title from the profile."""
    issued = plan.issued_on()
    published = f" and published on {long_date(issued)}" if issued else ""
    return [
        Paragraph(
            "4.1",
            f"The Panel’s role is to scrutinise and support the {short} in the exercise of "
            f"their statutory functions. Key to this is the {short}’s {plan.title}. This "
            f"Plan was developed following extensive consultation{published}.",
        ),
        Paragraph(
            "4.2",
            f"The {short}'s Plan is structured around {number_word(len(theme_titles))} "
            "themes, developed to tackle crime and keep communities safe:",
            theme_titles,
        ),
        Paragraph(
            "",
            "Within the Plan each theme includes a summary of what key activities will be "
            "undertaken and delivered during the lifetime of the Plan.",
        ),
        Paragraph(
            "4.3",
            "Deliverables were developed and continue to be developed, designed to progress "
            f"each of the {short}'s themes. The Delivery Plan is the mechanism by which "
            "shared outputs and outcomes will enable all agencies and partners to support "
            "tackling crime and keeping communities safe.",
        ),
        Paragraph(
            "4.4",
            "Much of the work contained within the Delivery Plan involves external partners and "
            "stakeholders. There is an ongoing risk-based process to scope and prioritise "
            "deliverables. There are interdependencies between activities and upon completion, "
            "further work can be identified as being needed. As such timescales for delivery "
            "may change over time.",
        ),
        Paragraph(
            "4.5",
            "Key deliverables and activities of note as well as new deliverables for each theme "
            "are detailed in Section 5, with their latest update as of "
            f"{long_date(as_of)}. Also included in Section 5 are deliverables completed since "
            f"the previous report of {long_date(since)}.",
        ),
    ]


def number_word(n: int) -> str:
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    return words[n] if 0 <= n < len(words) else str(n)
