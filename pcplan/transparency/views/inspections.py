"""HMICFRS inspections: reports, graded areas, recommendations and areas for improvement, the
56-day comments rule, and each finding tracked to a response, an owner and deliverables."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pcplan.core.history import history_page
from pcplan.core.http import edit_form, posted, staff_user
from pcplan.delivery.models import Deliverable
from pcplan.transparency import services
from pcplan.transparency.forms import FindingForm, GradedAreaForm, InspectionForm
from pcplan.transparency.history import inspection_history
from pcplan.transparency.models import Finding, Inspection
from pcplan.transparency.views.access import (
    flags,
    get_finding_for_user,
    get_inspection_for_user,
    keepers_only,
    readers_only,
)


@readers_only
def staff_inspections(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    inspections = list(Inspection.objects.prefetch_related("findings"))
    rows = [(i, i.comments_status(today)) for i in inspections]
    return render(request, "transparency/staff_inspections.html", {"rows": rows, **flags(request)})


@readers_only
def staff_inspection(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = get_inspection_for_user(request, pk)
    findings = inspection.findings.select_related("owner").prefetch_related(
        Prefetch("deliverables", queryset=Deliverable.objects.select_related("theme__plan"))
    )
    return render(
        request,
        "transparency/staff_inspection.html",
        {
            "inspection": inspection,
            "status": inspection.comments_status(timezone.localdate()),
            "graded_areas": inspection.graded_areas.all(),
            "findings": findings,
            **history_page(request, inspection_history(inspection)),
            **flags(request),
        },
    )


@keepers_only
def inspection_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    inspection = get_inspection_for_user(request, pk) if pk else Inspection()
    form = InspectionForm(posted(request), instance=inspection)
    user = staff_user(request)

    def save() -> None:
        services.save_inspection(user, form.save(commit=False), version=form.served_version)

    return edit_form(
        request,
        form,
        save,
        context={
            "title": _("Edit inspection report") if pk else _("Record an inspection report"),
            "back_url": reverse("transparency:staff-inspections"),
        },
        success_url=lambda: reverse("transparency:staff-inspection", args=[form.instance.pk]),
        success_message=_("Inspection report saved"),
    )


def inspection_new(request: HttpRequest) -> HttpResponse:
    return inspection_edit(request, None)


@keepers_only
def graded_area_add(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = get_inspection_for_user(request, pk)
    form = GradedAreaForm(posted(request))
    user = staff_user(request)
    back = reverse("transparency:staff-inspection", args=[inspection.pk])
    return edit_form(
        request,
        form,
        lambda: services.add_graded_area(
            user, inspection, form.cleaned_data["area"], form.cleaned_data["grade"]
        ),
        context={"title": _("Add a graded area"), "caption": inspection.title, "back_url": back},
        success_url=back,
        success_message=_("Graded area added"),
    )


@keepers_only
def finding_edit(
    request: HttpRequest, pk: int | None = None, inspection_pk: int | None = None
) -> HttpResponse:
    if pk:
        finding = get_finding_for_user(request, pk)
        inspection = finding.inspection
    else:
        inspection = get_inspection_for_user(request, inspection_pk or 0)
        finding = Finding(inspection=inspection)
    form = FindingForm(posted(request), instance=finding)
    user = staff_user(request)
    back = reverse("transparency:staff-inspection", args=[inspection.pk])

    def save() -> None:
        services.save_finding(
            user,
            form.save(commit=False),
            form.cleaned_data["deliverables"],
            version=form.served_version,
        )

    return edit_form(
        request,
        form,
        save,
        context={
            "title": _("Edit finding") if pk else _("Add a recommendation or area for improvement"),
            "caption": inspection.title,
            "back_url": back,
        },
        success_url=back,
        success_message=_("Finding saved"),
    )


def finding_new(request: HttpRequest, inspection_pk: int) -> HttpResponse:
    return finding_edit(request, None, inspection_pk)
