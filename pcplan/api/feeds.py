"""RSS and Atom feeds of what is public: progress updates, Panel meetings and their papers;
and one meeting as an iCalendar file ("add to calendar")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from pcplan.api import freshness, public
from pcplan.core.dates import long_date
from pcplan.core.office import current_office
from pcplan.delivery.models import Deliverable, Update
from pcplan.panel import calendar
from pcplan.panel.models import AgendaItem, Meeting
from pcplan.plans.models import Plan, Theme

FEED_LENGTH = 50


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=timezone.get_current_timezone())


class UpdatesFeed(Feed):
    """The latest published progress updates on the Delivery Plan."""

    def title(self) -> str:
        return _("%(office)s: Delivery Plan updates") % {"office": current_office().name}

    def link(self) -> str:
        return reverse("public:home")

    def description(self) -> str:
        return _("Published progress updates on the Police and Crime Plan's deliverables.")

    def items(self) -> QuerySet[Update]:
        return public.updates().select_related("deliverable__theme__plan")[:FEED_LENGTH]

    def item_title(self, item: Update) -> str:
        return f"{item.deliverable.title}: {long_date(item.date, padded=True)}"

    def item_description(self, item: Update) -> str:
        return item.text

    def item_link(self, item: Update) -> str:
        deliverable = item.deliverable
        url = reverse("public:deliverable", args=[deliverable.theme.plan.key, deliverable.pk])
        return f"{url}#update-{item.pk}"

    def item_pubdate(self, item: Update) -> dt.datetime:
        return item.published_at or _at(item.date)


class UpdatesAtomFeed(UpdatesFeed):
    feed_type = Atom1Feed
    subtitle = UpdatesFeed.description


class MeetingsFeed(Feed):
    """Panel meetings, latest first, each with its date, time and venue."""

    def title(self) -> str:
        return _("%(panel)s: meetings") % {"panel": current_office().panel}

    def link(self) -> str:
        return reverse("panel:meetings")

    def description(self) -> str:
        return _("Meetings of the Police and Crime Panel, with their agendas and minutes.")

    def items(self) -> QuerySet[Meeting]:
        return public.meetings().of_panel().order_by("-date", "-time", "-id")[:FEED_LENGTH]

    def item_title(self, item: Meeting) -> str:
        return str(item)

    def item_description(self, item: Meeting) -> str:
        return f"{long_date(item.date, padded=True)} {item.time:%H:%M}, {item.venue}".strip(", ")

    def item_link(self, item: Meeting) -> str:
        return reverse("panel:meeting", args=[item.pk])

    def item_pubdate(self, item: Meeting) -> dt.datetime:
        return item.starts_at


class MeetingsAtomFeed(MeetingsFeed):
    feed_type = Atom1Feed
    subtitle = MeetingsFeed.description


class PapersFeed(Feed):
    """Reports on published agendas, exempt ones never."""

    def title(self) -> str:
        return _("%(panel)s: papers") % {"panel": current_office().panel}

    def link(self) -> str:
        return reverse("panel:meetings")

    def description(self) -> str:
        return _("Reports published with the Police and Crime Panel's agendas.")

    def items(self) -> QuerySet[AgendaItem]:
        return (
            public.agenda_items()
            .filter(meeting__in=Meeting.objects.of_panel())
            .filter(pk__in=AgendaItem.objects.with_public_papers())
            .exclude(report_file="")
            .order_by("-meeting__date", "-meeting_id", "number")[:FEED_LENGTH]
        )

    def item_title(self, item: AgendaItem) -> str:
        return f"{item.meeting}: {item}"

    def item_description(self, item: AgendaItem) -> str:
        return item.note

    def item_link(self, item: AgendaItem) -> str:
        return reverse("panel:agenda-item-report", args=[item.meeting_id, item.number])

    def item_pubdate(self, item: AgendaItem) -> dt.datetime:
        published = item.meeting.agenda_published_on or item.meeting.date
        return _at(published)


class PapersAtomFeed(PapersFeed):
    feed_type = Atom1Feed
    subtitle = PapersFeed.description


def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """One meeting as an iCalendar file, to add to a calendar (the Panel's calendar.py)."""
    meeting = get_object_or_404(public.meetings(), pk=pk)
    body = calendar.meetings_calendar(
        [meeting],
        host=request.get_host(),
        url=lambda m: request.build_absolute_uri(reverse("panel:meeting", args=[m.pk])),
        panel_name=current_office().panel,
        now=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.date:%Y-%m-%d}.ics"'
    return response


def dated(view: Callable[..., HttpResponse], *models: type[Model]) -> Callable[..., HttpResponse]:
    """`view` with Last-Modified from the audit trail of `models`, and 304 Not Modified for a
    reader whose If-Modified-Since is no older (Django's `condition`)."""

    def changed(request: HttpRequest, *args: Any, **kwargs: Any) -> dt.datetime | None:
        return freshness.last_changed(models)

    def undated(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # A feed dates itself by its newest item; a withdrawn or edited item is a change too.
        response = view(request, *args, **kwargs)
        del response["Last-Modified"]
        return response

    return condition(last_modified_func=changed)(undated)


# The feeds as the URLs serve them, each dated by the records it reads.
updates_rss = dated(UpdatesFeed(), Update, Deliverable, Theme, Plan)
updates_atom = dated(UpdatesAtomFeed(), Update, Deliverable, Theme, Plan)
meetings_rss = dated(MeetingsFeed(), Meeting)
meetings_atom = dated(MeetingsAtomFeed(), Meeting)
papers_rss = dated(PapersFeed(), AgendaItem, Meeting)
papers_atom = dated(PapersAtomFeed(), AgendaItem, Meeting)
