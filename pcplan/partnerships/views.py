"""Partnership pages: the public landscape and body pages, and the staff pages that keep them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pcplan.core import fragments, jobs
from pcplan.core.history import history_page
from pcplan.core.http import edit_form, posted, require
from pcplan.core.models import User
from pcplan.core.paging import paginate
from pcplan.core.publishing import set_published
from pcplan.delivery.models import Deliverable
from pcplan.panel import permissions as meeting_permissions
from pcplan.panel import services as meeting_services
from pcplan.panel.forms import MeetingForm
from pcplan.panel.models import Meeting
from pcplan.partnerships import permissions, rules, services, tasks
from pcplan.partnerships.forms import (
    BodyForm,
    CspDocumentForm,
    FundedPostForm,
    LocalIssueForm,
    MembershipForm,
    ScrutinyForm,
)
from pcplan.partnerships.history import history_entries
from pcplan.partnerships.landscape import DIAGRAM_WIDTH, diagram, landscape
from pcplan.partnerships.models import (
    PROBLEM_SOLVING_BODY_KINDS,
    Body,
    BodyKind,
    FundedPost,
    LocalIssue,
    Membership,
    MembershipRole,
    Scrutiny,
)
from pcplan.plans.models import Plan

# Issue 17: the staff home has four lists; each 25 a page (p95 under 150 ms at the demo ×10).
BODIES_PAGE_SIZE = 25

# --- public ----------------------------------------------------------------------------------


def public_landscape(request: HttpRequest) -> HttpResponse:
    groups = landscape(Body.objects.public())
    return render(
        request,
        "partnerships/landscape.html",
        {"groups": groups, "diagram": diagram(groups), "diagram_width": DIAGRAM_WIDTH},
    )


def get_public_body(key: str) -> Body:
    return get_object_or_404(Body.objects.public().select_related("parent"), key=key)


def public_body(request: HttpRequest, key: str) -> HttpResponse:
    body = get_public_body(key)
    today = timezone.localdate()
    context: dict[str, object] = {
        "body": body,
        "parent": body.parent if body.parent and body.parent.is_published else None,
        "children": body.children.public(),
        "priorities": body.priorities.all(),
        # A private body's meetings appear on no public page (the meetings engine's rule).
        "meetings": Meeting.objects.public().filter(body=body).order_by("-date", "-time"),
    }
    if body.shows_details_publicly:
        current = Membership.objects.on(today).filter(body=body).select_related("organisation")
        # People are named only in the roles papers name them in; members by organisation.
        context["leaders"] = current.exclude(role=MembershipRole.MEMBER)
        context["member_organisations"] = sorted(
            {str(m.organisation) for m in current if m.organisation_id}
        )
        context["themes"] = body.themes.filter(plan__in=Plan.objects.public()).select_related(
            "plan"
        )
        context["deliverables"] = (
            Deliverable.objects.public().filter(bodies=body).select_related("theme__plan")
        )
    return render(request, "partnerships/body.html", context)


# --- staff -----------------------------------------------------------------------------------


def get_body_for_user(request: HttpRequest, key: str) -> Body:
    require(request, permissions.can_read_partnerships, permissions.READ_REFUSAL)
    return get_object_or_404(Body.objects.select_related("parent", "csp"), key=key)


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    user = require(request, permissions.can_read_partnerships, permissions.READ_REFUSAL)

    def body() -> dict[str, Any]:
        today = timezone.localdate()
        # Issue 17: each list a page at a time, and each CSP's last scrutiny read as one date, not
        # every scrutiny of every CSP.
        bodies = paginate(
            request,
            Body.objects.select_related("parent").order_by("position", "name", "pk"),
            BODIES_PAGE_SIZE,
            param="bodies-page",
        )
        csps = paginate(
            request,
            Body.objects.filter(kind=BodyKind.CSP)
            .annotate(last_held_on=Max("scrutinies__held_on"))
            .order_by("position", "name", "pk"),
            BODIES_PAGE_SIZE,
            param="csps-page",
        )
        for csp in csps.page:
            held_on = csp.last_held_on
            csp.due_by = rules.scrutiny_due_by(held_on) if held_on else None
            csp.overdue = rules.scrutiny_overdue(held_on, today)
        issues = paginate(
            request, LocalIssue.objects.filter(body=None), BODIES_PAGE_SIZE, param="issues-page"
        )
        posts = paginate(
            request,
            FundedPost.objects.filter(body=None).select_related("award"),
            BODIES_PAGE_SIZE,
            param="posts-page",
        )
        return {
            "bodies": bodies.page,
            "body_pages": bodies,
            "csps": csps.page,
            "csp_pages": csps,
            "plans": Plan.objects.public(),
            "can_keep": permissions.can_keep_partnerships(user),
            "unplaced_issues": issues.page,
            "issue_pages": issues,
            "unplaced_posts": posts.page,
            "post_pages": posts,
        }

    # Issue 17: the page's body is kept until anything changes (pcplan.core.fragments).
    return fragments.render_kept(request, "partnerships/staff_home.html", {}, body)


@login_required
def staff_body(request: HttpRequest, key: str) -> HttpResponse:
    body = get_body_for_user(request, key)
    today = timezone.localdate()
    members = body.memberships.select_related("organisation").order_by("-starts_on")
    last = Scrutiny.objects.last_for(body)
    meetings = paginate(
        request, body.meetings.order_by("-date", "-time", "-pk"), param="meetings-page"
    )
    return render(
        request,
        "partnerships/staff_body.html",
        {
            "body": body,
            "current": [m for m in members if m.ends_on is None or m.ends_on >= today],
            "past": [m for m in members if m.ends_on is not None and m.ends_on < today],
            "documents": body.csp_documents.all(),
            "scrutinies": body.scrutinies.all(),
            "scrutiny_overdue": body.is_csp
            and rules.scrutiny_overdue(last.held_on if last else None, today),
            "scrutiny_due_by": rules.scrutiny_due_by(last.held_on) if last else None,
            "can_keep": permissions.can_keep_partnerships(request.user),
            **history_page(request, history_entries(body)),
            "meetings": meetings.page,
            "meeting_pages": meetings,
            "solves_problems": body.kind in PROBLEM_SOLVING_BODY_KINDS,
            "local_issues": body.local_issues.prefetch_related("concerns"),
            "funded_posts": body.funded_posts.select_related("host", "award"),
            "today": today,
            "can_run_meetings": meeting_permissions.can_run_meetings_of(
                request.user if isinstance(request.user, User) else None, body
            ),
        },
    )


@login_required
def meeting_new(request: HttpRequest, key: str) -> HttpResponse:
    """A meeting of this body, through the meetings engine the Panel's meetings use."""
    body = get_body_for_user(request, key)
    user = require(
        request,
        lambda u: meeting_permissions.can_run_meetings_of(u, body),
        _("You may not add meetings of this body."),
    )
    form = MeetingForm(posted(request), instance=Meeting(body=body))
    back = reverse("partnerships:staff-body", args=[body.key])
    return edit_form(
        request,
        form,
        lambda: meeting_services.save_meeting(user, form.save(commit=False)),
        context={"title": _("Add a meeting"), "caption": body.name, "back_url": back},
        success_url=back,
        success_message=_("Meeting saved"),
    )


@login_required
@require_POST
def body_publish(request: HttpRequest, key: str) -> HttpResponse:
    user = require(request, permissions.can_keep_partnerships, permissions.REFUSAL)
    body = get_body_for_user(request, key)
    publish = request.POST.get("published") == "on"
    set_published(user, body, publish)
    messages.success(request, _("Body published") if publish else _("Body withdrawn"))
    return redirect("partnerships:staff-body", key=body.key)


def _keeper_form(
    request: HttpRequest,
    key: str,
    form_class: type[forms.ModelForm[Any]],
    save: Callable[[User, Any], object],
    title: str,
    done: str,
) -> HttpResponse:
    user = require(request, permissions.can_keep_partnerships, permissions.REFUSAL)
    body = get_body_for_user(request, key)
    form = form_class(posted(request), instance=form_class._meta.model(body=body))
    back = reverse("partnerships:staff-body", args=[body.key])
    return edit_form(
        request,
        form,
        lambda: save(user, form.save(commit=False)),
        context={"title": title, "caption": body.name, "back_url": back},
        success_url=back,
        success_message=done,
    )


@login_required
def body_edit(request: HttpRequest, key: str) -> HttpResponse:
    user = require(request, permissions.can_keep_partnerships, permissions.REFUSAL)
    body = get_body_for_user(request, key)
    form = BodyForm(posted(request), instance=body)
    back = reverse("partnerships:staff-body", args=[body.key])
    return edit_form(
        request,
        form,
        lambda: services.save_body(user, form.save(commit=False), version=form.served_version),
        context={"title": _("Edit the body"), "caption": body.name, "back_url": back},
        success_url=back,
        success_message=_("Body saved"),
    )


@login_required
def local_issue_edit(request: HttpRequest, key: str, pk: int | None = None) -> HttpResponse:
    """Record a local issue the body works on, or (with `pk`) update its progress."""
    user = require(request, permissions.can_keep_partnerships, permissions.REFUSAL)
    body = get_body_for_user(request, key)
    issue = get_object_or_404(LocalIssue, body=body, pk=pk) if pk else LocalIssue(body=body)
    form = LocalIssueForm(posted(request), instance=issue)
    back = reverse("partnerships:staff-body", args=[body.key])
    return edit_form(
        request,
        form,
        lambda: services.save_local_issue(
            user,
            form.save(commit=False),
            list(form.cleaned_data["concerns"]),
            version=form.served_version,
        ),
        context={
            "title": _("Update the local issue") if pk else _("Record a local issue"),
            "caption": body.name,
            "back_url": back,
        },
        success_url=back + "#local-issues",
        success_message=_("Local issue saved"),
    )


@login_required
def funded_post_new(request: HttpRequest, key: str) -> HttpResponse:
    return _keeper_form(
        request,
        key,
        FundedPostForm,
        services.save_funded_post,
        _("Record a funded post"),
        _("Funded post recorded"),
    )


@login_required
def membership_new(request: HttpRequest, key: str) -> HttpResponse:
    return _keeper_form(
        request, key, MembershipForm, services.add_membership, _("Add a member"), _("Member added")
    )


@login_required
def scrutiny_new(request: HttpRequest, key: str) -> HttpResponse:
    return _keeper_form(
        request,
        key,
        ScrutinyForm,
        services.record_scrutiny,
        _("Record a crime and disorder committee scrutiny"),
        _("Scrutiny recorded"),
    )


@login_required
def document_new(request: HttpRequest, key: str) -> HttpResponse:
    return _keeper_form(
        request,
        key,
        CspDocumentForm,
        services.add_csp_document,
        _("Add a Community Safety Plan or strategic assessment"),
        _("Document added"),
    )


def get_issued_plan_for_user(request: HttpRequest, key: str) -> Plan:
    require(request, permissions.can_read_partnerships, permissions.READ_REFUSAL)
    plan = get_object_or_404(Plan, key=key)
    if not plan.is_public:
        raise Http404(_("The plan has not been issued."))
    return plan


@login_required
def distribution(request: HttpRequest, key: str) -> HttpResponse:
    plan = get_issued_plan_for_user(request, key)
    recipients = services.plan_recipients(plan)
    return render(
        request,
        "partnerships/distribution.html",
        {
            "plan": plan,
            "recipients": recipients,
            "not_sent": [r for r in recipients if r.copy is None],
            "can_keep": permissions.can_keep_partnerships(request.user),
        },
    )


@login_required
@require_POST
def distribution_send(request: HttpRequest, key: str) -> HttpResponse:
    """The emails go from `pcplan worker`; the editor follows them on the job's page."""
    user = require(request, permissions.can_keep_partnerships, permissions.REFUSAL)
    plan = get_issued_plan_for_user(request, key)
    job = jobs.start(
        user,
        tasks.send_plan_copies,
        title=_("Sending %(plan)s to its recipients") % {"plan": plan.title},
        next_url=reverse("partnerships:distribution", args=[plan.key]),
        next_label=_("See who has been sent the plan"),
        plan_key=plan.key,
    )
    return redirect(jobs.status_url(job))
