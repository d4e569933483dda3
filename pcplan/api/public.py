"""What the anonymous API reads: each app's own `.public()` queryset, the same one the app's
public pages read (for the Panel, pcplan/panel/models.py, where a private body's meetings and
all that hangs off them are never public), with the ordering and prefetching the API's pages
need. Nothing here decides what is public.

No other module of the API picks rows for the public: the invariant tests read every route.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from pcplan.delivery.models import Deliverable, Update
from pcplan.grants.models import Award
from pcplan.panel.models import (
    AgendaItem,
    Meeting,
    MeetingQuerySet,
    MinuteItem,
    PanelMember,
    Precept,
    Recommendation,
)
from pcplan.partnerships.models import Body, Membership
from pcplan.performance.models import (
    Measure,
    Observation,
    PoliceMonthlyCrime,
    PoliceMonthlyOutcome,
    PoliceMonthlyStopSearch,
)
from pcplan.plans.models import Plan, Theme
from pcplan.reports.models import GeneratedReport
from pcplan.transparency.models import Decision


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
        .prefetch_related("partners")
        .with_latest_update(Update.objects.public())
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
    return PanelMember.objects.public().order_by("id")


def meetings() -> MeetingQuerySet:
    return Meeting.objects.public().select_related("body").order_by("date", "time", "id")


def agenda_items() -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.public()
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
    return MinuteItem.objects.public().prefetch_related("questions").order_by("number")


def recommendations() -> QuerySet[Recommendation]:
    return (
        Recommendation.objects.public()
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
    return Precept.objects.public().order_by("financial_year_start")


def awards() -> QuerySet[Award]:
    """The grants register: published awards (`Award.objects.public()`)."""
    return (
        Award.objects.public()
        .select_related("fund", "recipient", "area", "decision")
        .order_by("-decision_date", "reference")
    )


def decisions() -> QuerySet[Decision]:
    """The decision register: published decisions (`Decision.objects.public()`)."""
    return Decision.objects.public().order_by("-decided_on", "-number", "-id")


def bodies() -> QuerySet[Body]:
    """Published bodies (`Body.objects.public()`), with today's seats and public deliverables;
    the serializer gives these only for bodies that meet in public."""
    return (
        Body.objects.public()
        .select_related("parent")
        .prefetch_related(
            "priorities",
            Prefetch(
                "memberships",
                queryset=Membership.objects.on(timezone.localdate()).select_related("organisation"),
                to_attr="current_memberships",
            ),
            Prefetch(
                "deliverables",
                queryset=Deliverable.objects.public().only("id"),
                to_attr="public_deliverables",
            ),
        )
        .order_by("position", "name", "id")
    )


def police_crimes() -> QuerySet[PoliceMonthlyCrime]:
    """data.police.uk street-level crime counts: published open data, all of it public."""
    return PoliceMonthlyCrime.objects.order_by("-month", "force", "district", "crime_type", "id")


def police_outcomes() -> QuerySet[PoliceMonthlyOutcome]:
    """data.police.uk outcome counts: published open data, all of it public."""
    return PoliceMonthlyOutcome.objects.order_by(
        "-month", "force", "district", "outcome_type", "id"
    )


def police_stop_searches() -> QuerySet[PoliceMonthlyStopSearch]:
    """data.police.uk stop-and-search counts (no search's date, place, age or gender is
    stored): published open data, all of it public."""
    return PoliceMonthlyStopSearch.objects.order_by("-month", "force", "object_of_search", "id")
