"""The public grants register (SI 2011/3050 Sch. para 3): published awards only.

Read through `Award.objects.public()` and nothing else, so applications, declined bids and
the applicants' contact details cannot reach it. The page, its CSV and its Excel file read
a fixed number of queries whatever the number of awards: the awards with their fund,
recipient, area and decision in one, the totals in one, the totals by fund in one, and the filter
choices in one query each. The files are written by pcplan.core.exports, as every public list's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext, gettext_lazy

from pcplan.core import exports
from pcplan.core.models import CommunitySafetyPartnership
from pcplan.grants.models import ZERO, Award, Fund
from pcplan.plans.models import Theme


class RegisterFilter(forms.Form):
    month = forms.CharField(
        label=gettext_lazy("Month of decision"),
        required=False,
        help_text=gettext_lazy("As year and month, for example 2022-07."),
    )
    fund = forms.ModelChoiceField(
        label=gettext_lazy("Fund"),
        queryset=Fund.objects.none(),
        required=False,
        to_field_name="key",
    )
    area = forms.ModelChoiceField(
        label=gettext_lazy("Community Safety Partnership area"),
        queryset=CommunitySafetyPartnership.objects.none(),
        required=False,
    )
    theme = forms.ModelChoiceField(
        label=gettext_lazy("Plan theme"), queryset=Theme.objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = cast(dict[str, forms.ModelChoiceField[Any]], self.fields)
        fields["fund"].queryset = Fund.objects.filter(
            pk__in=Award.objects.public().values("fund_id")
        )
        fields["area"].queryset = CommunitySafetyPartnership.objects.all()
        fields["theme"].queryset = (
            Theme.objects.filter(funds__isnull=False).select_related("plan").distinct()
        )
        fields["theme"].label_from_instance = lambda t: f"{t.title} ({t.plan.title})"  # type: ignore[method-assign,assignment]

    def clean_month(self) -> dt.date | None:
        value = (self.cleaned_data.get("month") or "").strip()
        if not value:
            return None
        try:
            return dt.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(
                gettext("Enter the month as year and month, for example 2022-07.")
            ) from None


def public_awards(filters: dict[str, Any] | None = None) -> QuerySet[Award]:
    awards = Award.objects.public().select_related("fund", "recipient", "area", "decision")
    filters = filters or {}
    if month := filters.get("month"):
        awards = awards.filter(decision_date__year=month.year, decision_date__month=month.month)
    if fund := filters.get("fund"):
        awards = awards.filter(fund=fund)
    if area := filters.get("area"):
        awards = awards.filter(area=area)
    if theme := filters.get("theme"):
        awards = awards.filter(fund__themes=theme)
    return awards.order_by("-decision_date", "reference")


@dataclass
class FundTotal:
    name: str
    total: Decimal
    count: int
    share: int  # percentage of the largest total, for the bar's width


@dataclass
class Totals:
    total: Decimal
    count: int
    unstated: int  # awards whose amount the source does not give
    by_fund: list[FundTotal]


def totals(awards: QuerySet[Award]) -> Totals:
    """The sum of the awards shown, and by fund: the same figures the chart draws."""
    overall = awards.order_by().aggregate(
        total=Sum("amount"), count=Count("id"), stated=Count("amount")
    )
    rows = list(
        awards.order_by()
        .values("fund__name")
        .annotate(total=Sum("amount"), count=Count("id"))
        .order_by("fund__name")
    )
    largest = max((r["total"] or ZERO for r in rows), default=ZERO)
    by_fund = [
        FundTotal(
            name=r["fund__name"],
            total=Decimal(r["total"] or ZERO),
            count=r["count"],
            share=int(Decimal(r["total"] or ZERO) * 100 / largest) if largest else 0,
        )
        for r in rows
    ]
    return Totals(
        total=Decimal(overall["total"] or ZERO),
        count=overall["count"],
        unstated=overall["count"] - overall["stated"],
        by_fund=by_fund,
    )


# The register's columns (SI 2011/3050 Sch. para 3: recipient, purpose, conditions, reasons),
# for its CSV and Excel files through the one download helper (pcplan.core.exports).
COLUMNS: list[exports.Column[Award]] = [
    exports.Column(gettext_lazy("Reference"), lambda a: a.reference),
    exports.Column(gettext_lazy("Decision date"), lambda a: a.decision_date),
    exports.Column(
        gettext_lazy("Decision number"), lambda a: a.decision.number if a.decision else ""
    ),
    exports.Column(
        gettext_lazy("Decision taken by"),
        lambda a: a.decision.decision_maker if a.decision else "",
    ),
    exports.Column(gettext_lazy("Fund"), lambda a: a.fund.name),
    exports.Column(gettext_lazy("Recipient"), lambda a: a.recipient.name),
    exports.Column(gettext_lazy("Area"), lambda a: a.area.name if a.area else ""),
    exports.Column(gettext_lazy("Purpose"), lambda a: a.purpose),
    exports.Column(gettext_lazy("Amount (£)"), lambda a: a.amount),
    exports.Column(gettext_lazy("Note on the amount"), lambda a: a.amount_note),
    exports.Column(gettext_lazy("Conditions"), lambda a: a.conditions),
    exports.Column(gettext_lazy("Reasons"), lambda a: a.reasons),
    exports.Column(gettext_lazy("Starts"), lambda a: a.starts_on),
    exports.Column(gettext_lazy("Ends"), lambda a: a.ends_on),
]
