"""Staff pages for reports, the what-changed view and the reporting cycle; public downloads."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from pcplan.core.http import edit_form, posted, require, staff_user
from pcplan.core.models import User
from pcplan.core.publishing import set_published
from pcplan.plans.models import Theme
from pcplan.plans.permissions import EDITORS_ONLY
from pcplan.plans.views import get_plan_for_user
from pcplan.reports import permissions, services
from pcplan.reports.changes import what_changed as build_what_changed
from pcplan.reports.forms import ReportForm, ThemeReportForm, UpdateRoundForm, WhatChangedForm
from pcplan.reports.models import GeneratedReport, ReportKind, UpdateRound
from pcplan.reports.progress import BOARD, PANEL, ReportError, build_progress_report
from pcplan.reports.render import document_context, render_html, render_pdf
from pcplan.reports.services import previous_report_date
from pcplan.reports.theme import build_theme_report


def require_report_manager(request: HttpRequest) -> User:
    return require(request, permissions.can_manage_reports, EDITORS_ONLY)


def get_report_for_user(request: HttpRequest, pk: int) -> GeneratedReport:
    """Editors see every generated report; anyone else, signed in or not, only public ones
    (404 otherwise)."""
    reports = (
        GeneratedReport.objects.all()
        if permissions.can_manage_reports(request.user)
        else GeneratedReport.objects.public()
    )
    return get_object_or_404(reports.select_related("plan"), pk=pk)


def get_round_for_user(request: HttpRequest, pk: int) -> UpdateRound:
    """Only those who request updates see a round's progress (404 otherwise)."""
    if not permissions.can_manage_reports(request.user):
        raise Http404(gettext("There is no such request for updates."))
    return get_object_or_404(UpdateRound.objects.select_related("plan"), pk=pk)


@login_required
def report_list(request: HttpRequest, key: str) -> HttpResponse:
    require_report_manager(request)
    plan = get_plan_for_user(request, key)
    return render(
        request,
        "reports/report_list.html",
        {
            "plan": plan,
            "reports": plan.generated_reports.select_related("created_by"),
            "rounds": plan.update_rounds.all()[:5],
        },
    )


@login_required
def report_generate(request: HttpRequest, key: str) -> HttpResponse:
    user = require_report_manager(request)
    plan = get_plan_for_user(request, key)
    kind = BOARD if request.GET.get("kind") == BOARD else PANEL
    today = timezone.localdate()
    since = services.previous_report_date(plan, kind) or today - dt.timedelta(days=182)
    as_of = max(today, since + dt.timedelta(days=1))
    initial = {
        **asdict(services.fields_for_next_report(plan, kind, as_of)),
        "as_of": as_of,
        "since": since,
    }
    form = ReportForm(posted(request), initial=initial, board=kind == BOARD)
    context = {
        "plan": plan,
        "kind": kind,
        "kind_label": ReportKind(kind).label,
        "back_url": reverse("reports:report-list", args=[plan.key]),
    }
    if request.method == "POST" and "preview" in request.POST:
        if form.is_valid():
            report = build_progress_report(
                plan,
                form.cleaned_data["as_of"],
                form.cleaned_data["since"],
                form.report_fields(),
                kind=kind,
            )
            context.update(document_context(report))
        return render(
            request,
            "reports/report_generate.html",
            {**context, "form": form},
            status=200 if form.is_valid() else 400,
        )

    def save() -> None:
        generated = services.generate_report(
            user,
            plan,
            kind=kind,
            fmt=form.cleaned_data["format"],
            as_of=form.cleaned_data["as_of"],
            since=form.cleaned_data["since"],
            report_fields=form.report_fields(),
        )
        context["generated"] = generated

    return edit_form(
        request,
        form,
        save,
        template="reports/report_generate.html",
        context=context,
        success_url=lambda: reverse("reports:report-list", args=[plan.key]),
        success_message=gettext("Report generated: download it from the list below"),
    )


def _file_response(report: GeneratedReport) -> FileResponse:
    """The report's file, read through the storage API (local files or an S3-compatible store)."""
    name = report.file.name
    if not name or not report.file.storage.exists(name):
        raise Http404(gettext("The report file is missing."))
    handle = report.file.open("rb")
    return FileResponse(
        handle,
        as_attachment=True,
        filename=report.filename,
        content_type=report.content_type,
    )


@login_required
def report_download(request: HttpRequest, pk: int) -> FileResponse:
    require_report_manager(request)
    return _file_response(get_report_for_user(request, pk))


@login_required
@require_POST
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = require_report_manager(request)
    report = get_report_for_user(request, pk)
    publish = request.POST.get("publish") == "1"
    set_published(user, report, publish)
    messages.success(
        request, gettext("Report published") if publish else gettext("Report withdrawn")
    )
    return redirect("reports:report-list", report.plan.key)


@login_required
def what_changed(request: HttpRequest, key: str) -> HttpResponse:
    require_report_manager(request)
    plan = get_plan_for_user(request, key)
    form = WhatChangedForm(request.GET if "start_day" in request.GET else None)
    changes = (
        build_what_changed(plan, form.cleaned_data["start"], form.cleaned_data["end"])
        if form.is_valid()
        else None
    )
    return render(
        request,
        "reports/what_changed.html",
        {"plan": plan, "form": form, "changes": changes},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@login_required
def update_round_create(request: HttpRequest, key: str) -> HttpResponse:
    user = require_report_manager(request)
    plan = get_plan_for_user(request, key)
    form = UpdateRoundForm(posted(request))
    created: list[UpdateRound] = []

    def save() -> None:
        created.append(
            services.request_updates(
                user, plan, due_on=form.cleaned_data["due_on"], message=form.cleaned_data["message"]
            )
        )

    return edit_form(
        request,
        form,
        save,
        template="staff_form.html",
        context={
            "title": gettext("Request updates"),
            "caption": plan.title,
            "intro": gettext(
                "Every organisation leading a deliverable that is not completed is asked "
                "to update it by the due date. They see the request when they sign in, and "
                "reminders go by email until they have posted an update."
            ),
            "back_url": reverse("reports:report-list", args=[plan.key]),
            "submit": gettext("Request updates"),
        },
        success_url=lambda: reverse("reports:update-round", args=[created[0].pk]),
        success_message=gettext("Updates requested"),
    )


@login_required
def update_round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    update_round = get_round_for_user(request, pk)
    statuses = services.round_status(update_round)
    return render(
        request,
        "reports/update_round.html",
        {
            "round": update_round,
            "plan": update_round.plan,
            "statuses": statuses,
            "responded": sum(s.responded for s in statuses),
            "today": timezone.localdate(),
        },
    )


@login_required
def my_update_requests(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    return render(
        request, "reports/my_update_requests.html", {"requests": services.requests_for(user)}
    )


def public_report_list(request: HttpRequest) -> HttpResponse:
    reports = GeneratedReport.objects.public().select_related("plan").order_by("-as_of", "-id")
    return render(request, "reports/public_report_list.html", {"reports": reports})


def public_report_download(request: HttpRequest, pk: int) -> FileResponse:
    report = get_object_or_404(GeneratedReport.objects.public().select_related("plan"), pk=pk)
    return _file_response(report)


@login_required
def theme_report(request: HttpRequest, key: str, theme_key: str) -> HttpResponse:
    """A report on one theme, built from live public data: HTML preview or PDF download."""
    require_report_manager(request)
    plan = get_plan_for_user(request, key)
    theme = get_object_or_404(Theme, plan=plan, key=theme_key)
    today = timezone.localdate()
    previous = previous_report_date(plan, ReportKind.PANEL)
    form = ThemeReportForm(
        request.GET or None,
        initial={
            "as_of": today,
            "since": previous if previous and previous < today else today - dt.timedelta(days=182),
            "format": "html",
        },
    )
    if not form.is_bound:
        form = ThemeReportForm(form.initial)
    if not form.is_valid():
        return render(
            request,
            "reports/theme_report_form.html",
            {"plan": plan, "theme": theme, "form": form},
            status=400,
        )
    data = form.cleaned_data
    try:
        report = build_theme_report(theme, data["as_of"], data["since"])
    except ReportError as exc:
        form.add_error("as_of", str(exc))
        return render(
            request,
            "reports/theme_report_form.html",
            {"plan": plan, "theme": theme, "form": form},
            status=400,
        )
    if data["format"] == "pdf":
        response = HttpResponse(render_pdf(report), content_type="application/pdf")
        filename = f"{plan.key}-{theme.key}-theme-report-{data['as_of']:%Y-%m-%d}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return HttpResponse(render_html(report))
