"""The precept: the Panel's public report and the secretariat's pages for the proposal, the
vote and the response (PRSRA 2011 Sch 5)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pcplan.core.http import edit_form, posted, staff_user
from pcplan.core.office import current_office
from pcplan.panel import documents, services
from pcplan.panel import precept as precept_rules
from pcplan.panel.forms import (
    PreceptDecisionForm,
    PreceptForm,
    PreceptResponseForm,
)
from pcplan.panel.models import (
    Precept,
    members_on,
)
from pcplan.panel.views.access import (
    flags,
    get_precept_for_user,
    panel_readers_only,
    secretariat_only,
)
from pcplan.panel.views.staff_form import staff_form
from pcplan.transparency import permissions as transparency_permissions


def precept_detail(request: HttpRequest, year: int) -> HttpResponse:
    the_precept = get_precept_for_user(request, year)
    return render(request, "panel/precept_detail.html", {"precept": the_precept})


def precept_report(request: HttpRequest, year: int) -> HttpResponse:
    the_precept = get_precept_for_user(request, year)
    response = HttpResponse(
        documents.precept_report_pdf(the_precept), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="precept-report-{the_precept.financial_year_start}.pdf"'
    )
    return response


@secretariat_only
def precept_edit(request: HttpRequest, year: int | None = None) -> HttpResponse:
    instance = get_precept_for_user(request, year) if year else Precept()
    form = PreceptForm(posted(request), instance=instance)
    user = staff_user(request)
    return edit_form(
        request,
        form,
        lambda: services.save_precept(user, form.save(commit=False), version=form.served_version),
        context={
            "title": _("The %(holder)s's proposed precept")
            % {"holder": current_office().holder_short},
            "back_url": reverse("panel:staff-home"),
        },
        success_url=lambda: reverse(
            "panel:staff-precept", args=[form.instance.financial_year_start]
        ),
        success_message=_("Precept proposal saved"),
    )


def precept_new(request: HttpRequest) -> HttpResponse:
    return precept_edit(request, None)


@panel_readers_only
def staff_precept(request: HttpRequest, year: int) -> HttpResponse:
    the_precept = get_precept_for_user(request, year)
    return render(
        request,
        "panel/staff_precept.html",
        {
            "precept": the_precept,
            "timetable": precept_rules.timetable(the_precept.financial_year_start),
            "threshold": precept_rules.veto_threshold(the_precept.members_at_decision)
            if the_precept.members_at_decision
            else None,
            "votes": the_precept.votes.select_related("member"),
            "can_read_decisions": transparency_permissions.can_read_decisions(staff_user(request)),
            **flags(request),
        },
    )


@secretariat_only
def precept_decision(request: HttpRequest, year: int) -> HttpResponse:
    the_precept = get_precept_for_user(request, year)
    day = the_precept.meeting.date if the_precept.meeting else timezone.localdate()
    form = PreceptDecisionForm(
        posted(request),
        members=list(members_on(day)),
        initial={"version": the_precept.version},
    )
    user = staff_user(request)
    back = reverse("panel:staff-precept", args=[year])
    return staff_form(
        request,
        form,
        lambda: services.record_precept_decision(
            user,
            the_precept,
            votes=form.votes(),
            report_date=form.cleaned_data["report_date"],
            veto_reason=precept_rules.VetoReason(form.cleaned_data["veto_reason"])
            if form.cleaned_data["veto_reason"]
            else None,
            decision_text=form.cleaned_data["decision_text"],
            version=form.served_version,
        ),
        title=_("Record the Panel's vote on the precept"),
        caption=_("Precept %(year)s") % {"year": the_precept.year_label},
        back=back,
        message=_("Vote recorded"),
    )


@secretariat_only
def precept_response(request: HttpRequest, year: int) -> HttpResponse:
    the_precept = get_precept_for_user(request, year)
    form = PreceptResponseForm(posted(request), initial={"version": the_precept.version})
    user = staff_user(request)
    return staff_form(
        request,
        form,
        lambda: services.record_precept_response(
            user,
            the_precept,
            text=form.cleaned_data["text"],
            date=form.cleaned_data["date"],
            published=form.cleaned_data["published"],
            revised_band_d=form.cleaned_data["revised_band_d"],
            version=form.served_version,
        ),
        title=_("Record the %(holder)s's response on the precept")
        % {"holder": current_office().holder_short},
        caption=_("Precept %(year)s") % {"year": the_precept.year_label},
        back=reverse("panel:staff-precept", args=[year]),
        message=_("Response recorded"),
    )
