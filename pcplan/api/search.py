"""One search over what the public may read: plans, deliverables, updates, meetings, agenda
items, the text of their papers (while the item is public and not exempt), minutes, and the
text of the other documents the public may download (published documents of specified
information, published reports and annual reports). Each
source is its public queryset (pcplan.api.public, or the model's own public rule), so a result
can never be something a public page would not show. The staff search (`staff_sources`) reads
more, for one signed-in user: what their staff pages show them, by each app's own rule.

One interface, two engines, each answered from a full-text index kept in step with the rows
(pcplan.api.search_index): PostgreSQL full-text search (websearch syntax: every word, "a
phrase", -word, or; English stemming), ranked by ts_rank; SQLite FTS5 (every word, English
stemming), ranked by bm25 among the newest matches. Neither the views nor this module know
which database they run on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from pcplan.api import public
from pcplan.api import search_index as ix
from pcplan.core.dates import long_date
from pcplan.core.models import User
from pcplan.delivery.models import Deliverable, Update
from pcplan.panel.models import AgendaItem, MinuteItem
from pcplan.panel.permissions import bodies_seen_in_full
from pcplan.partnerships.models import Body
from pcplan.reports.models import GeneratedReport
from pcplan.reports.permissions import can_manage_reports
from pcplan.transparency.models import AnnualReport, SpecifiedPublication
from pcplan.transparency.permissions import can_keep_publications

MAX_QUERY_LENGTH = 200
PER_SOURCE = 20


@dataclass(frozen=True)
class Hit:
    kind: str
    title: str
    snippet: str
    url: str


@dataclass(frozen=True)
class Source:
    kind: Any
    rows: Callable[[], QuerySet[Any]]
    index: ix.Indexed
    title: Callable[[Any], str]
    text: Callable[[Any], str]
    url: Callable[[Any], str]


def _deliverable_url(d: Any) -> str:
    return reverse("public:deliverable", args=[d.theme.plan.key, d.pk])


def _publication_url(p: Any) -> str:
    if p.document:
        return reverse("transparency:publication-document", args=[p.pk])
    return str(p.url)


PUBLIC_PLANS = Source(
    _("Plan"),
    public.plans,
    ix.PLANS,
    lambda p: p.title,
    lambda p: p.summary,
    lambda p: reverse("public:plan", args=[p.key]),
)
PUBLIC_MEETINGS = Source(
    _("Meeting"),
    public.meetings,
    ix.MEETINGS,
    str,
    lambda m: m.venue,
    lambda m: reverse("panel:meeting", args=[m.pk]),
)


def _meeting_url(row: Any) -> str:
    """A meeting's public page, for a row of it (an agenda item, a minute)."""
    return reverse("panel:meeting", args=[row.meeting_id])


PUBLIC_AGENDA_ITEMS = Source(
    _("Agenda item"),
    lambda: AgendaItem.objects.with_public_papers().select_related("meeting"),
    ix.AGENDA_ITEMS,
    lambda i: f"{i.meeting}: {i}",
    lambda i: i.note,
    _meeting_url,
)


def _paper_url(i: Any) -> str:
    return reverse("panel:agenda-item-report", args=[i.meeting_id, i.number])


PUBLIC_PAPERS = Source(
    _("Paper"),
    lambda: AgendaItem.objects.with_public_papers().select_related("meeting"),
    ix.PAPERS,
    lambda i: f"{i.meeting}: {i}",
    lambda i: i.report_text,
    _paper_url,
)
PUBLIC_MINUTES = Source(
    _("Minute"),
    lambda: public.minutes().prefetch_related(None).select_related("meeting"),
    ix.MINUTES,
    lambda m: f"{m.meeting}: {m}",
    lambda m: m.text or m.resolution_text,
    _meeting_url,
)
# Documents the public may download, by their words (pcplan.core.documents): a recorded
# publication of specified information is public (its document is served to anyone); a
# report or annual report while it is published.
PUBLISHED_DOCUMENTS = Source(
    _("Published document"),
    lambda: SpecifiedPublication.objects.all(),
    ix.PUBLICATIONS,
    lambda p: p.title,
    lambda p: p.document_text,
    _publication_url,
)


def _report_text(r: Any) -> str:
    return str(r.document_text or r.purpose)


PUBLIC_REPORTS = Source(
    _("Report"),
    lambda: GeneratedReport.objects.public().select_related("theme"),
    ix.REPORTS,
    str,
    _report_text,
    lambda r: reverse("reports:public-download", args=[r.pk]),
)
PUBLIC_ANNUAL_REPORTS = Source(
    _("Annual report"),
    lambda: AnnualReport.objects.public(),
    ix.ANNUAL_REPORTS,
    lambda a: a.title,
    lambda a: a.document_text,
    lambda a: reverse("transparency:annual-report-file", args=[a.pk, "pdf"]),
)

SOURCES = [
    PUBLIC_PLANS,
    Source(
        _("Deliverable"),
        lambda: public.deliverables().prefetch_related(None),
        ix.DELIVERABLES,
        lambda d: d.title,
        lambda d: d.purpose,
        _deliverable_url,
    ),
    Source(
        _("Update"),
        lambda: public.updates().select_related("deliverable__theme__plan"),
        ix.UPDATES,
        lambda u: f"{u.deliverable.title}: {long_date(u.date, padded=True)}",
        lambda u: u.text,
        lambda u: _deliverable_url(u.deliverable),
    ),
    PUBLIC_MEETINGS,
    PUBLIC_AGENDA_ITEMS,
    PUBLIC_PAPERS,
    PUBLIC_MINUTES,
    PUBLISHED_DOCUMENTS,
    PUBLIC_REPORTS,
    PUBLIC_ANNUAL_REPORTS,
]


def _staff_deliverable_url(d: Any) -> str:
    return reverse("delivery:deliverable-detail", args=[d.pk])


def _draft_mark(row: Any) -> str:
    return "" if getattr(row, "is_published", True) else " " + str(_("(draft)"))


# Whether the public may read a row, by its model's own public queryset (one query with the
# rows, however many they are).
PUBLIC = "public_may_read"


def _with_public_flag(rows: QuerySet[Any], public_rows: QuerySet[Any]) -> QuerySet[Any]:
    return rows.annotate(**{PUBLIC: Exists(public_rows.filter(pk=OuterRef("pk")))})


def _unless_public(row: Any, mark: str) -> str:
    return "" if getattr(row, PUBLIC) else f" {mark}"


def _staff_reports(user: User) -> Source:
    """Those who manage reports read every one on its staff page (reports.views
    get_report_for_user); anyone else the published ones, as the public does."""
    if not can_manage_reports(user):
        return PUBLIC_REPORTS
    return Source(
        _("Report"),
        lambda: _with_public_flag(
            GeneratedReport.objects.select_related("theme"), GeneratedReport.objects.public()
        ),
        ix.REPORTS,
        lambda r: str(r) + _unless_public(r, str(_("(draft)"))),
        _report_text,
        lambda r: reverse("reports:report-detail", args=[r.pk]),
    )


def _staff_annual_reports(user: User) -> Source:
    """Those who keep publications read every annual report (transparency annual_report_file)
    on its staff page; anyone else the published ones."""
    if not can_keep_publications(user):
        return PUBLIC_ANNUAL_REPORTS
    return Source(
        _("Annual report"),
        lambda: _with_public_flag(AnnualReport.objects.all(), AnnualReport.objects.public()),
        ix.ANNUAL_REPORTS,
        lambda a: a.title + _unless_public(a, str(_("(draft)"))),
        lambda a: a.document_text,
        lambda a: reverse("transparency:staff-annual-report", args=[a.pk]),
    )


def _bodies_seen_in_full(user: User) -> QuerySet[Body]:
    """The bodies whose exempt business `user` may read (panel.permissions can_see_exempt_of,
    as one filter: an office may have hundreds of bodies)."""
    return Body.objects.filter(bodies_seen_in_full(user))


def _readable(
    rows: QuerySet[Any], public_rows: QuerySet[Any], bodies: QuerySet[Body]
) -> QuerySet[Any]:
    """The rows of a meeting's business (agenda items with their notes and papers, minutes) a
    user may read, as panel.views.access get_agenda_item_for_user decides: every row of the
    bodies whose exempt business they may read (exempt, or not yet published), the public
    rows of the rest."""
    flagged = _with_public_flag(rows, public_rows)
    return flagged.filter(Q(**{PUBLIC: True}) | Q(meeting__body__in=bodies)).select_related(
        "meeting"
    )


def _items_for(bodies: QuerySet[Body]) -> QuerySet[AgendaItem]:
    return _readable(AgendaItem.objects.all(), AgendaItem.objects.with_public_papers(), bodies)


def _minutes_for(bodies: QuerySet[Body]) -> QuerySet[MinuteItem]:
    return _readable(MinuteItem.objects.all(), MinuteItem.objects.public(), bodies)


def _paper_mark(i: Any) -> str:
    return _unless_public(i, str(_("(exempt)") if i.is_exempt else _("(not public)")))


def _staff_meeting_url(row: Any) -> str:
    return reverse("panel:staff-meeting", args=[row.meeting_id])


def _staff_item_url(i: Any) -> str:
    return _staff_meeting_url(i) + f"#item-{i.number}"


def _public_or_staff(
    public_url: Callable[[Any], str], staff_url: Callable[[Any], str]
) -> Callable[[Any], str]:
    """A row the public may read links to its public page; any other to the meeting's staff
    page, which is for the same people (panel.views.access require_staff_reader)."""
    return lambda row: public_url(row) if getattr(row, PUBLIC) else staff_url(row)


def staff_sources(user: User) -> list[Source]:
    """What the staff search reads for `user`. Every signed-in user reads every deliverable
    and update, drafts included (as the staff pages: delivery.views
    get_deliverable_for_user). Draft reports and annual reports, and the Panel's papers,
    agenda items and minutes the public may not read (exempt, or not yet published), only for
    those whose staff pages show them, by the owning app's own rule; meetings as the public
    reads them."""
    bodies = _bodies_seen_in_full(user)
    return [
        PUBLIC_PLANS,
        Source(
            _("Deliverable"),
            lambda: Deliverable.objects.select_related("theme__plan"),
            ix.DELIVERABLES,
            lambda d: d.title + _draft_mark(d),
            lambda d: d.purpose,
            _staff_deliverable_url,
        ),
        Source(
            _("Update"),
            lambda: Update.objects.select_related("deliverable"),
            ix.UPDATES,
            lambda u: f"{u.deliverable.title}: {long_date(u.date, padded=True)}" + _draft_mark(u),
            lambda u: u.text,
            lambda u: _staff_deliverable_url(u.deliverable) + f"#update-{u.pk}",
        ),
        PUBLIC_MEETINGS,
        Source(
            _("Agenda item"),
            lambda: _items_for(bodies),
            ix.AGENDA_ITEMS,
            lambda i: f"{i.meeting}: {i}" + _paper_mark(i),
            lambda i: i.note,
            _public_or_staff(_meeting_url, _staff_item_url),
        ),
        Source(
            _("Paper"),
            lambda: _items_for(bodies),
            ix.PAPERS,
            lambda i: f"{i.meeting}: {i}" + _paper_mark(i),
            lambda i: i.report_text,
            _public_or_staff(_paper_url, _staff_item_url),
        ),
        Source(
            _("Minute"),
            lambda: _minutes_for(bodies),
            ix.MINUTES,
            lambda m: f"{m.meeting}: {m}" + _paper_mark(m),
            lambda m: m.text or m.resolution_text,
            _public_or_staff(_meeting_url, _staff_meeting_url),
        ),
        PUBLISHED_DOCUMENTS,
        _staff_reports(user),
        _staff_annual_reports(user),
    ]


def _ranked(rows: QuerySet[Any], index: ix.Indexed, query: str) -> list[Any]:
    """The rows of `rows` matching `query`, best first, at most PER_SOURCE: the index finds
    the best matches among the rows `rows` allows (drafts are left out there), then the ORM
    reads those rows as the source wants them."""
    allowed, params = rows.order_by().values("pk").query.sql_with_params()
    ids = ix.best_matches(connection, index, allowed, params, query, PER_SOURCE)
    found = rows.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def search(query: str, sources: list[Source] | None = None) -> list[Hit]:
    """Records of `sources` (the public ones unless told) matching `query`, up to PER_SOURCE
    of each kind."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if not query:
        return []
    hits: list[Hit] = []
    for source in SOURCES if sources is None else sources:
        for row in _ranked(source.rows(), source.index, query):
            hits.append(
                Hit(
                    kind=str(source.kind),
                    title=source.title(row),
                    snippet=Truncator(source.text(row)).words(40),
                    url=source.url(row),
                )
            )
    return hits
