"""What each record looks like in the API. Only fields the public pages show are read here:
no author, no contact details, no papers of exempt items, no unpublished response."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from pcplan.core.periods import PeriodError, QuarterSpan
from pcplan.delivery.models import Deliverable, Update
from pcplan.delivery.rules import Status
from pcplan.grants.models import Award
from pcplan.panel.models import (
    AgendaItem,
    Meeting,
    MinuteItem,
    MinuteQuestion,
    PanelMember,
    Recommendation,
)
from pcplan.partnerships.models import Body, Membership, MembershipRole
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


def _absolute(context: Mapping[str, Any], path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


class PlanSerializer(serializers.ModelSerializer[Plan]):
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Plan
        fields = [
            "id",
            "key",
            "title",
            "area",
            "commissioner",
            "summary",
            "starts_on",
            "ends_on",
            "status",
            "status_label",
        ]


class ThemeSerializer(serializers.ModelSerializer[Theme]):
    plan_key = serializers.CharField(source="plan.key", read_only=True)
    priorities: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="text"
    )

    class Meta:
        model = Theme
        fields = ["id", "plan", "plan_key", "key", "position", "title", "aim", "priorities"]


class UpdateSerializer(serializers.ModelSerializer[Update]):
    author_organisation: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        read_only=True, slug_field="name", allow_null=True
    )

    class Meta:
        model = Update
        fields = ["id", "deliverable", "date", "text", "author_organisation", "published_at"]


class DeliverableSerializer(serializers.ModelSerializer[Deliverable]):
    plan = serializers.IntegerField(source="theme.plan_id", read_only=True)
    plan_key = serializers.CharField(source="theme.plan.key", read_only=True)
    lead: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        read_only=True, slug_field="name", allow_null=True
    )
    partners: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name"
    )
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    target = serializers.SerializerMethodField()
    latest_update = serializers.SerializerMethodField()

    class Meta:
        model = Deliverable
        fields = [
            "id",
            "plan",
            "plan_key",
            "theme",
            "key",
            "title",
            "purpose",
            "lead",
            "partners",
            "status",
            "status_label",
            "target",
            "target_start",
            "target_end",
            "added_on",
            "completed_on",
            "latest_update",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_target(self, obj: Deliverable) -> str:
        return str(obj.target) if obj.target else ""

    @extend_schema_field(UpdateSerializer(allow_null=True))
    def get_latest_update(self, obj: Deliverable) -> dict[str, Any] | None:
        latest = getattr(obj, "latest_updates", [])
        return self._update_serializer.to_representation(latest[0]) if latest else None

    @cached_property
    def _update_serializer(self) -> UpdateSerializer:
        """One update serializer for every row of a page: a new one per row built its fields
        again each time, a third of a list's time (docs/PERFORMANCE.md, "The API")."""
        return UpdateSerializer(context=self.context)


class MeasureSerializer(serializers.ModelSerializer[Measure]):
    class Meta:
        model = Measure
        fields = [
            "id",
            "key",
            "position",
            "name",
            "description",
            "unit",
            "direction",
            "baseline_label",
            "baseline_start",
            "baseline_end",
            "baseline_value",
            "is_summed",
            "target_value",
            "target_note",
            "is_national",
            "source",
        ]


class ObservationSerializer(serializers.ModelSerializer[Observation]):
    measure_key = serializers.CharField(source="measure.key", read_only=True)

    class Meta:
        model = Observation
        fields = ["id", "measure", "measure_key", "granularity", "period_start", "value", "area"]


class PanelMemberSerializer(serializers.ModelSerializer[PanelMember]):
    class Meta:
        model = PanelMember
        fields = ["id", "name", "kind", "authority", "office", "start_date", "end_date"]


class MeetingSerializer(serializers.ModelSerializer[Meeting]):
    # The time of day in London, as "13:30"; `starts_at` is the same moment with its offset.
    time = serializers.SerializerMethodField()
    starts_at = serializers.DateTimeField(read_only=True)
    url = serializers.SerializerMethodField()
    calendar_url = serializers.SerializerMethodField()
    # The body whose meeting it is, by its key (the Panel's is "police-and-crime-panel").
    body: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="key", read_only=True
    )

    class Meta:
        model = Meeting
        fields = [
            "id",
            "body",
            "date",
            "time",
            "starts_at",
            "venue",
            "title",
            "status",
            "agenda_published_on",
            "minutes_published",
            "url",
            "calendar_url",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_time(self, obj: Meeting) -> str:
        return f"{obj.time:%H:%M}"

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj: Meeting) -> str:
        return _absolute(self.context, reverse("panel:meeting", args=[obj.pk]))

    @extend_schema_field(OpenApiTypes.URI)
    def get_calendar_url(self, obj: Meeting) -> str:
        return _absolute(self.context, reverse("api:meeting-ics", args=[obj.pk]))


class AgendaItemSerializer(serializers.ModelSerializer[AgendaItem]):
    """An exempt item is listed with the notice why its papers are withheld; its note, page
    range and report are not given."""

    report_url = serializers.SerializerMethodField()
    note = serializers.SerializerMethodField()
    page_range = serializers.SerializerMethodField()
    exemption_notice = serializers.CharField(read_only=True)
    deliverables = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "meeting",
            "number",
            "title",
            "presenting_body",
            "kind",
            "is_exempt",
            "exemption_notice",
            "note",
            "page_range",
            "report_url",
            "deliverables",
        ]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_report_url(self, obj: AgendaItem) -> str | None:
        if obj.is_exempt or not obj.has_report:
            return None
        path = reverse("panel:agenda-item-report", args=[obj.meeting_id, obj.number])
        return _absolute(self.context, path)

    @extend_schema_field(OpenApiTypes.STR)
    def get_note(self, obj: AgendaItem) -> str:
        return "" if obj.is_exempt else obj.note

    @extend_schema_field(OpenApiTypes.STR)
    def get_page_range(self, obj: AgendaItem) -> str:
        return "" if obj.is_exempt else obj.page_range

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_deliverables(self, obj: AgendaItem) -> list[int]:
        return [d.pk for d in getattr(obj, "public_deliverables", [])]


class MinuteQuestionSerializer(serializers.ModelSerializer[MinuteQuestion]):
    class Meta:
        model = MinuteQuestion
        fields = ["number", "text"]


class MinuteSerializer(serializers.ModelSerializer[MinuteItem]):
    questions = MinuteQuestionSerializer(many=True, read_only=True)

    class Meta:
        model = MinuteItem
        fields = [
            "id",
            "meeting",
            "number",
            "title",
            "text",
            "resolution",
            "resolution_text",
            "questions",
        ]


class RecommendationSerializer(serializers.ModelSerializer[Recommendation]):
    """The response is given once it is published, and not before."""

    response_text = serializers.SerializerMethodField()
    response_date = serializers.SerializerMethodField()
    deliverables = serializers.SerializerMethodField()

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "meeting",
            "text",
            "made_on",
            "response_due",
            "response_published",
            "response_text",
            "response_date",
            "closed",
            "deliverables",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_response_text(self, obj: Recommendation) -> str:
        return obj.response_text if obj.response_published else ""

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_response_date(self, obj: Recommendation) -> str | None:
        if not obj.response_published or obj.response_date is None:
            return None
        return obj.response_date.isoformat()

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_deliverables(self, obj: Recommendation) -> list[int]:
        return [d.pk for d in getattr(obj, "public_deliverables", [])]


class ReportSerializer(serializers.ModelSerializer[GeneratedReport]):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = GeneratedReport
        fields = [
            "id",
            "plan",
            "kind",
            "format",
            "as_of",
            "since",
            "meeting_date",
            "published_at",
            "download_url",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_download_url(self, obj: GeneratedReport) -> str:
        return _absolute(self.context, reverse("reports:public-download", args=[obj.pk]))


class AwardSerializer(serializers.ModelSerializer[Award]):
    """A published grant award: the grants register's columns (SI 2011/3050 Sch. para 3)."""

    fund: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        read_only=True, slug_field="key"
    )
    fund_name = serializers.CharField(source="fund.name", read_only=True)
    recipient: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        read_only=True, slug_field="name"
    )
    area: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        read_only=True, slug_field="name", allow_null=True
    )
    # The decision that made the award, from the decision register (one may make several).
    decision_number = serializers.CharField(
        source="decision.number", read_only=True, allow_null=True, default=None
    )
    decision_maker = serializers.CharField(
        source="decision.decision_maker", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Award
        fields = [
            "id",
            "reference",
            "decision_date",
            "decision_number",
            "decision_maker",
            "fund",
            "fund_name",
            "recipient",
            "area",
            "purpose",
            "amount",
            "amount_note",
            "conditions",
            "reasons",
            "starts_on",
            "ends_on",
            "published_at",
        ]


class DecisionSerializer(serializers.ModelSerializer[Decision]):
    """A published decision. Its exempt part is never given: only that one is withheld."""

    has_exempt_part = serializers.BooleanField(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Decision
        fields = [
            "id",
            "number",
            "decided_on",
            "title",
            "kind",
            "decision_maker",
            "summary",
            "reasons",
            "financial_implications",
            "advised_by",
            "source",
            "significant_public_interest",
            "has_exempt_part",
            "published_at",
            "url",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj: Decision) -> str:
        return _absolute(self.context, reverse("transparency:decision", args=[obj.pk]))


class StaffDecisionSerializer(DecisionSerializer):
    """Every decision with its exempt part, for the OPCC and the Panel (as their pages)."""

    class Meta(DecisionSerializer.Meta):
        fields = [
            *DecisionSerializer.Meta.fields,
            "is_published",
            "exempt_part",
            "exemption_reason",
            "exemption_paragraph",
        ]


class BodyMembershipSerializer(serializers.ModelSerializer[Membership]):
    """A seat on a body that meets in public. A person is named only in the roles papers name
    them in (chair, vice-chair, Senior Responsible Owner); members by organisation."""

    organisation: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        read_only=True, slug_field="name", allow_null=True
    )
    person = serializers.SerializerMethodField()

    class Meta:
        model = Membership
        fields = ["organisation", "person", "role", "starts_on", "ends_on"]

    def get_person(self, obj: Membership) -> str:
        return "" if obj.role == MembershipRole.MEMBER else obj.person


class BodySerializer(serializers.ModelSerializer[Body]):
    """A published partnership, board or group. A body meeting in private shows its name,
    place and priorities only (as its public page): purpose, terms of reference, members,
    themes and deliverables are given for bodies that meet in public."""

    # DRF collects declared fields off the class, so this does not hide Field.parent.
    parent = serializers.SerializerMethodField()  # type: ignore[assignment]
    priorities: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="title"
    )
    purpose = serializers.SerializerMethodField()
    terms_of_reference = serializers.SerializerMethodField()
    memberships = serializers.SerializerMethodField()
    deliverables = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Body
        fields = [
            "id",
            "key",
            "name",
            "kind",
            "parent",
            "meetings_public",
            "priorities",
            "purpose",
            "terms_of_reference",
            "memberships",
            "deliverables",
            "url",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_parent(self, obj: Body) -> str | None:
        """The parent's key, when the parent is published too."""
        return obj.parent.key if obj.parent and obj.parent.is_published else None

    def get_purpose(self, obj: Body) -> str:
        return obj.purpose if obj.shows_details_publicly else ""

    def get_terms_of_reference(self, obj: Body) -> str:
        return obj.terms_of_reference if obj.shows_details_publicly else ""

    @extend_schema_field(BodyMembershipSerializer(many=True))
    def get_memberships(self, obj: Body) -> list[dict[str, Any]]:
        if not obj.shows_details_publicly:
            return []
        return list(
            BodyMembershipSerializer(getattr(obj, "current_memberships", []), many=True).data
        )

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_deliverables(self, obj: Body) -> list[int]:
        if not obj.shows_details_publicly:
            return []
        return [d.pk for d in getattr(obj, "public_deliverables", [])]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj: Body) -> str:
        return _absolute(self.context, reverse("partnerships:body", args=[obj.key]))


# The place and month of a street-crime or outcome count, as data.police.uk gives them.
POLICE_AREA_MONTH = ["id", "force", "month", "district", "lsoa_code", "lsoa_name"]


class PoliceCrimeSerializer(serializers.ModelSerializer[PoliceMonthlyCrime]):
    """Street-level crimes of one month, counted by force, LSOA, crime type and last outcome
    (data.police.uk, Open Government Licence). `month` is the month's first day."""

    class Meta:
        model = PoliceMonthlyCrime
        fields = [
            *POLICE_AREA_MONTH,
            "crime_type",
            "last_outcome_category",
            "count",
        ]


class PoliceOutcomeSerializer(serializers.ModelSerializer[PoliceMonthlyOutcome]):
    """Outcomes recorded in one month, counted by force, LSOA and outcome type (data.police.uk
    outcomes files, Open Government Licence). `month` is the month's first day."""

    class Meta:
        model = PoliceMonthlyOutcome
        fields = [*POLICE_AREA_MONTH, "outcome_type", "count"]


class PoliceStopSearchSerializer(serializers.ModelSerializer[PoliceMonthlyStopSearch]):
    """Stop and search of one month, counted by force, object of search, outcome, whether the
    outcome was linked to the object, and officer- and self-defined ethnicity (data.police.uk
    stop-and-search files, Open Government Licence): counts only, never a search's date, place,
    age or gender. `outcome_linked` is "True", "False" or "" (not recorded), as published."""

    class Meta:
        model = PoliceMonthlyStopSearch
        fields = [
            "id",
            "force",
            "month",
            "object_of_search",
            "outcome",
            "outcome_linked",
            "officer_defined_ethnicity",
            "self_defined_ethnicity",
            "count",
        ]


class UpdateWriteSerializer(serializers.Serializer[Update]):
    """A new progress update, as the deliverable page's form takes it."""

    deliverable = serializers.IntegerField()
    date = serializers.DateField()
    text = serializers.CharField(max_length=20000)


class StaffUpdateSerializer(serializers.ModelSerializer[Update]):
    class Meta:
        model = Update
        fields = ["id", "deliverable", "date", "text", "is_published", "version"]


class UpdateEditSerializer(serializers.Serializer[Update]):
    """A change to an update: `version` is the one read, so that a stale edit is refused."""

    date = serializers.DateField(required=False)
    text = serializers.CharField(max_length=20000, required=False)
    version = serializers.IntegerField(min_value=1)


class StaffDeliverableSerializer(serializers.ModelSerializer[Deliverable]):
    class Meta:
        model = Deliverable
        fields = [
            "id",
            "theme",
            "key",
            "title",
            "lead",
            "status",
            "target_start",
            "target_end",
            "completed_on",
            "is_published",
            "version",
        ]


class DeliverableEditSerializer(serializers.Serializer[Deliverable]):
    """A change to a deliverable's status or target, as the deliverable form makes it;
    `version` is the one read, so that a stale edit is refused."""

    status = serializers.ChoiceField(choices=Status.choices, required=False)
    target = serializers.CharField(
        required=False, allow_blank=True, help_text="For example Q1 2023/24; blank for none."
    )
    version = serializers.IntegerField(min_value=1)

    def validate_target(self, value: str) -> QuarterSpan | None:
        if not value.strip():
            return None
        try:
            return QuarterSpan.parse(value)
        except PeriodError as exc:
            raise serializers.ValidationError(str(exc)) from None
