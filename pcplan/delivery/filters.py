from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet

from pcplan.core.models import Organisation
from pcplan.core.periods import PeriodError, Quarter
from pcplan.delivery.models import Deliverable
from pcplan.delivery.rules import Status
from pcplan.plans.models import Plan, Theme


class QuarterField(forms.CharField):
    def clean(self, value: Any) -> Quarter | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return Quarter.parse(text)
        except PeriodError as exc:
            raise forms.ValidationError(f"Enter a quarter such as Q4 2022/23 ({exc})") from exc


class QuarterFilter(django_filters.Filter):
    field_class = QuarterField


class DeliverableFilter(django_filters.FilterSet):
    theme = django_filters.ModelChoiceFilter(
        queryset=Theme.objects.none(), empty_label="All themes"
    )
    status = django_filters.ChoiceFilter(choices=Status.choices, empty_label="Any status")
    lead = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.none(), empty_label="Any lead"
    )
    quarter = QuarterFilter(
        label="Target quarter", method="filter_quarter", help_text="For example, Q4 2022/23"
    )
    overdue = django_filters.BooleanFilter(
        label="Overdue only",
        method="filter_overdue",
        widget=forms.CheckboxInput,
        help_text="Target quarter ended and not completed",
    )

    class Meta:
        model = Deliverable
        fields = ["theme", "status", "lead", "quarter", "overdue"]

    def __init__(self, *args: Any, plan: Plan, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.filters["theme"].queryset = plan.themes.all()
        self.filters["lead"].queryset = Organisation.objects.filter(
            led_deliverables__theme__plan=plan
        ).distinct()

    def filter_quarter(
        self, queryset: QuerySet[Deliverable], name: str, value: Quarter | None
    ) -> QuerySet[Deliverable]:
        return queryset.in_quarter(value) if value else queryset  # type: ignore[attr-defined]

    def filter_overdue(
        self, queryset: QuerySet[Deliverable], name: str, value: bool | None
    ) -> QuerySet[Deliverable]:
        return queryset.overdue(self.today) if value else queryset  # type: ignore[attr-defined]
