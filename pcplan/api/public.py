"""What the anonymous API reads: each app's own `.public()` queryset where it has one, and,
for the Panel's records, the rules its public pages apply (pcplan/panel/views/access.py):

- a meeting is public once scheduled if its body meets in public (`Meeting.objects.public()`);
  a private body's meetings, and all that hangs off them, are never public;
- agenda items are public once the agenda is (status past "scheduled"); an exempt item is
  listed, its papers are not;
- minutes are public once published, exempt minutes never;
- a recommendation is public, its response once published;
- members are public (their names are printed on every agenda).

No other module of the API picks rows for the public: the invariant tests read every route.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from pcplan.delivery.models import Deliverable, Update
from pcplan.panel.models import (
    AgendaItem,
    Meeting,
    MeetingQuerySet,
    MinuteItem,
    PanelMember,
    Precept,
    Recommendation,
)
from pcplan.performance.models import Measure, Observation
from pcplan.plans.models import Plan, Theme
from pcplan.public.views import latest_public_updates
from pcplan.reports.models import GeneratedReport


def plans() -> QuerySet[Plan]:
    return Plan.objects.public().order_by("id")


def themes() -> QuerySet[Theme]:
    return (
        Theme.objects.filter(plan__in=Plan.objects.public())
        .select_related("plan")
        .prefetch_related("priorities")
        .order_by("id")
    )


def deliverables() -> QuerySet[Deliverable]:
    return (
        Deliverable.objects.public()
        .select_related("lead", "theme__plan")
        .prefetch_related(
            "partners",
            Prefetch("updates", queryset=latest_public_updates(), to_attr="latest_updates"),
        )
        .order_by("id")
    )


def updates() -> QuerySet[Update]:
    return (
        Update.objects.public()
        .select_related("deliverable", "author_organisation")
        .order_by("-date", "-id")
    )


def measures() -> QuerySet[Measure]:
    return Measure.objects.public().order_by("position", "id")


def observations() -> QuerySet[Observation]:
    return (
        Observation.objects.filter(measure__in=Measure.objects.public())
        .select_related("measure")
        .order_by("measure_id", "period_start", "area", "id")
    )


def panel_members() -> QuerySet[PanelMember]:
    return PanelMember.objects.order_by("id")


def meetings() -> MeetingQuerySet:
    return Meeting.objects.public().select_related("body").order_by("date", "time", "id")


def agenda_items() -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.filter(meeting__in=Meeting.objects.public())
        .exclude(meeting__status=Meeting.Status.SCHEDULED)
        .select_related("meeting")
        .prefetch_related(
            Prefetch(
                "deliverables",
                queryset=Deliverable.objects.public().only("id"),
                to_attr="public_deliverables",
            )
        )
        .order_by("meeting__date", "meeting_id", "number")
    )


def minutes() -> QuerySet[MinuteItem]:
    return (
        MinuteItem.objects.filter(
            meeting__in=Meeting.objects.public(), meeting__minutes_published=True, is_exempt=False
        )
        .prefetch_related("questions")
        .order_by("number")
    )


def recommendations() -> QuerySet[Recommendation]:
    return (
        Recommendation.objects.filter(meeting__in=Meeting.objects.public())
        .prefetch_related(
            Prefetch(
                "deliverables",
                queryset=Deliverable.objects.public().only("id"),
                to_attr="public_deliverables",
            )
        )
        .select_related("meeting")
        .order_by("made_on", "id")
    )


def reports() -> QuerySet[GeneratedReport]:
    return GeneratedReport.objects.public().select_related("plan").order_by("-as_of", "-id")


def reported_precepts() -> QuerySet[Precept]:
    """The precept decisions the Panel has reported (its public precept page's rule)."""
    return Precept.objects.exclude(report_date=None).order_by("financial_year_start")
