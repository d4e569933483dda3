"""Annual reports (PRSRA 2011 s.12): staff generate them, link the Panel meeting and the
Panel's recommendations, and publish; the public downloads published ones."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from pcplan.core import jobs
from pcplan.core.concurrency import VersionedForm
from pcplan.core.http import edit_form, posted, staff_user
from pcplan.core.models import User
from pcplan.core.periods import FinancialYear
from pcplan.panel.models import AgendaItem, Meeting, Recommendation
from pcplan.transparency import permissions, services, tasks
from pcplan.transparency.models import AnnualReport
from pcplan.transparency.views.access import keepers_only


class GenerateForm(forms.Form):
    financial_year = forms.TypedChoiceField(
        label=gettext_lazy("Financial year"), coerce=int, choices=[]
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        this_year = FinancialYear.for_date(timezone.localdate()).start_year
        field = self.fields["financial_year"]
        assert isinstance(field, forms.TypedChoiceField)  # noqa: S101
        field.choices = [(y, str(FinancialYear(y))) for y in range(this_year, this_year - 6, -1)]


class PresentationForm(VersionedForm, forms.ModelForm[AnnualReport]):
    class Meta:
        model = AnnualReport
        fields = ["presented_to", "agenda_item", "recommendations"]
        widgets = {"recommendations": forms.CheckboxSelectMultiple}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["presented_to"].queryset = Meeting.objects.of_panel().order_by("-date")  # type: ignore[attr-defined]
        self.fields["agenda_item"].queryset = (  # type: ignore[attr-defined]
            AgendaItem.objects.filter(meeting__in=Meeting.objects.of_panel())
            .select_related("meeting")
            .order_by("-meeting__date", "number")
        )
        self.fields["agenda_item"].help_text = gettext_lazy(
            "Leave empty to add the report at the end of the agenda of a meeting still to be held."
        )
        self.fields["recommendations"].queryset = Recommendation.objects.select_related(  # type: ignore[attr-defined]
            "meeting"
        )


@keepers_only
def staff_annual_reports(request: HttpRequest) -> HttpResponse:
    form = GenerateForm(posted(request))
    if request.method == "POST" and form.is_valid():
        # The PDF takes seconds: `pcplan worker` builds it; the job's page links to it.
        year = form.cleaned_data["financial_year"]
        job = jobs.start(
            staff_user(request),
            tasks.generate_annual_report_task,
            title=_("Generating the annual report for %(year)s") % {"year": FinancialYear(year)},
            next_label=_("Open the annual report"),
            financial_year=year,
        )
        messages.success(request, _("The annual report is being generated"))
        return redirect(jobs.status_url(job))
    return render(
        request,
        "transparency/staff_annual_reports.html",
        {"form": form, "reports": AnnualReport.objects.select_related("presented_to")},
        status=400 if form.is_bound else 200,
    )


@keepers_only
def staff_annual_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(AnnualReport, pk=pk)
    form = PresentationForm(posted(request), instance=report)
    user = staff_user(request)
    back = reverse("transparency:staff-annual-report", args=[report.pk])
    return edit_form(
        request,
        form,
        lambda: services.save_annual_report(
            user,
            form.save(commit=False),
            form.cleaned_data["recommendations"],
            version=form.served_version,
        ),
        context={"report": report, "title": report.title},
        template="transparency/staff_annual_report.html",
        success_url=back,
        success_message=_("Saved"),
    )


@require_POST
@keepers_only
def annual_report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(AnnualReport, pk=pk)
    publish = request.POST.get("publish") == "yes"
    services.publish_annual_report(staff_user(request), report, publish)
    messages.success(request, _("Annual report published") if publish else _("Withdrawn"))
    return redirect("transparency:staff-annual-report", pk=report.pk)


def annual_reports(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "transparency/annual_reports.html",
        {"reports": AnnualReport.objects.public()},
    )


def annual_report_file(request: HttpRequest, pk: int, fmt: str) -> FileResponse:
    """Public: a published report's PDF or Word file; staff who keep them read any."""
    user = request.user if isinstance(request.user, User) else None
    keeps = permissions.can_keep_publications(user)
    reports = AnnualReport.objects.all() if keeps else AnnualReport.objects.public()
    report = get_object_or_404(reports, pk=pk)
    stored = {"pdf": report.pdf, "docx": report.docx}.get(fmt)
    if not stored:
        raise Http404(_("No such file"))
    return FileResponse(
        stored.open("rb"),
        as_attachment=fmt == "docx",
        filename=f"annual-report-{report.financial_year}.{fmt}",
    )
