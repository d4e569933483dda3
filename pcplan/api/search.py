"""One search over what the public may read: plans, deliverables, updates, meetings, agenda
items and minutes. Each source is its public queryset (pcplan.api.public), so a result can
never be something a public page would not show.

One interface, two engines: PostgreSQL full-text search (websearch syntax, English stemming,
ranked) in production; on SQLite, every word must appear in one of the fields (case-
insensitive), newest first. SQLite FTS5 is not used yet (it needs an index table kept in step
by triggers, a migration in each app); see docs/DECISIONS.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from pcplan.api import public
from pcplan.delivery.models import Deliverable, Update
from pcplan.panel.models import AgendaItem

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
    fields: tuple[str, ...]
    title: Callable[[Any], str]
    text: Callable[[Any], str]
    url: Callable[[Any], str]


def _deliverable_url(d: Any) -> str:
    return reverse("public:deliverable", args=[d.theme.plan.key, d.pk])


SOURCES = [
    Source(
        _("Plan"),
        public.plans,
        ("title", "summary"),
        lambda p: p.title,
        lambda p: p.summary,
        lambda p: reverse("public:plan", args=[p.key]),
    ),
    Source(
        _("Deliverable"),
        lambda: public.deliverables().prefetch_related(None),
        ("title", "purpose"),
        lambda d: d.title,
        lambda d: d.purpose,
        _deliverable_url,
    ),
    Source(
        _("Update"),
        lambda: public.updates().select_related("deliverable__theme__plan"),
        ("text",),
        lambda u: f"{u.deliverable.title}: {u.date:%d %B %Y}",
        lambda u: u.text,
        lambda u: _deliverable_url(u.deliverable),
    ),
    Source(
        _("Meeting"),
        public.meetings,
        ("title", "venue"),
        str,
        lambda m: m.venue,
        lambda m: reverse("panel:meeting", args=[m.pk]),
    ),
    Source(
        _("Agenda item"),
        lambda: AgendaItem.objects.with_public_papers().select_related("meeting"),
        ("title", "note"),
        lambda i: f"{i.meeting}: {i}",
        lambda i: i.note,
        lambda i: reverse("panel:meeting", args=[i.meeting_id]),
    ),
    Source(
        _("Minute"),
        lambda: public.minutes().prefetch_related(None).select_related("meeting"),
        ("title", "text", "resolution_text"),
        lambda m: f"{m.meeting}: {m}",
        lambda m: m.text or m.resolution_text,
        lambda m: reverse("panel:meeting", args=[m.meeting_id]),
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
        ("title", "purpose"),
        lambda d: d.title + _draft_mark(d),
        lambda d: d.purpose,
        _staff_deliverable_url,
    ),
    Source(
        _("Update"),
        lambda: Update.objects.select_related("deliverable"),
        ("text",),
        lambda u: f"{u.deliverable.title}: {u.date:%d %B %Y}" + _draft_mark(u),
        lambda u: u.text,
        lambda u: _staff_deliverable_url(u.deliverable) + f"#update-{u.pk}",
    ),
    *SOURCES[3:],
]


def _matching(rows: QuerySet[Any], fields: tuple[str, ...], query: str) -> QuerySet[Any]:
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector(*fields, config="english")
        wanted = SearchQuery(query, search_type="websearch", config="english")
        return (
            rows.annotate(search_vector=vector, search_rank=SearchRank(vector, wanted))
            .filter(search_vector=wanted)
            .order_by("-search_rank", "-pk")
        )
    condition = Q()
    for word in query.split():
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        condition &= any_field
    return rows.filter(condition).order_by("-pk")


def search(query: str, sources: list[Source] | None = None) -> list[Hit]:
    """Records of `sources` (the public ones unless told) matching `query`, up to PER_SOURCE
    of each kind."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if not query:
        return []
    hits: list[Hit] = []
    for source in SOURCES if sources is None else sources:
        for row in _matching(source.rows(), source.fields, query)[:PER_SOURCE]:
            hits.append(
                Hit(
                    kind=str(source.kind),
                    title=source.title(row),
                    snippet=Truncator(source.text(row)).words(40),
                    url=source.url(row),
                )
            )
    return hits
