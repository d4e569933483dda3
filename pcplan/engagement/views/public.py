"""The public's engagement pages: published records and counts only.

Consultations and findings are read through their `.public()` querysets; deliverables
through `Deliverable.objects.public()`, and a finding's theme is named only when its plan is
public. Concerns appear as counts by area, topic and outcome and as the anonymised examples
an officer published: no field holding the raiser's details is read here (`.only()`).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext

from pcplan.core import exports
from pcplan.delivery.models import Deliverable
from pcplan.engagement import exports as engagement_exports
from pcplan.engagement import summary
from pcplan.engagement.models import Concern, Consultation, Event, Finding
from pcplan.plans.models import Plan

PUBLIC_EXAMPLE_FIELDS = ("id", "received_on", "area", "topic", "outcome", "public_example")
PUBLIC_EVENT_FIELDS = ("id", "title", "kind", "date", "place", "area")


def public_findings() -> QuerySet[Finding]:
    return (
        Finding.objects.public()
        .select_related("consultation", "theme")
        .prefetch_related(
            Prefetch(
                "deliverables",
                queryset=Deliverable.objects.public().select_related("theme__plan"),
                to_attr="public_deliverables",
            )
        )
    )


def _findings_context(findings: QuerySet[Finding]) -> list[dict[str, Any]]:
    public_plans = set(Plan.objects.public().values_list("id", flat=True))
    return [
        {
            "finding": f,
            "theme": f.theme if f.theme and f.theme.plan_id in public_plans else None,
            "deliverables": f.public_deliverables,  # type: ignore[attr-defined]
        }
        for f in findings
    ]


def engagement_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engagement/public_home.html",
        {
            "consultations": Consultation.objects.public(),
            "events": Event.objects.public()
            .only(*PUBLIC_EVENT_FIELDS)
            .prefetch_related("organisations")[:20],
        },
    )


def consultations_download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """Published consultations and surveys, as on the engagement page, as CSV or Excel."""
    return exports.download(
        request,
        fmt,
        engagement_exports.columns(staff=False),
        Consultation.objects.public().select_related("plan"),
        name="consultations",
        sheet=gettext("Consultations"),
    )


def consultation(request: HttpRequest, key: str) -> HttpResponse:
    found = get_object_or_404(Consultation.objects.public(), key=key)
    return render(
        request,
        "engagement/public_consultation.html",
        {
            "consultation": found,
            "results": summary.survey_results(found),
            "findings": _findings_context(public_findings().filter(consultation=found)),
        },
    )


def you_said_we_did(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engagement/you_said_we_did.html",
        {"findings": _findings_context(public_findings())},
    )


def concerns(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engagement/public_concerns.html",
        {
            "counts": summary.concern_counts(),
            "examples": Concern.objects.published_examples().only(*PUBLIC_EXAMPLE_FIELDS),
        },
    )
