"""Specified information (SI 2011/3050 as amended by SI 2012/2479, 2013/1816 and 2021/547):
the item list (data, with citations), where each item's evidence comes from, and the
compliance view's status of each item from its frequency and last publication date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from pcplan.core.dates import long_date
from pcplan.grants.models import Award
from pcplan.panel.models import Meeting, Precept
from pcplan.partnerships.models import Body, CspDocument
from pcplan.plans.yamlsource import load_yaml
from pcplan.transparency.deadlines import Compliance, Frequency, compliance_status
from pcplan.transparency.deadlines import next_publication_due as next_due
from pcplan.transparency.models import (
    Decision,
    Inspection,
    MeasuresStatement,
    MeetingSummary,
    SpecifiedPublication,
)

ITEMS_FILE = Path(__file__).resolve().parent / "data" / "specified_information.yaml"
SOURCES = {
    "decisions",
    "grants",
    "inspections",
    "statement",
    "meetings",
    "precept",
    "csp-documents",
    "meeting-summaries",
}
# How many of a live source's latest records the public page lists under its item.
LATEST_ENTRIES = 5


@dataclass(frozen=True)
class SpecifiedItem:
    key: str
    paragraph: str
    title: str
    frequency: Frequency
    source: str = ""

    @property
    def citation(self) -> str:
        return f"SI 2011/3050 Schedule para {self.paragraph}"

    @property
    def frequency_label(self) -> str:
        return str(FREQUENCY_LABELS[self.frequency])


@lru_cache(maxsize=1)
def specified_items(path: Path = ITEMS_FILE) -> tuple[SpecifiedItem, ...]:
    """The items, in the Order's order; a bad file fails loudly, naming line and field."""
    source = load_yaml(path.read_text(encoding="utf-8"), path.name)
    items: list[SpecifiedItem] = []
    for n, entry in enumerate((source.data or {}).get("items") or []):
        try:
            frequency = Frequency(entry.get("frequency"))
        except ValueError:
            source.problem(
                ("items", n, "frequency"),
                "expected one of " + ", ".join(f.value for f in Frequency),
            )
            continue
        if entry.get("source", "") not in SOURCES | {""}:
            source.problem(("items", n, "source"), f"expected one of {sorted(SOURCES)}")
            continue
        items.append(
            SpecifiedItem(
                key=str(entry["key"]),
                paragraph=str(entry["paragraph"]),
                title=str(entry["title"]),
                frequency=frequency,
                source=entry.get("source", ""),
            )
        )
    if source.problems:
        raise ImproperlyConfigured("; ".join(str(p) for p in source.problems))
    return tuple(items)


def item_by_key(key: str) -> SpecifiedItem | None:
    return next((item for item in specified_items() if item.key == key), None)


STATUS_LABELS = {
    Compliance.PRESENT: gettext_lazy("Present"),
    Compliance.DUE_SOON: gettext_lazy("Due soon"),
    Compliance.OVERDUE: gettext_lazy("Overdue"),
    Compliance.MISSING: gettext_lazy("Missing"),
}
# A status's GOV.UK tag colour.
STATUS_COLOURS = {
    Compliance.PRESENT: "green",
    Compliance.DUE_SOON: "yellow",
    Compliance.OVERDUE: "red",
    Compliance.MISSING: "grey",
}
# The labels and colours are read here, not by a partial template included on every row: the
# compliance view's 30 rows spent 13,000 function calls on two includes each (issue 17).
FREQUENCY_LABELS = {
    Frequency.MONTHLY: gettext_lazy("Monthly"),
    Frequency.QUARTERLY: gettext_lazy("Quarterly"),
    Frequency.ANNUALLY: gettext_lazy("Annually"),
    Frequency.BEFORE_FINANCIAL_YEAR: gettext_lazy("Before each financial year"),
    Frequency.ON_CHANGE: gettext_lazy("When it changes"),
}


@dataclass(frozen=True)
class LiveEntry:
    """One public record an item is filled from: the public page links to `url` (its public
    page, or where it is published), the compliance view to `staff_url` (its staff page)."""

    title: str
    url: str
    on: dt.date
    note: str = ""
    staff_url: str = ""


@dataclass
class Live:
    """What a live source gives its item: the date last published and its latest records."""

    last: dt.date | None
    entries: list[LiveEntry] = field(default_factory=list)


@dataclass
class ItemRow:
    item: SpecifiedItem
    last_published_on: dt.date | None
    status: Compliance
    next_due: dt.date | None
    publication: SpecifiedPublication | None
    live: bool  # filled from a live pcplan record
    entries: list[LiveEntry] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def status_colour(self) -> str:
        return STATUS_COLOURS[self.status]


def _as_date(moment: dt.datetime | None) -> dt.date | None:
    """The office's day of a moment (a publication at 00:30 in summer is that day, not the
    day before in UTC)."""
    return timezone.localdate(moment) if moment else None


def _meetings(today: dt.date) -> Live:
    """Para 5(a)-(c): the public meetings the office itself holds (its boards, not the Panel's
    or a CSP's: `Body.objects.held_by_the_office`), their agendas and minutes.
    An agenda counts once public (its meeting past "scheduled"), on the day it was published
    (the meeting's day where that was not recorded); minutes once published, on the day of the
    meeting that approved them. A private body's meeting and an exempt minute never show."""
    public = Meeting.objects.public().filter(body__in=Body.objects.held_by_the_office())
    agendas = public.exclude(status=Meeting.Status.SCHEDULED)
    dates = [
        agendas.aggregate(last=Max(Coalesce("agenda_published_on", "date")))["last"],
        public.filter(minutes_published=True).aggregate(
            last=Max(Coalesce("minutes_approved_at__date", "date"))
        )["last"],
    ]
    latest = agendas.select_related("body").order_by("-date", "-time", "-pk")[:LATEST_ENTRIES]
    entries = [
        LiveEntry(
            title=f"{meeting.body}: {meeting}",
            url=reverse("panel:meeting", args=[meeting.pk]),
            on=meeting.agenda_published_on or meeting.date,
            note=gettext("agenda and minutes") if meeting.minutes_published else gettext("agenda"),
            staff_url=reverse("panel:staff-meeting", args=[meeting.pk]),
        )
        for meeting in latest
    ]
    found = [d for d in dates if d is not None]
    # A meeting still to come whose agenda date was not recorded counts from today, not its day.
    return Live(min(max(found), today) if found else None, entries)


def _precept() -> Live:
    """Para 3(b): the precept issued, from the live records that settle it: the published
    decision on the precept, and the office holder's published response to the Panel's report
    (PRSRA 2011 Sch. 5 para 5) on a precept the Panel has reported on."""
    entries = [
        LiveEntry(
            title=gettext("Precept %(year)s: %(title)s")
            % {"year": decision.precept.year_label, "title": decision.title},
            url=reverse("transparency:decision", args=[decision.pk]),
            on=timezone.localdate(decision.published_at),
            staff_url=reverse("transparency:staff-decision", args=[decision.pk]),
        )
        for decision in Decision.objects.public()
        .filter(precept__isnull=False, published_at__isnull=False)
        .select_related("precept")
        .order_by("-precept__financial_year_start")[:LATEST_ENTRIES]
        if decision.precept is not None and decision.published_at is not None
    ]
    for precept in (
        Precept.objects.public()
        .filter(response_published=True, response_date__isnull=False)
        .order_by("-financial_year_start")[:LATEST_ENTRIES]
    ):
        if precept.response_date is None:  # excluded by the query; for the type checker
            continue
        band_d = precept.revised_band_d or precept.band_d
        entries.append(
            LiveEntry(
                title=gettext("Precept %(year)s: the Panel's report and the response")
                % {"year": precept.year_label},
                url=reverse("panel:precept", args=[precept.financial_year_start]),
                on=precept.response_date,
                note=gettext("Band D £%(amount)s") % {"amount": f"{band_d:,.2f}"} if band_d else "",
                staff_url=reverse("panel:staff-precept", args=[precept.financial_year_start]),
            )
        )
    entries.sort(key=lambda entry: entry.on, reverse=True)
    return Live(entries[0].on if entries else None, entries[:LATEST_ENTRIES])


def _csp_documents(today: dt.date) -> Live:
    """Para 7: the CSPs' reports, read as their published Community Safety Plans and strategic
    assessments (pcplan's reading of the Crime and Disorder Act 1998 s.7(1) reports)."""
    documents = CspDocument.objects.public(today)
    latest = documents.select_related("body").order_by("-dated", "-pk")[:LATEST_ENTRIES]
    entries = [
        LiveEntry(
            title=f"{document.body}: {document.title}",
            url=document.url,
            on=document.dated,
            note=str(document.get_kind_display()),
            staff_url=reverse("partnerships:staff-body", args=[document.body.key]),
        )
        for document in latest
    ]
    return Live(documents.aggregate(last=Max("dated"))["last"], entries)


def _decisions() -> Live:
    """Para 5(d): published decisions, latest first (the public page links the register)."""
    decisions = Decision.objects.public()
    entries = [
        LiveEntry(
            title=str(decision),
            url=reverse("transparency:decision", args=[decision.pk]),
            on=decision.decided_on,
            staff_url=reverse("transparency:staff-decision", args=[decision.pk]),
        )
        for decision in decisions.newest_first()[:LATEST_ENTRIES]
    ]
    return Live(_as_date(decisions.aggregate(last=Max("published_at"))["last"]), entries)


def _grants() -> Live:
    """Para 3(f): published grant awards, the latest published first."""
    awards = Award.objects.public()
    latest = awards.filter(published_at__isnull=False).select_related("recipient")
    entries = [
        LiveEntry(
            title=str(award),
            url=reverse("grants:public-award", args=[award.reference]),
            on=timezone.localdate(award.published_at),
            staff_url=reverse("grants:award-detail", args=[award.pk]),
        )
        for award in latest.order_by("-published_at", "-pk")[:LATEST_ENTRIES]
        if award.published_at is not None
    ]
    return Live(_as_date(awards.aggregate(last=Max("published_at"))["last"]), entries)


def _inspections(today: dt.date) -> Live:
    """Para 7B: HMICFRS reports published by today (an embargoed report is not yet one)."""
    inspections = Inspection.objects.public(today)
    staff = "transparency:staff-inspection"
    entries = [
        LiveEntry(
            title=inspection.title,
            url=inspection.report_url or "",
            on=inspection.published_on,
            note=str(inspection.get_kind_display()),
            staff_url=reverse(staff, args=[inspection.pk]),
        )
        for inspection in inspections.order_by("-published_on", "-pk")[:LATEST_ENTRIES]
    ]
    return Live(inspections.aggregate(last=Max("published_on"))["last"], entries)


def _statement() -> Live:
    """Para 7A: the published statements on the national crime and policing measures."""
    statements = MeasuresStatement.objects.public()
    entries = [
        LiveEntry(
            title=str(statement),
            url=reverse("transparency:national-measures-statement"),
            on=statement.statement_date,
            staff_url=reverse("transparency:staff-statement", args=[statement.pk]),
        )
        for statement in statements.order_by("-statement_date", "-pk")[:LATEST_ENTRIES]
    ]
    return Live(_as_date(statements.aggregate(last=Max("published_at"))["last"]), entries)


def _meeting_summaries() -> Live:
    """Para 5(c), second limb: the minutes for publication of meetings the office held in
    private at which matters of significant public interest were discussed (`MeetingSummary`):
    their public title and text only, dated on the day each was published."""
    summaries = MeetingSummary.objects.public()
    entries = [
        LiveEntry(
            title=summary.title,
            url=reverse("transparency:meeting-summary", args=[summary.pk]),
            on=timezone.localdate(summary.published_at),
            note=gettext("meeting of %(day)s") % {"day": long_date(summary.meeting.date)},
            staff_url=reverse("transparency:meeting-summary-edit", args=[summary.pk]),
        )
        for summary in summaries.filter(published_at__isnull=False)
        .select_related("meeting")
        .order_by("-published_at", "-pk")[:LATEST_ENTRIES]
        if summary.published_at is not None
    ]
    return Live(_as_date(summaries.aggregate(last=Max("published_at"))["last"]), entries)


def _live(today: dt.date) -> dict[str, Live]:
    """Each live source's date last published and its latest public records."""
    return {
        "decisions": _decisions(),
        "grants": _grants(),
        "inspections": _inspections(today),
        "statement": _statement(),
        "meetings": _meetings(today),
        "precept": _precept(),
        "csp-documents": _csp_documents(today),
        "meeting-summaries": _meeting_summaries(),
    }


def item_rows(today: dt.date) -> list[ItemRow]:
    """Every item with its latest publication and status: one query for the publications and
    a few per live source, whatever their number."""
    latest: dict[str, SpecifiedPublication] = {}
    for found in SpecifiedPublication.objects.order_by("item_key", "-published_on", "-pk"):
        latest.setdefault(found.item_key, found)
    live = _live(today)
    rows = []
    for item in specified_items():
        publication = latest.get(item.key)
        last = publication.published_on if publication else None
        entries: list[LiveEntry] = []
        if item.source:
            source = live[item.source]
            entries = source.entries
            last = max((d for d in (last, source.last) if d is not None), default=None)
        rows.append(
            ItemRow(
                item=item,
                last_published_on=last,
                status=compliance_status(item.frequency, last, today),
                next_due=next_due(item.frequency, last) if last else None,
                publication=publication,
                live=bool(item.source),
                entries=entries,
            )
        )
    return rows


def status_counts(rows: list[ItemRow]) -> list[tuple[str, int]]:
    """How many items are in each status, in the order present, due soon, overdue, missing."""
    return [
        (str(label), sum(1 for r in rows if r.status == status))
        for status, label in STATUS_LABELS.items()
    ]
