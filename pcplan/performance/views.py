"""Performance pages: the dashboard (public and staff), CSV downloads, and staff forms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from pcplan.core import exports, fragments, jobs
from pcplan.core.http import edit_form, posted, require, staff_user
from pcplan.core.office import csp_areas
from pcplan.core.paging import paginate
from pcplan.lib import spreadsheet
from pcplan.performance import exports as performance_exports
from pcplan.performance import figures, permissions, published, rules, services, tasks
from pcplan.performance import populations as population_upload
from pcplan.performance.forms import (
    DashboardFilter,
    MeasureForm,
    ObservationForm,
    PoliceDataUploadForm,
    PublishedFigureForm,
    UploadForm,
)
from pcplan.performance.models import AreaPopulation, ImportRun, Measure
from pcplan.performance.published import UploadedFigure
from pcplan.performance.series import Dashboard, loaded_forces
from pcplan.performance.uploads import UploadError, parse


def get_measure_for_user(request: HttpRequest, pk: int) -> Measure:
    """Staff see every measure; the public only national and published ones."""
    measures = Measure.objects.all() if request.user.is_authenticated else Measure.objects.public()
    return get_object_or_404(measures, pk=pk)


def _filter(request: HttpRequest) -> tuple[DashboardFilter, str, str, list[str] | None]:
    """The dashboard filter: (form, force, CSP area, the districts the area covers)."""
    # The office profile's forces; before it names any, whatever police data is loaded.
    forces = figures.choosable_forces(loaded_forces)
    areas = csp_areas()
    form = DashboardFilter(request.GET or None, areas=list(areas), forces=forces)
    preferred = forces[0][0] if forces else ""
    area, force = "", preferred
    if form.is_bound and form.is_valid():
        area = form.cleaned_data["area"] or ""
        force = form.cleaned_data["force"] or preferred
    return form, force, area, (areas.get(area) if area else None)


def _dashboard(request: HttpRequest, *, staff: bool) -> tuple[Dashboard, DashboardFilter]:
    """The figures for the filter's force and area, computed once per data change."""
    form, force, area, districts = _filter(request)
    dashboard = figures.dashboard(staff=staff, force=force, area=area, districts=districts)
    return dashboard, form


# Issue 17: the dashboard's measures a page at a time (the staff page shows each in full).
MEASURES_PAGE_SIZE = 20


def _render_dashboard(request: HttpRequest, *, staff: bool) -> HttpResponse:
    form, force, area, districts = _filter(request)

    def body() -> dict[str, Any]:
        dashboard = figures.dashboard(staff=staff, force=force, area=area, districts=districts)
        measures = paginate(request, dashboard.series, MEASURES_PAGE_SIZE)
        return {
            "dashboard": dashboard,
            "series": measures.page,
            "measure_pages": measures,
            "filter": form,
            "query": request.GET.urlencode(),
            "band": rules.NO_CHANGE_BAND_PERCENT,
            "can_edit": staff and permissions.can_edit_measures(staff_user(request)),
            "can_record": staff and permissions.can_record_observations(staff_user(request)),
        }

    # Issue 17: the staff page's body is kept until anything changes (pcplan.core.fragments);
    # the public page is cached whole.
    return fragments.render_kept(
        request,
        "performance/dashboard.html",
        {
            "base_template": "staff_base.html" if staff else "base.html",
            "staff": staff,
            "area": area,
        },
        body,
    )


def public_dashboard(request: HttpRequest) -> HttpResponse:
    return _render_dashboard(request, staff=False)


ONLY_EDITORS_IMPORT = gettext_lazy("Only OPCC editors import police data.")


@login_required
def staff_dashboard(request: HttpRequest) -> HttpResponse:
    return _render_dashboard(request, staff=True)


def _measures_download(request: HttpRequest, fmt: str, *, staff: bool) -> HttpResponseBase:
    _form, _force, area, _districts = _filter(request)
    measures = Measure.objects.all() if staff else Measure.objects.public()
    return exports.download(
        request,
        fmt,
        performance_exports.columns(staff=staff),
        performance_exports.rows(measures.order_by("position", "name", "id"), area or None),
        name="measures",
        sheet=gettext("Measures"),
    )


def measures_download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """National and published measures with their observations (the dashboard's area, when
    one is chosen), as CSV or Excel."""
    return _measures_download(request, fmt, staff=False)


@login_required
def staff_measures_download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """Every measure with its observations, unpublished measures marked, as CSV or Excel."""
    return _measures_download(request, fmt, staff=True)


def measure_detail(request: HttpRequest, key: str) -> HttpResponse:
    """One measure: its trend, figures, baseline and where they come from."""
    staff = request.user.is_authenticated
    dashboard, form = _dashboard(request, staff=staff)
    series = next((s for s in dashboard.series if s.measure.key == key), None)
    if series is None:
        raise Http404("No such measure")
    return render(
        request,
        "performance/measure.html",
        {
            "base_template": "staff_base.html" if staff else "base.html",
            "staff": staff,
            "dashboard": dashboard,
            "s": series,
            "filter": form,
            "query": request.GET.urlencode(),
            "band": rules.NO_CHANGE_BAND_PERCENT,
            "can_edit": staff and permissions.can_edit_measures(staff_user(request)),
            "can_record": staff and permissions.can_record_observations(staff_user(request)),
        },
    )


def stop_and_search(request: HttpRequest) -> HttpResponse:
    """Stop and search over the latest 12 months loaded for the chosen force."""
    form, force, _area, _districts = _filter(request)
    figures_ = figures.stop_and_search(force, csp_areas())
    return render(
        request,
        "performance/stop_and_search.html",
        {"s": figures_, "filter": form, "query": request.GET.urlencode()},
    )


def trends(request: HttpRequest) -> HttpResponse:
    """Year-on-year change by crime type and CSP area, areas compared, outcomes."""
    form, force, area, districts = _filter(request)
    result = figures.trends(force, area, districts, csp_areas())
    return render(
        request,
        "performance/trends.html",
        {"t": result, "filter": form, "query": request.GET.urlencode()},
    )


def measure_csv(request: HttpRequest, key: str) -> HttpResponse:
    dashboard, _ = _dashboard(request, staff=request.user.is_authenticated)
    series = next((s for s in dashboard.series if s.measure.key == key), None)
    if series is None:
        raise Http404("No such measure")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    area = dashboard.area or "Whole force area"
    response["Content-Disposition"] = f'attachment; filename="{key}.csv"'
    writer = spreadsheet.writer(response)
    writer.writerow(
        ["Measure", "Area", "Period", "Period start", "Value", "12-month total", "Baseline"]
    )
    for p in series.points:
        writer.writerow(
            [
                series.measure.name,
                area,
                p.label,
                p.period_start.isoformat(),
                p.value if p.value is not None else "",
                p.rolling if p.rolling is not None else "",
                series.baseline if series.baseline is not None else "",
            ]
        )
    return response


def dashboard_url() -> str:
    return reverse("performance:staff-dashboard")


@login_required
def measure_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = staff_user(request)
    if not permissions.can_edit_measures(user):
        raise PermissionDenied("Only OPCC editors define measures.")
    measure = get_measure_for_user(request, pk) if pk else Measure()
    form = MeasureForm(posted(request), instance=measure)

    def save() -> None:
        services.save_measure(
            user,
            form.instance,
            themes=form.cleaned_data["themes"],
            deliverables=form.cleaned_data["deliverables"],
            version=form.served_version,
        )

    return edit_form(
        request,
        form,
        save,
        template="staff_form.html",
        context={
            "title": "Edit measure" if measure.pk else "Add a measure",
            "caption": "Performance",
            "back_url": dashboard_url(),
        },
        success_url=f"{dashboard_url()}#measure-{measure.key or ''}",
        success_message="Measure saved",
    )


@login_required
def observation_create(request: HttpRequest, pk: int) -> HttpResponse:
    measure = get_measure_for_user(request, pk)
    user = staff_user(request)
    if not permissions.can_record_observations(user) or measure.is_derived:
        raise PermissionDenied("You may not record observations of this measure.")
    form = ObservationForm(posted(request), areas=list(csp_areas()))

    def save() -> None:
        services.record_observation(user, measure, **form.cleaned_data)

    return edit_form(
        request,
        form,
        save,
        template="staff_form.html",
        context={
            "title": "Add an observation",
            "caption": measure.name,
            "intro": f"Unit: {measure.unit}. An observation for a period and area already held "
            "is replaced.",
            "back_url": dashboard_url(),
            "submit": "Save observation",
        },
        success_url=f"{dashboard_url()}#measure-{measure.key}",
        success_message="Observation saved",
    )


@login_required
def observation_upload(request: HttpRequest, pk: int) -> HttpResponse:
    measure = get_measure_for_user(request, pk)
    user = staff_user(request)
    if not permissions.can_record_observations(user) or measure.is_derived:
        raise PermissionDenied("You may not upload observations of this measure.")
    form = UploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = parse(upload.name, upload, list(csp_areas()), timezone.localdate())
        except UploadError as exc:
            for problem in exc.problems[:20]:
                form.add_error("file", problem)
        else:
            services.upload_observations(user, measure, rows)
            messages.success(request, f"{len(rows)} observations uploaded")
            return redirect(f"{dashboard_url()}#measure-{measure.key}")
    return render(
        request,
        "performance/upload.html",
        {"form": form, "measure": measure, "back_url": dashboard_url()},
        status=400 if form.is_bound else 200,
    )


@login_required
def import_runs(request: HttpRequest) -> HttpResponse:
    paged = paginate(
        request, ImportRun.objects.select_related("imported_by").order_by("-started_at", "-pk")
    )
    can_upload = permissions.can_edit_measures(staff_user(request))
    return render(
        request,
        "performance/import_runs.html",
        {"runs": paged.page, "can_upload": can_upload, **paged.context()},
    )


@login_required
def police_data_upload(request: HttpRequest) -> HttpResponse:
    """An editor uploads a data.police.uk download; the worker imports it (pcplan worker)
    and the editor watches its progress on the job's page rather than waiting on a request."""
    user = require(request, permissions.can_edit_measures, ONLY_EDITORS_IMPORT)
    back_url = reverse("performance:import-runs")
    form = PoliceDataUploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = jobs.start(
            user,
            tasks.import_police_upload,
            title=gettext("Importing police data"),
            upload=upload,
            next_url=back_url,
        )
        return redirect(jobs.status_url(job))
    return render(
        request,
        "performance/police_data_upload.html",
        {"form": form, "back_url": back_url, "accept": ".zip,.csv"},
        status=400 if form.is_bound else 200,
    )


def _measure_url(measure: Measure) -> str:
    return reverse("performance:measure-detail", args=[measure.key])


@login_required
def figure_create(request: HttpRequest, pk: int) -> HttpResponse:
    """An editor records a baseline or published figure, with its source and date."""
    measure = get_measure_for_user(request, pk)
    user = staff_user(request)
    if not permissions.can_edit_measures(user):
        raise PermissionDenied("Only OPCC editors record baselines and published figures.")
    form = PublishedFigureForm(posted(request), areas=list(csp_areas()))

    def save() -> None:
        services.record_published_figure(user, measure, UploadedFigure(row=0, **form.cleaned_data))

    return edit_form(
        request,
        form,
        save,
        template="staff_form.html",
        context={
            "title": "Add a baseline or published figure",
            "caption": measure.name,
            "intro": f"Unit: {measure.unit}. A figure for a period and area already held is "
            "replaced.",
            "back_url": _measure_url(measure),
            "submit": "Save figure",
        },
        success_url=_measure_url(measure),
        success_message="Figure saved",
    )


@login_required
def figure_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """An editor imports baselines and published figures from a CSV or Excel file."""
    measure = get_measure_for_user(request, pk)
    user = staff_user(request)
    if not permissions.can_edit_measures(user):
        raise PermissionDenied("Only OPCC editors record baselines and published figures.")
    form = UploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = published.parse(upload.name, upload, list(csp_areas()))
        except UploadError as exc:
            for problem in exc.problems[:20]:
                form.add_error("file", problem)
        else:
            services.import_published_figures(user, measure, rows)
            messages.success(request, f"{len(rows)} figures imported")
            return redirect(_measure_url(measure))
    return render(
        request,
        "performance/figure_upload.html",
        {"form": form, "measure": measure, "back_url": _measure_url(measure)},
        status=400 if form.is_bound else 200,
    )


@login_required
def populations(request: HttpRequest) -> HttpResponse:
    """The populations held, and an editor's import of a CSV or Excel file of them."""
    user = staff_user(request)
    if not permissions.can_edit_measures(user):
        raise PermissionDenied("Only OPCC editors record populations.")
    areas = population_upload.profile_areas()
    form = UploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = population_upload.parse(upload.name, upload, areas)
        except UploadError as exc:
            for problem in exc.problems[:20]:
                form.add_error("file", problem)
        else:
            services.import_populations(user, rows)
            messages.success(request, f"{len(rows)} populations imported")
            return redirect(reverse("performance:populations"))
    return render(
        request,
        "performance/populations.html",
        {
            "form": form,
            "populations": AreaPopulation.objects.all(),
            "areas": areas,
            "back_url": dashboard_url(),
        },
        status=400 if form.is_bound else 200,
    )
