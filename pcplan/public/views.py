"""The public site: published content only, without signing in.

What is public is decided in one place per model: `Plan.objects.public()` (issued, varied or
superseded), `Deliverable.objects.public()` (published, in a public plan) and
`Update.objects.public()` (published, of a public deliverable). Nothing else is read here, so
drafts, and published work of a plan not yet issued, cannot leak through these pages.
"""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from pcplan.delivery.models import Deliverable, Update
from pcplan.plans.models import Plan, Theme


def latest_public_updates() -> QuerySet[Update]:
    """Each deliverable's latest public update, and no other: a list page shows only that one.

    A correlated subquery picks the latest id per deliverable, so the rows read do not grow
    with the number of updates (on SQLite and PostgreSQL alike).
    """
    latest_id = (
        Update.objects.public()
        .filter(deliverable_id=OuterRef("deliverable_id"))
        .order_by("-date", "-id")
        .values("id")[:1]
    )
    return Update.objects.public().filter(id=Subquery(latest_id))


def public_deliverables() -> QuerySet[Deliverable]:
    """Public deliverables with their latest public update in `latest_updates` (0 or 1 item)."""
    return (
        Deliverable.objects.public()
        .select_related("lead", "theme")
        .prefetch_related(
            Prefetch("updates", queryset=latest_public_updates(), to_attr="latest_updates")
        )
    )


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "public/home.html", {"plans": Plan.objects.public()})


def plan(request: HttpRequest, key: str) -> HttpResponse:
    the_plan = get_object_or_404(Plan.objects.public(), key=key)
    themes = the_plan.themes.prefetch_related(
        "priorities",
        Prefetch("deliverables", queryset=public_deliverables(), to_attr="public_deliverables"),
    )
    return render(request, "public/plan.html", {"plan": the_plan, "themes": themes})


def theme(request: HttpRequest, key: str, theme_key: str) -> HttpResponse:
    the_plan = get_object_or_404(Plan.objects.public(), key=key)
    the_theme = get_object_or_404(Theme, plan=the_plan, key=theme_key)
    deliverables = public_deliverables().filter(theme=the_theme)
    return render(
        request,
        "public/theme.html",
        {"plan": the_plan, "theme": the_theme, "deliverables": deliverables},
    )


def deliverable(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    the_plan = get_object_or_404(Plan.objects.public(), key=key)
    the_deliverable = get_object_or_404(
        Deliverable.objects.public()
        .select_related("lead", "theme")
        .prefetch_related(
            Prefetch(
                "updates",
                queryset=Update.objects.public().order_by("-date", "-id"),
                to_attr="published_updates",
            )
        ),
        pk=pk,
        theme__plan=the_plan,
    )
    return render(
        request,
        "public/deliverable.html",
        {"plan": the_plan, "deliverable": the_deliverable},
    )


def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "public/help.html")
