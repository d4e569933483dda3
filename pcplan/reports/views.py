"""Staff pages for reports, the what-changed view and the reporting cycle; public downloads."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from pcplan.core import jobs
from pcplan.core.http import edit_form, posted, require, staff_user
from pcplan.core.models import User
from pcplan.core.office import current_office
from pcplan.core.paging import paginate
from pcplan.core.publishing import set_published
from pcplan.panel.models import AgendaItem, Meeting
from pcplan.partnerships.models import PANEL_KEY, Body, BodyKind
from pcplan.plans.models import Theme
from pcplan.plans.permissions import EDITORS_ONLY
from pcplan.plans.views import get_plan_for_user
from pcplan.reports import permissions, services, tasks
from pcplan.reports.changes import what_changed as build_what_changed
from pcplan.reports.forms import (
    PaperForForm,
    ReportForm,
    ThemeReportForm,
    UpdateRoundForm,
    WhatChangedForm,
)
from pcplan.reports.models import GeneratedReport, ReportFormat, ReportKind, UpdateRound
from pcplan.reports.progress import (
    BOARD,
    PANEL,
    ReportError,
    build_progress_report,
    check_dates,
)
from pcplan.reports.render import document_context, render_html
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
    return get_object_or_404(
        reports.select_related("plan", "theme", "paper_for__meeting__body"), pk=pk
    )


def get_round_for_user(request: HttpRequest, pk: int) -> UpdateRound:
    """Only those who request updates see a round's progress (404 otherwise)."""
    if not permissions.can_manage_reports(request.user):
        raise Http404(gettext("There is no such request for updates."))
    return get_object_or_404(UpdateRound.objects.select_related("plan"), pk=pk)


@login_required
def report_list(request: HttpRequest, key: str) -> HttpResponse:
    require_report_manager(request)
    plan = get_plan_for_user(request, key)
    paged = paginate(
        request, plan.generated_reports.select_related("created_by", "theme", "paper_for__meeting")
    )
    return render(
        request,
        "reports/report_list.html",
        {
            "plan": plan,
            "reports": paged.page,
            **paged.context(),
            "rounds": plan.update_rounds.all()[:5],
        },
    )


def agenda_bodies(kind: str) -> QuerySet[Body]:
    """The bodies a report of `kind` goes to: the Panel for a Panel report; for a Board report,
    the body named as the office profile's Board, or else the bodies of kind strategic board."""
    if kind != BOARD:
        return Body.objects.filter(key=PANEL_KEY)
    name = current_office().board_name
    named = Body.objects.filter(name=name) if name else Body.objects.none()
    return named if named.exists() else Body.objects.filter(kind=BodyKind.STRATEGIC_BOARD)


def agenda_items_for(kind: str) -> QuerySet[AgendaItem]:
    """Items of the meetings of the bodies a report of `kind` goes to."""
    return AgendaItem.objects.filter(meeting__body__in=agenda_bodies(kind))


def coming_agenda_items(kind: str = PANEL) -> list[AgendaItem]:
    """Items of coming meetings of the report's body (the Panel's, or the Board's) whose agenda
    is not yet published: the ones a report may still become the paper for."""
    return list(
        agenda_items_for(kind)
        .filter(
            meeting__in=Meeting.objects.coming(timezone.localdate()).filter(
                status=Meeting.Status.SCHEDULED
            )
        )
        .exclude(kind__in=[AgendaItem.Kind.PREVIOUS_MINUTES, AgendaItem.Kind.ACTION_LOG])
        .select_related("meeting__body")
        .order_by("meeting__date", "meeting__time", "number")
    )


@login_required
def report_for(request: HttpRequest, key: str) -> HttpResponse:
    """Step one of a Panel or Board report: the meeting and agenda item it is for."""
    require_report_manager(request)
    plan = get_plan_for_user(request, key)
    theme_key = request.GET.get("theme", "")
    theme = get_object_or_404(Theme, plan=plan, key=theme_key) if theme_key else None
    kind = BOARD if request.GET.get("kind") == BOARD and theme is None else PANEL
    items = coming_agenda_items(kind)
    return render(
        request,
        "reports/report_for.html",
        {
            "plan": plan,
            "theme": theme,
            "kind": kind,
            "form": PaperForForm(items=items, board=kind == BOARD),
            "has_items": bool(items),
            "action": reverse("reports:theme-report", args=[plan.key, theme.key])
            if theme
            else reverse("reports:report-generate", args=[plan.key]),
            "back_url": reverse("reports:report-list", args=[plan.key]),
        },
    )


def paper_for_from(request: HttpRequest, kind: str = PANEL) -> AgendaItem | None:
    """The agenda item chosen at step one (`?item=`), 404 if there is no such item among the
    items of the meetings a report of `kind` goes to."""
    pk = request.GET.get("item", "")
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404(gettext("There is no such agenda item."))
    return get_object_or_404(agenda_items_for(kind).select_related("meeting__body"), pk=int(pk))


@login_required
def report_generate(request: HttpRequest, key: str) -> HttpResponse:
    user = require_report_manager(request)
    plan = get_plan_for_user(request, key)
    kind = BOARD if request.GET.get("kind") == BOARD else PANEL
    item = paper_for_from(request, kind)
    today = timezone.localdate()
    since = services.previous_report_date(plan, kind) or today - dt.timedelta(days=182)
    as_of = max(today, since + dt.timedelta(days=1))
    initial = {
        **asdict(services.fields_for_next_report(plan, kind, as_of)),
        "as_of": as_of,
        "since": since,
    }
    if item is not None:
        # The meeting's date, body and the item's number fill themselves in.
        initial.update(
            meeting_date=item.meeting.date,
            agenda_item=str(item.number),
            paper_for=item,
            panel_name=item.meeting.body.name,
            format=ReportFormat.PDF,
        )
    form = ReportForm(
        posted(request), initial=initial, board=kind == BOARD, paper_for=agenda_items_for(kind)
    )
    context = {
        "plan": plan,
        "kind": kind,
        "kind_label": ReportKind(kind).label,
        "paper_for": item,
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
    # Where the officer goes next: the report, or the job building it (a large plan's).
    next_page: list[str] = []
    in_background = services.runs_in_background(plan)

    def save() -> None:
        data = form.cleaned_data
        paper_for = data.get("paper_for")
        if in_background:
            job = jobs.start(
                user,
                tasks.generate_report,
                title=gettext("Generating the %(kind)s") % {"kind": ReportKind(kind).label},
                next_label=gettext("Open the report"),
                plan_key=plan.key,
                kind=kind,
                fmt=data["format"],
                as_of=data["as_of"].isoformat(),
                since=data["since"].isoformat(),
                report_fields=tasks.fields_as_data(form.report_fields()),
                paper_for=paper_for.pk if paper_for else None,
            )
            next_page.append(jobs.status_url(job))
            return
        report = services.generate_report(
            user,
            plan,
            kind=kind,
            fmt=data["format"],
            as_of=data["as_of"],
            since=data["since"],
            report_fields=form.report_fields(),
            paper_for=paper_for,
        )
        next_page.append(reverse("reports:report-detail", args=[report.pk]))

    return edit_form(
        request,
        form,
        save,
        template="reports/report_generate.html",
        context=context,
        success_url=lambda: next_page[0],
        success_message=(
            gettext("The report is being generated")
            if in_background
            else gettext("Report generated")
        ),
    )


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """What was generated, with its file to open or download at once, and where it went."""
    require_report_manager(request)
    report = get_report_for_user(request, pk)
    return render(
        request,
        "reports/report_detail.html",
        {"report": report, "plan": report.plan, "item": report.paper_for},
    )


def _file_response(report: GeneratedReport, *, inline: bool = False) -> FileResponse:
    """The report's file, read through the storage API (local files or an S3-compatible store);
    `inline` opens it in the browser (PDF and HTML) rather than saving it."""
    name = report.file.name
    if not name or not report.file.storage.exists(name):
        raise Http404(gettext("The report file is missing."))
    handle = report.file.open("rb")
    return FileResponse(
        handle,
        as_attachment=not (inline and report.format != ReportFormat.DOCX),
        filename=report.filename,
        content_type=report.content_type,
    )


@login_required
def report_download(request: HttpRequest, pk: int) -> FileResponse:
    require_report_manager(request)
    return _file_response(get_report_for_user(request, pk), inline="open" in request.GET)


@login_required
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publishing or withdrawing asks first (GET shows what will happen; POST does it)."""
    user = require_report_manager(request)
    report = get_report_for_user(request, pk)
    if request.method != "POST":
        return render(
            request,
            "reports/report_publish.html",
            {"report": report, "plan": report.plan, "publish": not report.is_published},
        )
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
    reports = (
        GeneratedReport.objects.public().select_related("plan", "theme").order_by("-as_of", "-id")
    )
    return render(request, "reports/public_report_list.html", {"reports": reports})


def public_report_download(request: HttpRequest, pk: int) -> FileResponse:
    report = get_object_or_404(GeneratedReport.objects.public().select_related("plan"), pk=pk)
    return _file_response(report)


@login_required
def theme_report(request: HttpRequest, key: str, theme_key: str) -> HttpResponse:
    """A report on one theme, built from live public data: shown or downloaded ("Make the
    report"), or generated and kept like the other reports, for publishing or as an agenda
    item's paper ("Generate and save"). A PDF of a theme of more than
    `PCPLAN_BACKGROUND_REPORT_DELIVERABLES` deliverables is built by `pcplan worker`: the
    officer is sent to the job's page, which links to the report once it is ready."""
    user = require_report_manager(request)
    plan = get_plan_for_user(request, key)
    theme = get_object_or_404(Theme, plan=plan, key=theme_key)
    item = paper_for_from(request)
    today = timezone.localdate()
    previous = previous_report_date(plan, ReportKind.PANEL)
    since = previous if previous and previous < today else today - dt.timedelta(days=182)
    # The unbound page is the form filled with these, as text the fields read back.
    defaults = {
        "as_of": today.isoformat(),
        "since": since.isoformat(),
        "format": "pdf" if item else "html",
        "paper_for": str(item.pk) if item else "",
    }
    data = request.POST if request.method == "POST" else request.GET
    bound = request.method == "POST" or "as_of" in data
    form = ThemeReportForm(data if bound else defaults)
    context = {"plan": plan, "theme": theme, "form": form, "paper_for": item}
    if not form.is_valid():
        return render(request, "reports/theme_report_form.html", context, status=400)
    if not bound:
        return render(request, "reports/theme_report_form.html", context)
    cleaned = form.cleaned_data
    as_of, since = cleaned["as_of"], cleaned["since"]
    try:
        check_dates(as_of, since)
    except ReportError as exc:
        form.add_error("as_of", str(exc))
        return render(request, "reports/theme_report_form.html", context, status=400)
    in_background = services.runs_in_background(plan, theme)
    dates = {"as_of": as_of.isoformat(), "since": since.isoformat()}
    if request.method == "POST" and "generate" in request.POST:
        paper_for = cleaned.get("paper_for")
        if in_background:
            job = jobs.start(
                user,
                tasks.generate_theme_report,
                title=gettext("Generating the theme report on %(theme)s") % {"theme": theme.title},
                next_label=gettext("Open the report"),
                theme_id=theme.pk,
                fmt=cleaned["format"],
                paper_for=paper_for.pk if paper_for else None,
                **dates,
            )
            messages.success(request, gettext("The report is being generated"))
            return redirect(jobs.status_url(job))
        try:
            generated = services.generate_theme_report(
                user, theme, fmt=cleaned["format"], as_of=as_of, since=since, paper_for=paper_for
            )
        except (ReportError, ValidationError) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
            return render(request, "reports/theme_report_form.html", context, status=400)
        messages.success(request, gettext("Report generated"))
        return redirect("reports:report-detail", generated.pk)
    if cleaned["format"] != "pdf":
        return HttpResponse(render_html(build_theme_report(theme, as_of, since)))
    pdf = services.kept_theme_pdf(theme, as_of, since)
    if pdf is None and in_background:
        if request.method != "POST":
            # The job's link, followed after the data changed: the kept PDF is gone.
            form.add_error(
                None,
                gettext("What the report shows has changed since it was made: make it again."),
            )
            return render(request, "reports/theme_report_form.html", context, status=409)
        job = jobs.start(
            user,
            tasks.make_theme_report,
            title=gettext("Making the theme report on %(theme)s") % {"theme": theme.title},
            next_label=gettext("Download the report"),
            theme_id=theme.pk,
            **dates,
        )
        messages.success(request, gettext("The report is being made"))
        return redirect(jobs.status_url(job))
    if pdf is None:
        pdf = services.make_theme_pdf(theme, as_of, since)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"{plan.key}-{theme.key}-theme-report-{as_of:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
