"""Filters of the API's lists (django-filter): each a field of the record, by its API name."""

from __future__ import annotations

import django_filters

from pcplan.delivery.models import Deliverable, Update
from pcplan.delivery.rules import Status
from pcplan.grants.models import Award
from pcplan.panel.models import AgendaItem, Meeting, MinuteItem, Recommendation
from pcplan.partnerships.models import Body
from pcplan.performance.models import (
    Observation,
    PoliceMonthlyCrime,
    PoliceMonthlyOutcome,
    PoliceMonthlyStopSearch,
)
from pcplan.plans.models import Theme
from pcplan.transparency.models import Decision


class ThemeFilter(django_filters.FilterSet):
    plan_key = django_filters.CharFilter(field_name="plan__key")

    class Meta:
        model = Theme
        fields = ["plan"]


class DeliverableFilter(django_filters.FilterSet):
    plan = django_filters.NumberFilter(field_name="theme__plan")
    plan_key = django_filters.CharFilter(field_name="theme__plan__key")
    status = django_filters.ChoiceFilter(choices=Status.choices)
    lead = django_filters.CharFilter(field_name="lead__key")

    class Meta:
        model = Deliverable
        fields = ["theme", "plan", "plan_key", "status", "lead"]


class UpdateFilter(django_filters.FilterSet):
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = Update
        fields = ["deliverable", "date_from", "date_to"]


class ObservationFilter(django_filters.FilterSet):
    measure_key = django_filters.CharFilter(field_name="measure__key")
    period_from = django_filters.DateFilter(field_name="period_start", lookup_expr="gte")
    period_to = django_filters.DateFilter(field_name="period_start", lookup_expr="lte")

    class Meta:
        model = Observation
        fields = ["measure", "measure_key", "granularity", "area", "period_from", "period_to"]


class MeetingFilter(django_filters.FilterSet):
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")
    status = django_filters.ChoiceFilter(choices=Meeting.Status.choices)

    class Meta:
        model = Meeting
        fields = ["status", "date_from", "date_to"]


class AgendaItemFilter(django_filters.FilterSet):
    class Meta:
        model = AgendaItem
        fields = ["meeting"]


class MinuteFilter(django_filters.FilterSet):
    class Meta:
        model = MinuteItem
        fields = ["meeting"]


class RecommendationFilter(django_filters.FilterSet):
    class Meta:
        model = Recommendation
        fields = ["meeting", "closed", "response_published"]


class AwardFilter(django_filters.FilterSet):
    fund = django_filters.CharFilter(field_name="fund__key")
    decided_from = django_filters.DateFilter(field_name="decision_date", lookup_expr="gte")
    decided_to = django_filters.DateFilter(field_name="decision_date", lookup_expr="lte")

    class Meta:
        model = Award
        fields = ["fund", "area", "decided_from", "decided_to"]


class DecisionFilter(django_filters.FilterSet):
    decided_from = django_filters.DateFilter(field_name="decided_on", lookup_expr="gte")
    decided_to = django_filters.DateFilter(field_name="decided_on", lookup_expr="lte")

    class Meta:
        model = Decision
        fields = ["kind", "significant_public_interest", "decided_from", "decided_to"]


class BodyFilter(django_filters.FilterSet):
    parent = django_filters.CharFilter(field_name="parent__key")

    class Meta:
        model = Body
        fields = ["kind", "parent", "meetings_public"]


class MonthsFilter(django_filters.FilterSet):
    """The police counts' months from and to (each month is its first day)."""

    month_from = django_filters.DateFilter(field_name="month", lookup_expr="gte")
    month_to = django_filters.DateFilter(field_name="month", lookup_expr="lte")


class PoliceCrimeFilter(MonthsFilter):
    class Meta:
        model = PoliceMonthlyCrime
        fields = ["force", "district", "crime_type", "month_from", "month_to"]


class PoliceOutcomeFilter(MonthsFilter):
    class Meta:
        model = PoliceMonthlyOutcome
        fields = ["force", "district", "outcome_type", "month_from", "month_to"]


class PoliceStopSearchFilter(MonthsFilter):
    class Meta:
        model = PoliceMonthlyStopSearch
        fields = ["force", "object_of_search", "outcome", "month_from", "month_to"]
