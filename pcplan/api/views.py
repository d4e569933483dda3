"""The API's routes: anonymous reads of what is public, and staff writes with a token.

Public routes read only through `pcplan.api.public`; staff routes call the apps' own service
functions, which check the same permission rules as the web pages.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils.http import http_date
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from pcplan.api import filters, freshness, public, renderers
from pcplan.api import serializers as s
from pcplan.core.models import CommunitySafetyPartnership, Organisation, User
from pcplan.core.pagecache import answer_conditionally
from pcplan.core.publishing import set_published
from pcplan.delivery import services
from pcplan.delivery.models import Deliverable, Update
from pcplan.grants.models import Award, Fund
from pcplan.panel.models import (
    AgendaItem,
    Meeting,
    MinuteItem,
    MinuteQuestion,
    PanelMember,
    Recommendation,
)
from pcplan.partnerships.models import Body, BodyPriority, Membership
from pcplan.performance.models import ImportRun, Measure, Observation
from pcplan.plans.models import Plan, Priority, Theme
from pcplan.reports.models import GeneratedReport
from pcplan.transparency import permissions as transparency_permissions
from pcplan.transparency.models import Decision


class Conditional:
    """Conditional GETs: the ETag is the body's hash, and Last-Modified is when a record of
    `changes_in` (the models the route reads) last changed, from the audit trail. A client
    sending either back (If-None-Match, If-Modified-Since) gets 304 Not Modified, no body."""

    changes_in: tuple[type[Model], ...] = ()

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            changed = freshness.last_changed(self.changes_in)
            if changed is not None:
                response["Last-Modified"] = http_date(changed.timestamp())
            if isinstance(response, Response):
                response.render()
            result: Response = answer_conditionally(request._request, response)  # type: ignore[assignment]
            return result
        return response


class PublicViewSet(Conditional, viewsets.ReadOnlyModelViewSet[Any]):
    """Anyone may read; a token changes nothing here (staff routes are under /staff/).
    Lists also download as CSV or Excel (`?format=csv|xlsx`) with the filters applied."""

    permission_classes = [permissions.AllowAny]
    renderer_classes = [
        JSONRenderer,
        BrowsableAPIRenderer,
        renderers.CSVRenderer,
        renderers.XLSXRenderer,
    ]

    # A file is streamed, not a DRF Response: wider than the stubs' `list`.
    def list(  # type: ignore[override]
        self, request: Request, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        export = request.accepted_renderer.format
        if export not in renderers.EXPORT_FORMATS:
            return super().list(request, *args, **kwargs)
        # Every row, never a cut list (pcplan.api.renderers); a refusal is said in JSON, as
        # every other API error.
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = JSONRenderer.media_type
        return renderers.export(
            request,
            export,
            self.filter_queryset(self.get_queryset()),
            lambda chunk: self.get_serializer(chunk, many=True).data,
            fields=list(getattr(self.get_serializer(), "fields", {})),
            name=self.basename or "records",
        )


class PlanViewSet(PublicViewSet):
    """Police and Crime Plans that are issued, varied or superseded."""

    changes_in = (Plan,)
    serializer_class = s.PlanSerializer
    filterset_fields = ["status"]

    def get_queryset(self) -> QuerySet[Any]:
        return public.plans()


class ThemeViewSet(PublicViewSet):
    """The themes of public plans, with their priorities for action."""

    changes_in = (Theme, Priority, Plan)
    serializer_class = s.ThemeSerializer
    filterset_class = filters.ThemeFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.themes()


class DeliverableViewSet(PublicViewSet):
    """Published deliverables of public plans, each with its latest published update."""

    changes_in = (Deliverable, Update, Organisation, Theme, Plan)
    serializer_class = s.DeliverableSerializer
    filterset_class = filters.DeliverableFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.deliverables()


class UpdateViewSet(PublicViewSet):
    """Published progress updates of public deliverables, newest first."""

    changes_in = (Update, Deliverable, Organisation, Theme, Plan)
    serializer_class = s.UpdateSerializer
    filterset_class = filters.UpdateFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.updates()


class MeasureViewSet(PublicViewSet):
    """National measures and published local measures."""

    changes_in = (Measure,)
    serializer_class = s.MeasureSerializer
    filterset_fields = ["is_national", "key"]

    def get_queryset(self) -> QuerySet[Any]:
        return public.measures()


class ObservationViewSet(PublicViewSet):
    """Values of public measures, per month, quarter or year, for the force or a CSP area."""

    changes_in = (Observation, Measure)
    serializer_class = s.ObservationSerializer
    filterset_class = filters.ObservationFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.observations()


class PanelMemberViewSet(PublicViewSet):
    """Members of the Police and Crime Panel, past and present."""

    changes_in = (PanelMember,)
    serializer_class = s.PanelMemberSerializer
    filterset_fields = ["kind", "office"]

    def get_queryset(self) -> QuerySet[Any]:
        return public.panel_members()


class MeetingViewSet(PublicViewSet):
    """Meetings of every body that meets in public (the Panel's among them), with a link to
    each one's page and calendar entry."""

    changes_in = (Meeting,)
    serializer_class = s.MeetingSerializer
    filterset_class = filters.MeetingFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.meetings()


class AgendaItemViewSet(PublicViewSet):
    """Items of published agendas; exempt items are listed without their papers."""

    changes_in = (AgendaItem, Meeting, Deliverable, Theme, Plan)
    serializer_class = s.AgendaItemSerializer
    filterset_class = filters.AgendaItemFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.agenda_items()


class MinuteViewSet(PublicViewSet):
    """Published minutes, exempt minutes left out, numbered as the Panel numbers them."""

    changes_in = (MinuteItem, MinuteQuestion, Meeting)
    serializer_class = s.MinuteSerializer
    filterset_class = filters.MinuteFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.minutes()


class RecommendationViewSet(PublicViewSet):
    """The Panel's recommendations, with the response once it is published."""

    changes_in = (Recommendation, Meeting, Deliverable, Theme, Plan)
    serializer_class = s.RecommendationSerializer
    filterset_class = filters.RecommendationFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.recommendations()


class ReportViewSet(PublicViewSet):
    """Published reports of public plans, newest first."""

    changes_in = (GeneratedReport, Plan)
    serializer_class = s.ReportSerializer
    filterset_fields = ["plan", "kind"]

    def get_queryset(self) -> QuerySet[Any]:
        return public.reports()


class AwardViewSet(PublicViewSet):
    """The grants register: published grant awards, newest decision first."""

    changes_in = (Award, Fund, Organisation, CommunitySafetyPartnership)
    serializer_class = s.AwardSerializer
    filterset_class = filters.AwardFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.awards()


class DecisionViewSet(PublicViewSet):
    """The decision register: published decisions, without their exempt part."""

    changes_in = (Decision,)
    serializer_class = s.DecisionSerializer
    filterset_class = filters.DecisionFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.decisions()


class BodyViewSet(PublicViewSet):
    """Published partnerships, boards and groups; a body meeting in private by name, place
    and priorities only."""

    changes_in = (Body, BodyPriority, Membership, Organisation, Deliverable, Theme, Plan)
    serializer_class = s.BodySerializer
    filterset_class = filters.BodyFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.bodies()


class PoliceCrimeViewSet(PublicViewSet):
    """Street-level crime counts by month, force, area and crime type (data.police.uk)."""

    changes_in = (ImportRun,)
    serializer_class = s.PoliceCrimeSerializer
    filterset_class = filters.PoliceCrimeFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.police_crimes()


class PoliceOutcomeViewSet(PublicViewSet):
    """Outcome counts by month, force, area and outcome type (data.police.uk)."""

    changes_in = (ImportRun,)
    serializer_class = s.PoliceOutcomeSerializer
    filterset_class = filters.PoliceOutcomeFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.police_outcomes()


class PoliceStopSearchViewSet(PublicViewSet):
    """Stop and search counts by month, force, object of search, outcome and ethnicity
    (data.police.uk)."""

    changes_in = (ImportRun,)
    serializer_class = s.PoliceStopSearchSerializer
    filterset_class = filters.PoliceStopSearchFilter

    def get_queryset(self) -> QuerySet[Any]:
        return public.police_stop_searches()


class PublishSerializer(serializers.Serializer[Any]):
    published = serializers.BooleanField()


def api_user(request: Request) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - IsAuthenticated let only a User in
    return user


class StaffUpdateViewSet(
    Conditional,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet[Any],
):
    """Progress updates, drafts included, for signed-in staff (as on the staff pages).

    Adding, editing and publishing go through the Delivery Plan's services: a contributor adds
    updates only to deliverables their organisation leads, edits their own until published,
    and publishes nothing."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.StaffUpdateSerializer
    filterset_class = filters.UpdateFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Any]:
        return Update.objects.select_related("deliverable").order_by("-date", "-id")

    @extend_schema(request=s.UpdateWriteSerializer, responses={201: s.StaffUpdateSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        given = s.UpdateWriteSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        deliverable = get_object_or_404(Deliverable, pk=given.validated_data["deliverable"])
        update = services.post_update(
            api_user(request),
            deliverable,
            text=given.validated_data["text"],
            date=given.validated_data["date"],
        )
        return Response(s.StaffUpdateSerializer(update).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.UpdateEditSerializer, responses={200: s.StaffUpdateSerializer})
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        update = self.get_object()
        given = s.UpdateEditSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        services.edit_update(
            api_user(request),
            update,
            text=data.get("text", update.text),
            date=data.get("date", update.date),
            version=data["version"],
        )
        return Response(s.StaffUpdateSerializer(update).data)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.partial_update(request, *args, **kwargs)

    @extend_schema(request=PublishSerializer, responses={200: s.StaffUpdateSerializer})
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str | None = None) -> Response:
        update = self.get_object()
        given = PublishSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        set_published(api_user(request), update, given.validated_data["published"])
        return Response(s.StaffUpdateSerializer(update).data)


class StaffDeliverableViewSet(
    Conditional,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet[Any],
):
    """Every deliverable, unpublished ones included, for signed-in staff (as on the staff
    pages). Changing status or target is for editors, through the Delivery Plan's service."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.StaffDeliverableSerializer
    filterset_class = filters.DeliverableFilter
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Any]:
        return Deliverable.objects.select_related("theme").order_by("id")

    @extend_schema(
        request=s.DeliverableEditSerializer, responses={200: s.StaffDeliverableSerializer}
    )
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        deliverable = self.get_object()
        given = s.DeliverableEditSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        if "status" in data:
            deliverable.status = data["status"]
        if "target" in data:
            deliverable.target = data["target"]
        services.save_deliverable(
            api_user(request), deliverable, reason="Edited through the API", version=data["version"]
        )
        return Response(s.StaffDeliverableSerializer(deliverable).data)


class CanReadDecisions(permissions.BasePermission):
    """The OPCC and the Panel, as on the staff decision pages."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        return isinstance(user, User) and transparency_permissions.can_read_decisions(user)


class StaffDecisionViewSet(Conditional, viewsets.ReadOnlyModelViewSet[Any]):
    """Every decision, unpublished ones and exempt parts included, for the OPCC and the Panel
    (as on the staff decision pages)."""

    permission_classes = [permissions.IsAuthenticated, CanReadDecisions]
    serializer_class = s.StaffDecisionSerializer
    filterset_class = filters.DecisionFilter

    def get_queryset(self) -> QuerySet[Any]:
        return Decision.objects.order_by("-decided_on", "-number", "-id")
