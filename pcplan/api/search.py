"""One search over what the public may read: plans, deliverables, updates, meetings, agenda
items, the text of their papers (while the item is public and not exempt), minutes, and the
text of the other documents the public may download (published documents of specified
information, published reports and annual reports). Each
source is its public queryset (pcplan.api.public, or the model's own public rule), so a result
can never be something a public page would not show.

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
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from pcplan.api import public
from pcplan.api import search_index as ix
from pcplan.delivery.models import Deliverable, Update
from pcplan.panel.models import AgendaItem
from pcplan.reports.models import GeneratedReport
from pcplan.transparency.models import AnnualReport, SpecifiedPublication

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


SOURCES = [
    Source(
        _("Plan"),
        public.plans,
        ix.PLANS,
        lambda p: p.title,
        lambda p: p.summary,
        lambda p: reverse("public:plan", args=[p.key]),
    ),
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
        lambda u: f"{u.deliverable.title}: {u.date:%d %B %Y}",
        lambda u: u.text,
        lambda u: _deliverable_url(u.deliverable),
    ),
    Source(
        _("Meeting"),
        public.meetings,
        ix.MEETINGS,
        str,
        lambda m: m.venue,
        lambda m: reverse("panel:meeting", args=[m.pk]),
    ),
    Source(
        _("Agenda item"),
        lambda: AgendaItem.objects.with_public_papers().select_related("meeting"),
        ix.AGENDA_ITEMS,
        lambda i: f"{i.meeting}: {i}",
        lambda i: i.note,
        lambda i: reverse("panel:meeting", args=[i.meeting_id]),
    ),
    Source(
        _("Paper"),
        lambda: AgendaItem.objects.with_public_papers().select_related("meeting"),
        ix.PAPERS,
        lambda i: f"{i.meeting}: {i}",
        lambda i: i.report_text,
        lambda i: reverse("panel:agenda-item-report", args=[i.meeting_id, i.number]),
    ),
    Source(
        _("Minute"),
        lambda: public.minutes().prefetch_related(None).select_related("meeting"),
        ix.MINUTES,
        lambda m: f"{m.meeting}: {m}",
        lambda m: m.text or m.resolution_text,
        lambda m: reverse("panel:meeting", args=[m.meeting_id]),
    ),
    # Documents the public may download, by their words (pcplan.core.documents): a recorded
    # publication of specified information is public (its document is served to anyone); a
    # report or annual report while it is published.
    Source(
        _("Published document"),
        lambda: SpecifiedPublication.objects.all(),
        ix.PUBLICATIONS,
        lambda p: p.title,
        lambda p: p.document_text,
        _publication_url,
    ),
    Source(
        _("Report"),
        lambda: GeneratedReport.objects.public().select_related("theme"),
        ix.REPORTS,
        str,
        lambda r: r.document_text or r.purpose,
        lambda r: reverse("reports:public-download", args=[r.pk]),
    ),
    Source(
        _("Annual report"),
        lambda: AnnualReport.objects.public(),
        ix.ANNUAL_REPORTS,
        lambda a: a.title,
        lambda a: a.document_text,
        lambda a: reverse("transparency:annual-report-file", args=[a.pk, "pdf"]),
    ),
]


def _staff_deliverable_url(d: Any) -> str:
    return reverse("delivery:deliverable-detail", args=[d.pk])


def _draft_mark(row: Any) -> str:
    return "" if getattr(row, "is_published", True) else " " + str(_("(draft)"))


# Signed-in staff read every deliverable and update, drafts included (as the staff pages:
# delivery.views.get_deliverable_for_user); the Panel's records as the public does.
STAFF_SOURCES = [
    SOURCES[0],
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
        lambda u: f"{u.deliverable.title}: {u.date:%d %B %Y}" + _draft_mark(u),
        lambda u: u.text,
        lambda u: _staff_deliverable_url(u.deliverable) + f"#update-{u.pk}",
    ),
    *SOURCES[3:],
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
