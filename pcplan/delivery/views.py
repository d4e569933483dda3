"""Staff pages for the Delivery Plan: the list, a deliverable, its updates and audit history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from pcplan.core import exports, fragments
from pcplan.core.concurrency import StaleEdit
from pcplan.core.history import history_page
from pcplan.core.htmx import partial_wanted
from pcplan.core.http import edit_form, posted, require, staff_user
from pcplan.core.models import User
from pcplan.core.paging import paginate
from pcplan.core.publishing import set_published
from pcplan.delivery import exports as delivery_exports
from pcplan.delivery import permissions, services
from pcplan.delivery.filters import DeliverableFilter
from pcplan.delivery.forms import DecisionForm, DeliverableForm, TaskForm, UpdateForm
from pcplan.delivery.history import history_entries
from pcplan.delivery.models import Deliverable, DeliverableQuerySet, Task, Update
from pcplan.plans.models import Plan
from pcplan.plans.permissions import EDITORS_ONLY
from pcplan.plans.views import get_plan_for_user

# The Delivery Plan list shows this many deliverables to a page.
LIST_PAGE_SIZE = 50
# The editors' queue is paginated: the oldest first, this many to a page.
QUEUE_PAGE_SIZE = 50
# A deliverable's page shows this many of its updates at a time, newest first.
UPDATES_PAGE_SIZE = 20


def get_deliverable_for_user(request: HttpRequest, pk: int) -> Deliverable:
    """Every signed-in user may read every deliverable; what they may change is checked on
    the way in by `require` with a rule of `delivery.permissions`, and again by the services."""
    staff_user(request)
    return get_object_or_404(
        Deliverable.objects.select_related("theme__plan", "lead", "published_by"), pk=pk
    )


def get_update_for_user(request: HttpRequest, pk: int) -> Update:
    staff_user(request)
    return get_object_or_404(Update.objects.select_related("deliverable__theme__plan"), pk=pk)


def get_task_for_user(request: HttpRequest, deliverable: Deliverable, pk: int) -> Task:
    """A task of a deliverable the user has already been given (404 for another's task)."""
    return get_object_or_404(Task, pk=pk, deliverable=deliverable)


def require_delivery_editor(request: HttpRequest) -> User:
    return require(request, permissions.can_edit_delivery_plan, EDITORS_ONLY)


def deliverable_url(deliverable: Deliverable) -> str:
    return reverse("delivery:deliverable-detail", args=[deliverable.pk])


def _filtered_deliverables(
    request: HttpRequest, plan: Plan, today: dt.date
) -> tuple[DeliverableFilter, DeliverableQuerySet]:
    """The Delivery Plan list's filter and the deliverables it leaves (all when unfiltered)."""
    queryset = (
        Deliverable.objects.for_plan(plan)
        .select_related("theme", "lead")
        .order_by("theme__position", "id")
    )
    filterset = DeliverableFilter(request.GET or None, queryset=queryset, plan=plan, today=today)
    return filterset, filterset.qs if filterset.is_bound else queryset


@login_required
def deliverable_list_download(request: HttpRequest, key: str, fmt: str) -> HttpResponseBase:
    """The Delivery Plan list as CSV or Excel, with its filters: drafts included and marked,
    each deliverable with its latest update (a draft update marked too)."""
    plan = get_plan_for_user(request, key)
    _filter, deliverables = _filtered_deliverables(request, plan, timezone.localdate())
    return exports.download(
        request,
        fmt,
        delivery_exports.columns(staff=True),
        deliverables.with_latest_update(Update.objects.all()),
        name=f"{plan.key}-deliverables",
        sheet=gettext("Deliverables"),
    )


@login_required
def deliverable_list(request: HttpRequest, key: str) -> HttpResponse:
    plan = get_plan_for_user(request, key)

    def body() -> dict[str, Any]:
        today = timezone.localdate()
        filterset, deliverables_shown = _filtered_deliverables(request, plan, today)
        # A page at a time (issue 17: 1.1 MB for a plan of 2,150), the filters kept in its links.
        paged = paginate(request, deliverables_shown, LIST_PAGE_SIZE)
        deliverables = list(paged.page.object_list)
        return {
            "filter": filterset,
            "deliverables": deliverables,
            **paged.context(),
            "today": today,
            "overdue_ids": {d.pk for d in deliverables if d.is_overdue(today)},
            "can_edit": permissions.can_edit_delivery_plan(request.user),
        }

    if partial_wanted(request):
        response = render(request, "delivery/_deliverable_table.html", {"plan": plan, **body()})
    else:
        # Issue 17: the list is kept until anything changes (pcplan.core.fragments).
        response = fragments.render_kept(
            request, "delivery/deliverable_list.html", {"plan": plan}, body
        )
    # The filtered address serves the table alone to htmx and the whole page otherwise: the
    # browser must not answer "Back" to that address with the cached table alone.
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
def deliverable_detail(request: HttpRequest, pk: int) -> HttpResponse:
    deliverable = get_deliverable_for_user(request, pk)

    def body() -> dict[str, Any]:
        user = staff_user(request)
        paged = paginate(
            request,
            deliverable.updates.select_related("author", "author_organisation", "published_by"),
            UPDATES_PAGE_SIZE,
            param="updates-page",
        )
        updates = list(paged.page)
        # Each read once (issue 17): the dependencies serve the late flag, the RAG rating and
        # the page's list; the tasks their list and the count done.
        prefetch_related_objects([deliverable], "partners", "depends_on", "dependents", "tasks")
        today = timezone.localdate()
        return {
            "updates": updates,
            "update_pages": paged,
            "can_post_update": permissions.can_post_update(user, deliverable),
            "can_edit": permissions.can_edit_delivery_plan(user),
            "can_publish": permissions.can_publish(user),
            "is_public": Deliverable.objects.public().filter(pk=deliverable.pk).exists(),
            "editable_update_ids": {u.pk for u in updates if permissions.can_edit_update(user, u)},
            **history_page(request, history_entries(deliverable)),
            "is_overdue": deliverable.is_overdue(today),
            "late_dependencies": deliverable.late_dependencies(today),
            "rag": deliverable.rag(today),
            "tasks_done": sum(task.done for task in deliverable.tasks.all()),
        }

    # Issue 17: the page's body is kept until anything changes (pcplan.core.fragments).
    return fragments.render_kept(
        request,
        "delivery/deliverable_detail.html",
        {"deliverable": deliverable, "plan": deliverable.plan},
        body,
    )


@login_required
def deliverable_edit(request: HttpRequest, key: str, pk: int | None = None) -> HttpResponse:
    user = require_delivery_editor(request)
    plan = get_plan_for_user(request, key)
    deliverable = (
        get_object_or_404(Deliverable, pk=pk, theme__plan=plan)
        if pk
        else Deliverable(added_on=timezone.localdate())
    )
    form = DeliverableForm(posted(request), instance=deliverable, plan=plan)

    def save() -> None:
        services.save_deliverable(
            user,
            form.instance,
            partners=form.cleaned_data["partners"],
            depends_on=form.cleaned_data["depends_on"],
            version=form.served_version,
        )

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Edit deliverable")
            if deliverable.pk
            else gettext("Add a deliverable"),
            "caption": plan.title,
            "back_url": deliverable_url(deliverable)
            if deliverable.pk
            else reverse("delivery:deliverable-list", args=[plan.key]),
        },
        success_url=lambda: deliverable_url(form.instance),
        success_message=gettext("Deliverable saved. It is not public until an editor publishes it.")
        if not deliverable.is_published
        else gettext("Deliverable saved"),
    )


@login_required
@require_POST
def deliverable_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, permissions.can_publish, EDITORS_ONLY)
    deliverable = get_deliverable_for_user(request, pk)
    publish = request.POST.get("published") == "on"
    set_published(user, deliverable, publish)
    messages.success(
        request, gettext("Deliverable published") if publish else gettext("Deliverable unpublished")
    )
    return redirect(deliverable_url(deliverable))


@login_required
def update_create(request: HttpRequest, pk: int) -> HttpResponse:
    deliverable = get_deliverable_for_user(request, pk)
    user = require(
        request,
        lambda u: permissions.can_post_update(u, deliverable),
        permissions.NOT_YOUR_DELIVERABLE,
    )
    form = UpdateForm(posted(request), initial={"date": timezone.localdate()})

    def save() -> None:
        data = form.cleaned_data
        services.post_update(
            user,
            deliverable,
            text=data["text"],
            date=data["date"],
            proposed_status=data["proposed_status"],
            proposed_target=data["proposed_target"],
            reason=data["proposal_reason"],
        )

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Add an update"),
            "caption": deliverable.title,
            "intro": gettext(
                "Your update is saved as a draft. It appears on the public site once an "
                "editor accepts it. You may also propose a new status or target for the "
                "deliverable; it changes only if an editor accepts your proposal."
            ),
            "back_url": deliverable_url(deliverable),
            "submit": gettext("Save update"),
        },
        success_url=deliverable_url(deliverable),
        success_message=gettext("Update saved as a draft"),
    )


@login_required
def update_edit(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_update_for_user(request, pk)
    user = require(
        request, lambda u: permissions.can_edit_update(u, update), permissions.NOT_YOUR_UPDATE
    )
    form = UpdateForm(posted(request), instance=update)

    def save() -> None:
        data = form.cleaned_data
        services.edit_update(
            user,
            update,
            text=data["text"],
            date=data["date"],
            version=form.served_version,
            proposed_status=data["proposed_status"] if form.proposes else None,
            proposed_target=data.get("proposed_target"),
            reason=data.get("proposal_reason", ""),
        )

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Edit update"),
            "caption": update.deliverable.title,
            "back_url": deliverable_url(update.deliverable),
        },
        success_url=deliverable_url(update.deliverable),
        success_message=gettext("Update saved"),
    )


@login_required
@require_POST
def update_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, permissions.can_publish, EDITORS_ONLY)
    update = get_update_for_user(request, pk)
    publish = request.POST.get("published") == "on"
    set_published(user, update, publish)
    messages.success(
        request, gettext("Update published") if publish else gettext("Update unpublished")
    )
    return redirect(deliverable_url(update.deliverable))


@login_required
def task_edit(request: HttpRequest, pk: int, task_pk: int | None = None) -> HttpResponse:
    user = require_delivery_editor(request)
    deliverable = get_deliverable_for_user(request, pk)
    task = (
        get_task_for_user(request, deliverable, task_pk)
        if task_pk
        else Task(deliverable=deliverable, position=deliverable.tasks.count() + 1)
    )
    form = TaskForm(posted(request), instance=task)
    return edit_form(
        request,
        form,
        lambda: services.save_task(user, form.instance, version=form.served_version),
        context={
            "title": gettext("Edit task") if task.pk else gettext("Add a task"),
            "caption": deliverable.title,
            "back_url": deliverable_url(deliverable),
        },
        success_url=deliverable_url(deliverable) + "#tasks",
        success_message=gettext("Task saved"),
    )


@login_required
@require_POST
def task_done(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    user = require_delivery_editor(request)
    deliverable = get_deliverable_for_user(request, pk)
    task = get_task_for_user(request, deliverable, task_pk)
    services.set_task_done(user, task, done=request.POST.get("done") == "on")
    return redirect(deliverable_url(deliverable) + "#tasks")


@login_required
def decision_queue(request: HttpRequest) -> HttpResponse:
    """The editors' queue: updates and proposals awaiting a decision, oldest first."""
    require(request, permissions.can_decide, EDITORS_ONLY)
    waiting = (
        Update.objects.awaiting_decision()
        .select_related("deliverable__theme__plan", "author", "author_organisation")
        .order_by("created_at", "id")
    )
    paged = paginate(request, waiting, QUEUE_PAGE_SIZE)
    return render(
        request,
        "delivery/decision_queue.html",
        {"updates": paged.page.object_list, "count": paged.page.paginator.count, **paged.context()},
    )


@login_required
def update_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept or return one update; accepting applies what it proposes to the deliverable."""
    user = require(request, permissions.can_decide, EDITORS_ONLY)
    update = get_update_for_user(request, pk)
    deliverable = update.deliverable
    form = DecisionForm(
        posted(request),
        initial={"deliverable_version": deliverable.version, "decision": "accept"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        base_url = request.build_absolute_uri("/")
        try:
            if data["decision"] == "accept":
                services.accept_update(
                    user,
                    update,
                    comment=data["comment"],
                    deliverable_version=data["deliverable_version"],
                    base_url=base_url,
                )
                messages.success(request, gettext("Update accepted. Its author has been told."))
            else:
                services.return_update(user, update, comment=data["comment"], base_url=base_url)
                messages.success(request, gettext("Update returned. Its author has been told."))
        except StaleEdit as exc:
            form.add_error(None, exc)
            # Shown again with the current version: accepting now is a choice made knowingly.
            fresh = QueryDict(mutable=True)
            fresh.update(request.POST)
            fresh["deliverable_version"] = str(exc.current_version)
            form.data = fresh
            deliverable.refresh_from_db()
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("delivery:decision-queue")
    return render(
        request,
        "delivery/update_decide.html",
        {"update": update, "deliverable": deliverable, "form": form},
        status=400 if form.is_bound else 200,
    )
