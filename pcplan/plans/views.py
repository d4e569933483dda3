"""Staff pages for plans: overview, lifecycle, statutory checklist, themes and priorities."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from pcplan.core import fragments
from pcplan.core.history import history_page
from pcplan.core.http import edit_form, posted, require, staff_user
from pcplan.core.models import User
from pcplan.core.paging import paginate
from pcplan.delivery.models import Deliverable
from pcplan.delivery.summary import status_table
from pcplan.plans import permissions, services
from pcplan.plans.forms import (
    CommitmentForm,
    PlanForm,
    PlanStatusForm,
    PriorityForm,
    StatutoryElementForm,
    ThemeForm,
)
from pcplan.plans.history import plan_history
from pcplan.plans.models import Commitment, Plan, PlanStatutoryElement, Priority, Theme
from pcplan.plans.statutory import StatutoryElement
from pcplan.reports import permissions as report_permissions
from pcplan.transparency import permissions as transparency_permissions

# A plan's staff page shows this many themes (each in full) and steps to a page.
THEMES_PAGE_SIZE = 10
STEPS_PAGE_SIZE = 20


def get_plan_for_user(request: HttpRequest, key: str) -> Plan:
    """Every signed-in user may read every plan (the views ask them to sign in); changes are
    checked on the way in by `require_plan_editor` and again by the services."""
    staff_user(request)
    return get_object_or_404(Plan, key=key)


def get_theme_for_user(request: HttpRequest, plan: Plan, key: str) -> Theme:
    """A theme of a plan the user has already been given (404 for another plan's theme)."""
    return get_object_or_404(Theme, plan=plan, key=key)


def require_plan_editor(request: HttpRequest) -> User:
    return require(request, permissions.can_edit_plan, permissions.EDITORS_ONLY)


def plan_url(plan: Plan) -> str:
    return reverse("plans:plan-detail", args=[plan.key])


@login_required
def plan_detail(request: HttpRequest, key: str) -> HttpResponse:
    plan = get_plan_for_user(request, key)

    def body() -> dict[str, Any]:
        table = status_table(plan)
        today = timezone.localdate()
        covered = {e.element: e for e in plan.statutory_elements.all()}
        checklist = [{"element": el, "entry": covered.get(el.value)} for el in StatutoryElement]
        # Issue 17: the themes (each with its priorities and commitments, one query each, not one
        # per theme) and the plan's steps a page at a time.
        themes = paginate(
            request,
            plan.themes.prefetch_related("priorities", "commitments"),
            THEMES_PAGE_SIZE,
            param="themes-page",
        )
        steps = paginate(
            request,
            plan.status_changes.select_related("recorded_by", "decision"),
            STEPS_PAGE_SIZE,
            param="steps-page",
        )
        return {
            "themes": themes.page,
            "theme_pages": themes,
            "table": table,
            "overdue": Deliverable.objects.for_plan(plan).overdue(today).count(),
            "status_changes": steps.page,
            "step_pages": steps,
            "can_read_decisions": transparency_permissions.can_read_decisions(staff_user(request)),
            "checklist": checklist,
            "missing": plan.missing_statutory_elements(),
            "today": today,
            "can_edit": permissions.can_edit_plan(request.user),
            "can_manage_reports": report_permissions.can_manage_reports(request.user),
            "pledges": plan.commitments.filter(kind=Commitment.Kind.PLEDGE).select_related("theme"),
        }

    # Issue 17: the page's body is kept until anything changes (pcplan.core.fragments).
    return fragments.render_kept(request, "plans/plan_detail.html", {"plan": plan}, body)


@login_required
def plan_history_view(request: HttpRequest, key: str) -> HttpResponse:
    plan = get_plan_for_user(request, key)
    return render(
        request,
        "plans/plan_history.html",
        {"plan": plan, **history_page(request, plan_history(plan))},
    )


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    user = require_plan_editor(request)
    form = PlanForm(posted(request))
    return edit_form(
        request,
        form,
        lambda: services.save_by_editor(user, form.instance, version=form.served_version),
        context={"title": gettext("Create a plan"), "back_url": reverse("core:staff-home")},
        success_url=lambda: reverse("plans:plan-detail", args=[form.instance.key]),
        success_message=gettext("Plan created"),
    )


@login_required
def plan_edit(request: HttpRequest, key: str) -> HttpResponse:
    user = require_plan_editor(request)
    plan = get_plan_for_user(request, key)
    form = PlanForm(posted(request), instance=plan)
    return edit_form(
        request,
        form,
        lambda: services.save_by_editor(user, form.instance, version=form.served_version),
        context={
            "title": gettext("Edit plan details"),
            "caption": plan.title,
            "back_url": plan_url(plan),
        },
        success_url=lambda: reverse("plans:plan-detail", args=[form.instance.key]),
        success_message=gettext("Plan saved"),
    )


@login_required
def plan_status(request: HttpRequest, key: str) -> HttpResponse:
    user = require_plan_editor(request)
    plan = get_plan_for_user(request, key)
    form = PlanStatusForm(posted(request), plan=plan)

    def save() -> None:
        services.move_plan_status(
            user,
            plan,
            status=form.cleaned_data["status"],
            date=form.cleaned_data["date"],
            note=form.cleaned_data["note"],
            version=form.served_version,
        )

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Record the next step"),
            "caption": f"{plan.title}: {plan.get_status_display()}",
            "intro": gettext(
                "A plan moves one step at a time: drafting, consultation, Board approval, "
                "sent to the Panel, Panel report received, Commissioner's response published, "
                "issued; then varied or superseded."
            ),
            "back_url": plan_url(plan),
            "submit": gettext("Record step"),
        },
        success_url=plan_url(plan),
        success_message=gettext("Plan status recorded"),
    )


@login_required
def statutory_element_edit(request: HttpRequest, key: str, element: str) -> HttpResponse:
    user = require_plan_editor(request)
    plan = get_plan_for_user(request, key)
    if element not in StatutoryElement.values:
        raise Http404(gettext("There is no such statutory element."))
    entry = PlanStatutoryElement.objects.filter(plan=plan, element=element).first()
    entry = entry or PlanStatutoryElement(plan=plan, element=element)
    form = StatutoryElementForm(posted(request), instance=entry)
    return edit_form(
        request,
        form,
        lambda: services.save_by_editor(user, form.instance, version=form.served_version),
        context={
            "title": StatutoryElement(element).label,
            "caption": gettext("%(plan)s: what the plan must set out") % {"plan": plan.title},
            "back_url": plan_url(plan),
        },
        success_url=plan_url(plan) + "#statutory",
        success_message=gettext("Statutory element saved"),
    )


@login_required
def theme_edit(request: HttpRequest, key: str, theme_key: str | None = None) -> HttpResponse:
    user = require_plan_editor(request)
    plan = get_plan_for_user(request, key)
    theme = (
        get_theme_for_user(request, plan, theme_key)
        if theme_key
        else Theme(plan=plan, position=plan.themes.count() + 1)
    )
    form = ThemeForm(posted(request), instance=theme, plan=plan)
    return edit_form(
        request,
        form,
        lambda: services.save_by_editor(user, form.instance, version=form.served_version),
        context={
            "title": gettext("Edit theme") if theme.pk else gettext("Add a theme"),
            "caption": plan.title,
            "back_url": plan_url(plan),
        },
        success_url=plan_url(plan) + "#themes",
        success_message=gettext("Theme saved"),
    )


@login_required
def priority_edit(
    request: HttpRequest, key: str, theme_key: str, pk: int | None = None
) -> HttpResponse:
    user = require_plan_editor(request)
    plan = get_plan_for_user(request, key)
    theme = get_theme_for_user(request, plan, theme_key)
    priority = (
        get_object_or_404(Priority, theme=theme, pk=pk)
        if pk
        else Priority(theme=theme, position=theme.priorities.count() + 1)
    )
    form = PriorityForm(posted(request), instance=priority)
    return edit_form(
        request,
        form,
        lambda: services.save_by_editor(user, form.instance, version=form.served_version),
        context={
            "title": gettext("Edit priority for action")
            if priority.pk
            else gettext("Add a priority for action"),
            "caption": theme.title,
            "back_url": plan_url(plan),
        },
        success_url=plan_url(plan) + "#themes",
        success_message=gettext("Priority saved"),
    )


@login_required
def commitment_edit(request: HttpRequest, key: str, pk: int | None = None) -> HttpResponse:
    """Add or edit a key objective, shared outcome or personal pledge (`?kind=` and `?theme=`
    choose what a new one starts as)."""
    user = require_plan_editor(request)
    plan = get_plan_for_user(request, key)
    if pk:
        commitment = get_object_or_404(Commitment, plan=plan, pk=pk)
        initial = {}
    else:
        kind = request.GET.get("kind", "")
        theme = plan.themes.filter(key=request.GET.get("theme", "")).first()
        commitment = Commitment(plan=plan)
        siblings = plan.commitments.filter(kind=kind, theme=theme)
        initial = {
            "kind": kind if kind in Commitment.Kind.values else None,
            "theme": theme,
            "position": siblings.count() + 1,
        }
    form = CommitmentForm(posted(request), instance=commitment, initial=initial, plan=plan)

    def save() -> None:
        services.save_commitment(
            user,
            form.save(commit=False),
            deliverables=list(form.cleaned_data["deliverables"]),
            measures=list(form.cleaned_data["measures"]),
            version=form.served_version,
        )

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Edit %(kind)s") % {"kind": commitment.get_kind_display().lower()}
            if pk
            else gettext("Add a key objective, shared outcome or pledge"),
            "caption": plan.title,
            "back_url": plan_url(plan) + "#themes",
        },
        success_url=plan_url(plan) + "#themes",
        success_message=gettext("Saved"),
    )
