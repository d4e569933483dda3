"""The public site: published content only, without signing in.

What is public is decided in one place per model: `Plan.objects.public()` (issued, varied or
superseded), `Deliverable.objects.public()` (published, in a public plan) and
`Update.objects.public()` (published, of a public deliverable). Nothing else is read here, so
drafts, and published work of a plan not yet issued, cannot leak through these pages.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from pcplan.core import exports
from pcplan.delivery import exports as delivery_exports
from pcplan.delivery.models import Deliverable, Update
from pcplan.delivery.progress import Progress, progress_by_theme
from pcplan.delivery.rules import Status
from pcplan.plans.models import Commitment, Plan, Theme


def public_deliverables() -> QuerySet[Deliverable]:
    """Public deliverables with their latest public update in `latest_updates` (0 or 1 item)."""
    return (
        Deliverable.objects.public()
        .select_related("lead", "theme")
        .with_latest_update(Update.objects.public())
    )


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "public/home.html", {"plans": Plan.objects.public()})


def plan(request: HttpRequest, key: str) -> HttpResponse:
    """A summary: each theme with its aim, its progress at a glance and a link to its page."""
    the_plan = get_object_or_404(Plan.objects.public(), key=key)
    progress = progress_by_theme(Deliverable.objects.public().filter(theme__plan=the_plan))
    themes = list(the_plan.themes.all())
    for each in themes:
        each.progress = progress.get(each.pk, Progress())  # type: ignore[attr-defined]
    pledges = public_commitments().filter(plan=the_plan, kind=Commitment.Kind.PLEDGE)
    return render(
        request, "public/plan.html", {"plan": the_plan, "themes": themes, "pledges": pledges}
    )


def delivery_plan_download(request: HttpRequest, key: str, fmt: str) -> HttpResponseBase:
    """A public plan's published deliverables, each with its latest published update."""
    the_plan = get_object_or_404(Plan.objects.public(), key=key)
    return exports.download(
        request,
        fmt,
        delivery_exports.columns(staff=False),
        public_deliverables().filter(theme__plan=the_plan).order_by("theme__position", "id"),
        name=f"{the_plan.key}-deliverables",
        sheet=_("Deliverables"),
    )


def public_commitments() -> QuerySet[Commitment]:
    """Key objectives, shared outcomes and pledges, each with only its public deliverables."""
    return Commitment.objects.select_related("theme").prefetch_related(
        Prefetch(
            "deliverables",
            queryset=Deliverable.objects.public().order_by("title"),
            to_attr="public_deliverables",
        )
    )


def theme(request: HttpRequest, key: str, theme_key: str) -> HttpResponse:
    """A theme's deliverables grouped by status, with its progress bar."""
    the_plan = get_object_or_404(Plan.objects.public(), key=key)
    the_theme = get_object_or_404(
        Theme.objects.prefetch_related("priorities"), plan=the_plan, key=theme_key
    )
    deliverables = list(
        public_deliverables()
        .filter(theme=the_theme)
        .prefetch_related(
            Prefetch(
                "depends_on", queryset=Deliverable.objects.public(), to_attr="public_dependencies"
            )
        )
    )
    today = timezone.localdate()
    for d in deliverables:
        # RAG by the one rule, from public dependencies only (issue 18).
        d.public_rag = d.rag(today, dependencies=d.public_dependencies)  # type: ignore[attr-defined]
    progress = progress_by_theme(Deliverable.objects.public().filter(theme=the_theme))
    commitments = list(public_commitments().filter(theme=the_theme))
    by_status = [
        (label, [d for d in deliverables if d.status == value]) for value, label in Status.choices
    ]
    return render(
        request,
        "public/theme.html",
        {
            "plan": the_plan,
            "theme": the_theme,
            "deliverables": deliverables,
            "by_status": [(label, group) for label, group in by_status if group],
            "progress": progress.get(the_theme.pk, Progress()),
            "key_objectives": [c for c in commitments if c.kind == Commitment.Kind.KEY_OBJECTIVE],
            "shared_outcomes": [c for c in commitments if c.kind == Commitment.Kind.SHARED_OUTCOME],
            "pledges": [c for c in commitments if c.kind == Commitment.Kind.PLEDGE],
        },
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
