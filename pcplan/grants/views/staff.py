"""Staff pages for grants: funds, bids, assessment and decision, awards and their letters."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from pcplan.core import fragments
from pcplan.core.history import entries_for, history_page, newest_first
from pcplan.core.http import edit_form, posted, require
from pcplan.core.models import User
from pcplan.core.paging import paginate
from pcplan.grants import documents, letter, panel_report, permissions, services
from pcplan.grants.forms import (
    ApplicationForm,
    AssessmentForm,
    DecisionForm,
    ExternalBidForm,
    FundForm,
    InterventionAddForm,
    InterventionForm,
    ReturnForm,
    ServiceForm,
    ServiceReturnForm,
    VariationForm,
)
from pcplan.grants.models import (
    Application,
    Award,
    CommissionedService,
    ExternalBid,
    Fund,
    Intervention,
    MonitoringReturn,
    ServiceReturn,
)
from pcplan.panel.models import ForwardPlanItem
from pcplan.plans.permissions import EDITORS_ONLY
from pcplan.reports.meeting_reports import COMMISSIONING_AND_GRANTS


def require_reader(request: HttpRequest) -> User:
    return require(request, permissions.can_read_grants, permissions.NO_ORGANISATION)


def require_officer(request: HttpRequest) -> User:
    return require(request, permissions.can_assess, permissions.OFFICERS_ONLY)


def require_decider(request: HttpRequest) -> User:
    return require(request, permissions.can_decide, EDITORS_ONLY)


def get_fund_for_user(request: HttpRequest, key: str) -> Fund:
    require_reader(request)
    return get_object_or_404(Fund.objects.with_committed(), key=key)


def get_application_for_user(request: HttpRequest, pk: int) -> Application:
    """404 for a bid of another organisation: an applicant does not learn it exists."""
    user = require_reader(request)
    application = get_object_or_404(
        Application.objects.select_related("fund", "organisation", "area"), pk=pk
    )
    if not permissions.can_read_application(user, application):
        raise PermissionDenied(permissions.NOT_YOUR_APPLICATION)
    return application


def get_award_for_user(request: HttpRequest, pk: int) -> Award:
    require_officer(request)
    return get_object_or_404(
        Award.objects.select_related("fund", "recipient", "area", "decision"), pk=pk
    )


def visible_applications(user: User) -> QuerySet[Application]:
    applications = Application.objects.select_related("fund", "organisation")
    if permissions.is_officer(user):
        return applications
    return applications.filter(organisation=user.organisation)


FUNDS_PAGE_SIZE = 50


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = require_reader(request)

    def body() -> dict[str, Any]:
        today = timezone.localdate()
        officer = permissions.is_officer(user)
        bids = paginate(request, visible_applications(user))
        # Issue 17: a staff page stays quick as the record grows (p95 under 150 ms at the demo ×10).
        funds = paginate(
            request,
            Fund.objects.with_committed().order_by("name"),
            FUNDS_PAGE_SIZE,
            param="funds-page",
        )
        return {
            "funds": funds.page,
            "fund_pages": funds,
            "applications": bids.page,
            **bids.context(),
            "is_officer": officer,
            "can_decide": permissions.can_decide(user),
            "external_bids": ExternalBid.objects.all() if officer else [],
            "services": CommissionedService.objects.select_related("provider") if officer else [],
            "overdue_returns": MonitoringReturn.objects.overdue(today).select_related(
                "award__recipient", "award__fund"
            )
            if officer
            else [],
            "overdue_service_returns": ServiceReturn.objects.overdue(today).select_related(
                "service"
            )
            if officer
            else [],
            # The Panel's forward plan items for this report (seed 002 asks for one on
            # 29 November 2023), latest meeting first.
            "panel_items": ForwardPlanItem.objects.filter(report=COMMISSIONING_AND_GRANTS)
            .select_related("meeting")
            .order_by("-meeting__date", "position", "pk")[:5]
            if officer
            else [],
        }

    # Issue 17: the page's body is kept until anything changes (pcplan.core.fragments).
    return fragments.render_kept(request, "grants/home.html", {}, body)


@login_required
def fund_detail(request: HttpRequest, key: str) -> HttpResponse:
    fund = get_fund_for_user(request, key)
    user = require_reader(request)
    officer = permissions.is_officer(user)
    bids = paginate(request, visible_applications(user).filter(fund=fund), param="bids-page")
    awards = paginate(
        request,
        fund.awards.select_related("recipient", "area") if officer else Award.objects.none(),
        param="awards-page",
    )
    return render(
        request,
        "grants/fund_detail.html",
        {
            "fund": fund,
            "is_officer": officer,
            "can_decide": permissions.can_decide(user),
            "can_apply": permissions.can_apply(user),
            "bids": bids,
            "awards": awards,
            **history_page(
                request,
                newest_first(
                    entries_for(
                        list(fund.history.select_related("history_user").order_by("history_date")),
                        Fund,
                        "Fund",
                    )
                )
                if officer
                else [],
            ),
        },
    )


@login_required
def fund_edit(request: HttpRequest, key: str | None = None) -> HttpResponse:
    user = require_decider(request)
    fund = get_object_or_404(Fund, key=key) if key else Fund()
    form = FundForm(posted(request), instance=fund)

    def save() -> None:
        services.save_fund(
            user,
            form.save(commit=False),
            themes=form.cleaned_data["themes"],
            version=form.served_version,
        )

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Edit fund") if fund.pk else gettext("Add a fund"),
            "back_url": reverse("grants:home"),
        },
        success_url=lambda: reverse("grants:fund-detail", args=[form.instance.key]),
        success_message=gettext("Fund saved."),
    )


@login_required
def apply(request: HttpRequest, key: str) -> HttpResponse:
    user = require(request, permissions.can_apply, permissions.NO_ORGANISATION)
    fund = get_fund_for_user(request, key)
    form = ApplicationForm(posted(request), fund=fund)
    made: list[Application] = []

    def save() -> None:
        data = form.cleaned_data
        made.append(
            services.submit_application(
                user,
                fund,
                title=data["title"],
                amount=data["amount"],
                area=data["area"],
                outcomes_sought=data["outcomes_sought"],
                deliverables=data["deliverables"],
                measures=data["measures"],
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                contact_phone=data["contact_phone"],
            )
        )

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Apply to the %(fund)s") % {"fund": fund.name},
            "intro": fund.purpose,
            "back_url": reverse("grants:fund-detail", args=[fund.key]),
            "submit": gettext("Submit the bid"),
        },
        success_url=lambda: reverse("grants:application-detail", args=[made[0].pk]),
        success_message=gettext("Your bid has been submitted."),
    )


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request, pk)
    user = require_reader(request)
    return render(
        request,
        "grants/application_detail.html",
        {
            "application": application,
            "deliverables": application.deliverables.all(),
            "measures": application.measures.all(),
            "can_assess": permissions.can_assess(user)
            and application.status in {Application.Status.SUBMITTED, Application.Status.ASSESSED},
            "can_decide": permissions.can_decide(user)
            and application.status in {Application.Status.SUBMITTED, Application.Status.ASSESSED},
            "award": Award.objects.filter(application=application).first(),
        },
    )


@login_required
def application_assess(request: HttpRequest, pk: int) -> HttpResponse:
    user = require_officer(request)
    application = get_application_for_user(request, pk)
    form = AssessmentForm(posted(request), initial={"version": application.version})

    def save() -> None:
        services.assess_application(user, application, **form.cleaned_data)

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Assess the bid"),
            "caption": str(application),
            "back_url": reverse("grants:application-detail", args=[pk]),
        },
        success_url=reverse("grants:application-detail", args=[pk]),
        success_message=gettext("Assessment recorded."),
    )


@login_required
def application_decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = require_decider(request)
    application = get_application_for_user(request, pk)
    form = DecisionForm(posted(request), initial={"version": application.version})

    def save() -> None:
        data = form.cleaned_data
        services.decide_application(
            user,
            application,
            award=data["decision"] == Application.Recommendation.AWARD,
            decision_number=data["decision_number"],
            decision_date=data["decision_date"],
            decision_maker=data["decision_maker"],
            reasons=data["reasons"],
            amount=data["amount"],
            conditions=data["conditions"],
            payment_schedule=data["payment_schedule"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            budget_override_reason=data["budget_override_reason"],
            version=form.served_version,
        )

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Record the decision"),
            "caption": str(application),
            "back_url": reverse("grants:application-detail", args=[pk]),
        },
        success_url=reverse("grants:application-detail", args=[pk]),
        success_message=gettext("Decision recorded."),
    )


@login_required
def award_detail(request: HttpRequest, pk: int) -> HttpResponse:
    award = get_award_for_user(request, pk)
    user = require_officer(request)
    return render(
        request,
        "grants/award_detail.html",
        {
            "award": award,
            "variations": award.variations.select_related("recorded_by"),
            "returns": award.returns.all(),
            # The partnerships' posts it pays for (issue 11): staff records, like this page.
            "funded_posts": award.funded_posts.select_related("body"),
            "today": timezone.localdate(),
            "can_decide": permissions.can_decide(user),
            "is_public": Award.objects.public().filter(pk=award.pk).exists(),
            **history_page(
                request,
                newest_first(
                    entries_for(
                        list(award.history.select_related("history_user").order_by("history_date")),
                        Award,
                        "Award",
                    )
                ),
            ),
        },
    )


@login_required
def award_vary(request: HttpRequest, pk: int) -> HttpResponse:
    user = require_decider(request)
    award = get_award_for_user(request, pk)
    form = VariationForm(posted(request), initial={"version": award.version})

    def save() -> None:
        services.vary_award(user, award, **form.cleaned_data)

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Record a variation or clawback"),
            "caption": str(award),
            "back_url": reverse("grants:award-detail", args=[pk]),
        },
        success_url=reverse("grants:award-detail", args=[pk]),
        success_message=gettext("Variation recorded."),
    )


@login_required
@require_POST
def award_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = require_decider(request)
    award = get_award_for_user(request, pk)
    publish = request.POST.get("publish") == "1"
    services.publish_award(user, award, publish)
    messages.success(request, gettext("Published.") if publish else gettext("Withdrawn."))
    return redirect("grants:award-detail", pk=pk)


@login_required
@require_POST
def award_schedule_returns(request: HttpRequest, pk: int) -> HttpResponse:
    user = require_officer(request)
    award = get_award_for_user(request, pk)
    try:
        services.schedule_returns(user, award)
    except services.ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, gettext("Monitoring returns scheduled."))
    return redirect("grants:award-detail", pk=pk)


@login_required
def award_letter(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    award = get_award_for_user(request, pk)
    if fmt == "pdf":
        response = HttpResponse(letter.render_pdf(award), content_type="application/pdf")
    else:
        response = HttpResponse(
            letter.render_docx(award),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    response["Content-Disposition"] = (
        f'attachment; filename="grant-agreement-{award.reference}.{fmt}"'
    )
    return response


@login_required
def commissioning_report(request: HttpRequest, fmt: str) -> HttpResponse:
    """The Panel's "Commissioning and Grants" report from live data (grants.panel_report)."""
    require_officer(request)
    doc = panel_report.build(timezone.localdate())
    if fmt == "html":
        return HttpResponse(documents.render_html(doc))
    if fmt == "pdf":
        response = HttpResponse(documents.render_pdf(doc), content_type="application/pdf")
    else:
        response = HttpResponse(
            documents.render_docx(doc),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    response["Content-Disposition"] = f'attachment; filename="commissioning-and-grants.{fmt}"'
    return response


@login_required
def return_record(request: HttpRequest, pk: int, return_pk: int) -> HttpResponse:
    """An officer records a monitoring return as received, with spend, outputs and outcomes."""
    user = require_officer(request)
    award = get_award_for_user(request, pk)
    monitoring_return = get_object_or_404(MonitoringReturn, pk=return_pk, award=award)
    form = ReturnForm(posted(request), initial={"version": monitoring_return.version})

    def save() -> None:
        services.record_return(user, monitoring_return, **form.cleaned_data)

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Record a monitoring return"),
            "caption": str(monitoring_return),
            "back_url": reverse("grants:award-detail", args=[pk]),
        },
        success_url=reverse("grants:award-detail", args=[pk]),
        success_message=gettext("Return recorded."),
    )


@login_required
def external_bid_detail(request: HttpRequest, key: str) -> HttpResponse:
    user = require_officer(request)
    bid = get_object_or_404(ExternalBid.objects.select_related("fund"), key=key)
    return render(
        request,
        "grants/external_bid_detail.html",
        {
            "bid": bid,
            "partners": bid.partners.all(),
            "deliverables": bid.deliverables.all(),
            "measures": bid.measures.all(),
            "interventions": bid.interventions.all(),
            "can_decide": permissions.can_decide(user),
        },
    )


@login_required
def intervention_edit(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    user = require_decider(request)
    intervention = get_object_or_404(Intervention, pk=pk, bid__key=key)
    form = InterventionForm(posted(request), instance=intervention)

    def save() -> None:
        services.save_intervention(user, form.save(commit=False), version=form.served_version)

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Progress of an intervention"),
            "caption": intervention.title,
            "back_url": reverse("grants:external-bid-detail", args=[key]),
        },
        success_url=reverse("grants:external-bid-detail", args=[key]),
        success_message=gettext("Progress saved."),
    )


@login_required
def service_detail(request: HttpRequest, key: str) -> HttpResponse:
    user = require_officer(request)
    service = get_object_or_404(
        CommissionedService.objects.select_related("provider", "fund"), key=key
    )
    return render(
        request,
        "grants/service_detail.html",
        {
            "service": service,
            "measures": service.measures.all(),
            "returns": service.returns.all(),
            "today": timezone.localdate(),
            "can_decide": permissions.can_decide(user),
        },
    )


@login_required
def service_edit(request: HttpRequest, key: str | None = None) -> HttpResponse:
    """Add or change a commissioned service: provider, contract value and period, renewal
    date and the measures it reports against."""
    user = require_decider(request)
    service = get_object_or_404(CommissionedService, key=key) if key else CommissionedService()
    form = ServiceForm(posted(request), instance=service)

    def save() -> None:
        services.save_service(
            user,
            form.save(commit=False),
            measures=form.cleaned_data["measures"],
            version=form.served_version,
        )

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Edit commissioned service")
            if service.pk
            else gettext("Add a commissioned service"),
            "back_url": reverse("grants:service-detail", args=[key])
            if key
            else reverse("grants:home"),
        },
        success_url=lambda: reverse("grants:service-detail", args=[form.instance.key]),
        success_message=gettext("Service saved."),
    )


@login_required
@require_POST
def service_schedule_returns(request: HttpRequest, key: str) -> HttpResponse:
    user = require_officer(request)
    service = get_object_or_404(CommissionedService, key=key)
    try:
        services.schedule_service_returns(user, service)
    except services.ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, gettext("Quarterly returns scheduled."))
    return redirect("grants:service-detail", key=key)


@login_required
def service_return_record(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    """An officer records a commissioned service's quarterly return as received."""
    user = require_officer(request)
    service_return = get_object_or_404(
        ServiceReturn.objects.select_related("service"), pk=pk, service__key=key
    )
    form = ServiceReturnForm(posted(request), initial={"version": service_return.version})

    def save() -> None:
        services.record_service_return(user, service_return, **form.cleaned_data)

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Record a quarterly return"),
            "caption": str(service_return.service),
            "back_url": reverse("grants:service-detail", args=[key]),
        },
        success_url=reverse("grants:service-detail", args=[key]),
        success_message=gettext("Return recorded."),
    )


@login_required
def external_bid_edit(request: HttpRequest, key: str | None = None) -> HttpResponse:
    """Record or change a bid for outside money (e.g. Safer Streets): its partners, the award
    and the deliverables and measures it serves."""
    user = require_decider(request)
    bid = get_object_or_404(ExternalBid, key=key) if key else ExternalBid()
    form = ExternalBidForm(posted(request), instance=bid)

    def save() -> None:
        data = form.cleaned_data
        services.save_external_bid(
            user,
            form.save(commit=False),
            partners=data["partners"],
            deliverables=data["deliverables"],
            measures=data["measures"],
            version=form.served_version,
        )

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Edit external funding bid")
            if bid.pk
            else gettext("Record an external funding bid"),
            "back_url": reverse("grants:external-bid-detail", args=[key])
            if key
            else reverse("grants:home"),
        },
        success_url=lambda: reverse("grants:external-bid-detail", args=[form.instance.key]),
        success_message=gettext("Bid saved."),
    )


@login_required
def intervention_add(request: HttpRequest, key: str) -> HttpResponse:
    user = require_decider(request)
    bid = get_object_or_404(ExternalBid, key=key)
    form = InterventionAddForm(posted(request), instance=Intervention(bid=bid))

    def save() -> None:
        intervention = form.save(commit=False)
        intervention.position = bid.interventions.count() + 1
        services.save_intervention(user, intervention)

    return edit_form(
        request,
        form,
        save,
        context={
            "title": gettext("Add an intervention"),
            "caption": bid.name,
            "back_url": reverse("grants:external-bid-detail", args=[key]),
        },
        success_url=reverse("grants:external-bid-detail", args=[key]),
        success_message=gettext("Intervention added."),
    )
