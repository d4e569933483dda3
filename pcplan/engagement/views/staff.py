"""The OPCC's engagement pages: consultations and survey imports, findings, concerns, events,
communications output. Permission is checked once on the way in (`engagement_staff`)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pcplan.core import exports, fragments, jobs
from pcplan.core.history import HistoryEntry, entries_for, history_page, newest_first
from pcplan.core.http import edit_form, posted, require
from pcplan.core.models import User
from pcplan.core.paging import paginate
from pcplan.core.publishing import Publishable, set_published
from pcplan.engagement import exports as engagement_exports
from pcplan.engagement import (
    output_import,
    permissions,
    report,
    services,
    summary,
    surveys,
    tasks,
)
from pcplan.engagement.forms import (
    CommsObjectiveForm,
    CommsOutputForm,
    ConcernForm,
    ConcernFromEventForm,
    ConsultationForm,
    EventForm,
    FindingForm,
    MappingForm,
    OutputUploadForm,
    PeriodForm,
    SurveyUploadForm,
)
from pcplan.engagement.models import (
    CommsObjective,
    CommsOutput,
    Concern,
    Consultation,
    Event,
    Finding,
)

View = Callable[..., HttpResponseBase]
UPLOAD_DIR = "engagement/uploads"


def engagement_staff(view: View) -> View:
    @login_required
    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        require(request, permissions.may_run_engagement, permissions.REFUSAL)
        return view(request, *args, **kwargs)

    return checked


def _user(request: HttpRequest) -> User:
    return require(request, permissions.may_run_engagement, permissions.REFUSAL)


def get_consultation_for_user(request: HttpRequest, pk: int) -> Consultation:
    _user(request)
    return get_object_or_404(Consultation.objects.select_related("plan"), pk=pk)


def get_finding_for_user(request: HttpRequest, pk: int) -> Finding:
    _user(request)
    return get_object_or_404(Finding.objects.select_related("consultation"), pk=pk)


def get_concern_for_user(request: HttpRequest, pk: int) -> Concern:
    _user(request)
    return get_object_or_404(Concern, pk=pk)


def get_event_for_user(request: HttpRequest, pk: int) -> Event:
    _user(request)
    return get_object_or_404(Event, pk=pk)


def get_output_for_user(request: HttpRequest, pk: int) -> CommsOutput:
    _user(request)
    return get_object_or_404(CommsOutput, pk=pk)


@engagement_staff
def staff_home(request: HttpRequest) -> HttpResponse:
    def body() -> dict[str, Any]:
        today = dt.date.today()
        open_concerns = [
            (c, c.days_open(today)) for c in Concern.objects.open().order_by("received_on")
        ]
        return {
            "consultations": Consultation.objects.all(),
            "open_concerns": open_concerns,
            "events": Event.objects.all()[:20],
            "counts": summary.concern_counts(),
        }

    # Issue 17: the page's body is kept until anything changes (pcplan.core.fragments).
    return fragments.render_kept(request, "engagement/staff_home.html", {}, body)


@engagement_staff
def consultations_download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """Every consultation and survey, drafts marked, as CSV or Excel."""
    return exports.download(
        request,
        fmt,
        engagement_exports.columns(staff=True),
        Consultation.objects.select_related("plan"),
        name="consultations",
        sheet=_("Consultations"),
    )


@engagement_staff
def consultation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    consultation = get_consultation_for_user(request, pk) if pk else Consultation()
    form = ConsultationForm(posted(request), instance=consultation)
    user = _user(request)
    return edit_form(
        request,
        form,
        lambda: services.save_record(user, form.save(commit=False), version=form.served_version),
        context={
            "title": _("Edit consultation") if pk else _("Add a consultation or survey"),
            "back_url": reverse("engagement:staff-home"),
        },
        success_url=lambda: reverse("engagement:consultation", args=[form.instance.pk]),
        success_message=_("Consultation saved"),
    )


@engagement_staff
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_consultation_for_user(request, pk)
    return render(
        request,
        "engagement/staff_consultation.html",
        {
            "consultation": consultation,
            "results": summary.survey_results(consultation),
            "imports": consultation.imports.all(),
            "findings": consultation.findings.select_related("theme").prefetch_related(
                "deliverables"
            ),
            "upload_form": SurveyUploadForm(),
        },
    )


PUBLISHABLE: dict[str, type[Publishable]] = {
    "consultation": Consultation,
    "finding": Finding,
    "event": Event,
}


@require_POST
@engagement_staff
def publish(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    model = PUBLISHABLE.get(kind)
    if model is None:
        raise Http404
    record = get_object_or_404(model, pk=pk)
    published = request.POST.get("published") == "1"
    set_published(_user(request), record, published)
    messages.success(request, _("Published") if published else _("Withdrawn from the public site"))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse("engagement:staff-home")
    return redirect(back)


@require_POST
@engagement_staff
def survey_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep the upload (under a random name) while the officer maps its columns."""
    consultation = get_consultation_for_user(request, pk)
    form = SurveyUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a CSV or Excel file to import"))
        return redirect("engagement:consultation", pk=consultation.pk)
    upload = form.cleaned_data["file"]
    if upload.size > surveys.max_upload_bytes():
        messages.error(request, _("The file is larger than the upload limit"))
        return redirect("engagement:consultation", pk=consultation.pk)
    token = _keep_upload(request, "survey", upload)
    return redirect("engagement:survey-map", pk=consultation.pk, token=token)


@engagement_staff
def survey_map(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """Choose the columns, preview what would be added, then apply (all rows or none)."""
    consultation = get_consultation_for_user(request, pk)
    upload = request.session.get(f"survey-upload-{token}")
    if not upload:
        raise Http404
    path = f"{UPLOAD_DIR}/{token}{upload['suffix']}"
    if not default_storage.exists(path):
        raise Http404
    with default_storage.open(path, "rb") as stored:
        data = stored.read()
    context: dict[str, Any] = {"consultation": consultation, "file_name": upload["name"]}
    try:
        columns = surveys.header(surveys.read_file(upload["name"], data))
    except surveys.UploadError as exc:
        context["problems"] = exc.problems
        return render(request, "engagement/survey_map.html", context, status=400)
    form = MappingForm(posted(request), columns=columns)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        mapping = {k: v for k, v in form.cleaned_data.items() if v}
        try:
            if request.POST.get("action") == "apply":
                # The worker imports it (pcplan worker); the officer follows it on the job page.
                del request.session[f"survey-upload-{token}"]
                job = jobs.start(
                    _user(request),
                    tasks.import_survey,
                    title=_("Importing survey responses"),
                    stored=(path, upload["name"]),
                    next_url=reverse("engagement:consultation", args=[consultation.pk]),
                    consultation_id=consultation.pk,
                    mapping=mapping,
                )
                return redirect(jobs.status_url(job))
            context["preview"] = surveys.preview(consultation, upload["name"], data, mapping)
        except surveys.UploadError as exc:
            context["problems"] = exc.problems
            return render(request, "engagement/survey_map.html", context, status=400)
    return render(request, "engagement/survey_map.html", context)


@engagement_staff
def finding_edit(
    request: HttpRequest, consultation_pk: int | None = None, pk: int | None = None
) -> HttpResponse:
    if pk:
        finding = get_finding_for_user(request, pk)
        consultation = finding.consultation
    else:
        consultation = get_consultation_for_user(request, consultation_pk or 0)
        finding = Finding(consultation=consultation)
    form = FindingForm(posted(request), instance=finding, consultation=consultation)
    user = _user(request)

    def save() -> None:
        services.save_with_m2m(
            user, form.save(commit=False), form.save_m2m, version=form.served_version
        )

    return edit_form(
        request,
        form,
        save,
        context={
            "title": _("Edit “You said, we did”") if pk else _("Add “You said, we did”"),
            "caption": consultation.title,
            "back_url": reverse("engagement:consultation", args=[consultation.pk]),
        },
        success_url=reverse("engagement:consultation", args=[consultation.pk]),
        success_message=_("Saved"),
    )


def concern_history(concern: Concern) -> list[HistoryEntry]:
    records = list(concern.history.select_related("history_user").order_by("history_date"))
    return newest_first(entries_for(records, Concern, _("Concern")))


@engagement_staff
def concern_list(request: HttpRequest) -> HttpResponse:
    today = dt.date.today()
    paged = paginate(request, Concern.objects.select_related("referred_to"))
    rows = [(c, c.days_open(today)) for c in paged.page]
    return render(request, "engagement/staff_concerns.html", {"rows": rows, **paged.context()})


@engagement_staff
def concern_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    concern = get_concern_for_user(request, pk) if pk else Concern()
    form = ConcernForm(posted(request), instance=concern)
    user = _user(request)
    return edit_form(
        request,
        form,
        lambda: services.save_record(user, form.save(commit=False), version=form.served_version),
        context={
            "title": _("Edit concern") if pk else _("Log a concern"),
            "back_url": reverse("engagement:concerns"),
            **history_page(request, concern_history(concern) if pk else []),
            "intro": _(
                "The name and contact details are personal data: only OPCC editors see them, "
                "and they are erased after the retention period."
            ),
        },
        template="engagement/concern_form.html",
        success_url=reverse("engagement:concerns"),
        success_message=_("Concern saved"),
    )


@engagement_staff
def event_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    event = get_event_for_user(request, pk) if pk else Event()
    form = EventForm(posted(request), instance=event)
    user = _user(request)
    return edit_form(
        request,
        form,
        lambda: services.save_with_m2m(
            user, form.save(commit=False), form.save_m2m, version=form.served_version
        ),
        context={
            "title": _("Edit event") if pk else _("Add an event or District Day"),
            "back_url": reverse("engagement:staff-home"),
        },
        success_url=lambda: reverse("engagement:event", args=[form.instance.pk]),
        success_message=_("Event saved"),
    )


@engagement_staff
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request, pk)
    form = ConcernFromEventForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.concern_from_event(
            _user(request), event, form.cleaned_data["summary"], form.cleaned_data["topic"]
        )
        messages.success(request, _("Concern added to the case log"))
        return redirect("engagement:event", pk=event.pk)
    return render(
        request,
        "engagement/staff_event.html",
        {"event": event, "form": form, "concerns": event.concerns.all()},
        status=400 if form.is_bound else 200,
    )


def _period(request: HttpRequest) -> tuple[PeriodForm, dt.date, dt.date]:
    today = dt.date.today()
    start, end = today.replace(year=today.year - 1), today
    form = PeriodForm(request.GET or None)
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    return form, start, end


@engagement_staff
def output_list(request: HttpRequest) -> HttpResponse:
    form, start, end = _period(request)
    paged = paginate(request, CommsOutput.objects.between(start, end).select_related("theme"))
    return render(
        request,
        "engagement/staff_output.html",
        {
            "form": form,
            "figures": summary.output_figures(start, end),
            "output": paged.page,
            **paged.context(),
            "objectives": CommsObjective.objects.select_related("theme"),
            "upload_form": OutputUploadForm(),
        },
    )


def _keep_upload(request: HttpRequest, kind: str, upload: Any) -> str:
    """Keep an upload under a random name while the officer looks at it; its token."""
    token = secrets.token_urlsafe(16)
    suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
    default_storage.save(f"{UPLOAD_DIR}/{token}{suffix}", ContentFile(upload.read()))
    request.session[f"{kind}-upload-{token}"] = {"name": upload.name, "suffix": suffix}
    return token


@require_POST
@engagement_staff
def output_upload(request: HttpRequest) -> HttpResponse:
    form = OutputUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a CSV or Excel file to import"))
        return redirect("engagement:output")
    upload = form.cleaned_data["file"]
    if upload.size > surveys.max_upload_bytes():
        messages.error(request, _("The file is larger than the upload limit"))
        return redirect("engagement:output")
    return redirect("engagement:output-import", token=_keep_upload(request, "output", upload))


@engagement_staff
def output_import_page(request: HttpRequest, token: str) -> HttpResponse:
    """Preview what the uploaded file would add, then import it (all rows or none)."""
    upload = request.session.get(f"output-upload-{token}")
    if not upload:
        raise Http404
    path = f"{UPLOAD_DIR}/{token}{upload['suffix']}"
    if not default_storage.exists(path):
        raise Http404
    with default_storage.open(path, "rb") as stored:
        data = stored.read()
    context: dict[str, Any] = {"file_name": upload["name"]}
    try:
        if request.method == "POST":
            done = output_import.apply(_user(request), upload["name"], data)
            default_storage.delete(path)
            del request.session[f"output-upload-{token}"]
            messages.success(
                request,
                _("%(added)s pieces of output added (%(rows)s rows read)")
                % {"added": len(done.new), "rows": done.rows},
            )
            return redirect("engagement:output")
        context["preview"] = output_import.preview(upload["name"], data)
    except output_import.UploadError as exc:
        context["problems"] = exc.problems
        return render(request, "engagement/output_import.html", context, status=400)
    return render(request, "engagement/output_import.html", context)


@engagement_staff
def approach_report(request: HttpRequest) -> HttpResponse:
    """The Panel report for the period chosen on the output page, as a PDF."""
    _form, start, end = _period(request)
    pdf = report.report_pdf(report.ReportRequest(start=start, end=end))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="approach-to-communications.pdf"'
    return response


@engagement_staff
def output_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    output = get_output_for_user(request, pk) if pk else CommsOutput()
    form = CommsOutputForm(posted(request), instance=output)
    user = _user(request)
    return edit_form(
        request,
        form,
        lambda: services.save_record(user, form.save(commit=False), version=form.served_version),
        context={
            "title": _("Edit output") if pk else _("Record communications output"),
            "back_url": reverse("engagement:output"),
        },
        success_url=reverse("engagement:output"),
        success_message=_("Output saved"),
    )


@engagement_staff
def objective_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _user(request)
    objective = get_object_or_404(CommsObjective, pk=pk) if pk else CommsObjective()
    form = CommsObjectiveForm(posted(request), instance=objective)
    user = _user(request)
    return edit_form(
        request,
        form,
        lambda: services.save_record(user, form.save(commit=False), version=form.served_version),
        context={
            "title": _("Edit objective") if pk else _("Add a communications objective"),
            "back_url": reverse("engagement:output"),
        },
        success_url=reverse("engagement:output"),
        success_message=_("Objective saved"),
    )
