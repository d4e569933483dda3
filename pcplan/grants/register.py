"""The public grants register (SI 2011/3050 Sch. para 3): published awards only.

Read through `Award.objects.public()` and nothing else, so applications, declined bids and
the applicants' contact details cannot reach it. The page, its CSV and its Excel file read
a fixed number of queries whatever the number of awards: the awards with their fund,
recipient, area and decision in one, the totals in one, the totals by fund in one, and the filter
choices in one query each.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext, gettext_lazy

from pcplan.core.models import CommunitySafetyPartnership
from pcplan.grants.models import ZERO, Award, Fund
from pcplan.lib.spreadsheet import csv_safe, writer
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


def columns() -> list[str]:
    return [
        gettext("Reference"),
        gettext("Decision date"),
        gettext("Decision number"),
        gettext("Decision taken by"),
        gettext("Fund"),
        gettext("Recipient"),
        gettext("Area"),
        gettext("Purpose"),
        gettext("Amount (£)"),
        gettext("Note on the amount"),
        gettext("Conditions"),
        gettext("Reasons"),
        gettext("Starts"),
        gettext("Ends"),
    ]


def row(award: Award) -> list[Any]:
    return [
        award.reference,
        award.decision_date,
        award.decision.number if award.decision else "",
        award.decision.decision_maker if award.decision else "",
        award.fund.name,
        award.recipient.name,
        award.area.name if award.area else "",
        award.purpose,
        award.amount,
        award.amount_note,
        award.conditions,
        award.reasons,
        award.starts_on,
        award.ends_on,
    ]


def as_csv(awards: QuerySet[Award]) -> str:
    out = io.StringIO()
    csv_out = writer(out)
    csv_out.writerow(columns())
    for award in awards.iterator(chunk_size=2000):
        csv_out.writerow(["" if v is None else v for v in row(award)])
    return out.getvalue()


def as_xlsx(awards: QuerySet[Award]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(gettext("Grants register"))
    sheet.append(columns())
    for award in awards.iterator(chunk_size=2000):
        # Same formula guard as the CSV: a purpose starting with "=" stays text.
        sheet.append([csv_safe(v) for v in row(award)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
