"""The draft plan in consultation: shown publicly as a draft, clearly marked, with the
consultation's dates and how to respond; staff record the Panel's review of it."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from pcplan.core.concurrency import VersionedForm
from pcplan.core.forms import GovukDateField
from pcplan.core.http import edit_form, posted, staff_user
from pcplan.engagement.models import Consultation
from pcplan.panel.models import AgendaItem, Recommendation
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Plan
from pcplan.transparency import services
from pcplan.transparency.models import PlanReview
from pcplan.transparency.views.access import keepers_only


def plans_in_consultation() -> list[Plan]:
    """The one rule for a draft shown publicly: the plan's status is consultation."""
    return list(Plan.objects.filter(status=PlanStatus.CONSULTATION).order_by("title"))


def plan_consultation(plan: Plan) -> Consultation | None:
    """The engagement app's published consultation on the plan, the latest if several."""
    return (
        Consultation.objects.public()
        .filter(plan=plan, purpose=Consultation.Purpose.PLAN)
        .order_by("-opens_on", "-pk")
        .first()
    )


def consultation_dates(
    plan: Plan, review: PlanReview | None
) -> tuple[dt.date | None, dt.date | None]:
    """The draft's consultation dates: the engagement app's consultation on the plan when there
    is one (the record of the consultation itself), else the dates the review recorded."""
    consultation = plan_consultation(plan)
    if consultation is not None:
        return consultation.opens_on, consultation.closes_on
    if review is not None:
        return review.consultation_opens, review.consultation_closes
    return None, None


class PlanReviewForm(VersionedForm, forms.ModelForm[PlanReview]):
    consultation_opens = GovukDateField(label=_("Consultation opens (optional)"), required=False)
    consultation_closes = GovukDateField(label=_("Consultation closes (optional)"), required=False)

    class Meta:
        model = PlanReview
        fields = [
            "plan",
            "kind",
            "consultation_opens",
            "consultation_closes",
            "how_to_respond",
            "agenda_item",
            "recommendations",
        ]
        widgets = {"kind": forms.RadioSelect, "recommendations": forms.CheckboxSelectMultiple}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.select_related(  # type: ignore[attr-defined]
            "meeting"
        ).order_by("-meeting__date", "number")
        self.fields["recommendations"].queryset = Recommendation.objects.select_related(  # type: ignore[attr-defined]
            "meeting"
        )


@keepers_only
def staff_plan_reviews(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "transparency/staff_plan_reviews.html",
        {"reviews": PlanReview.objects.select_related("plan", "agenda_item__meeting")},
    )


@keepers_only
def plan_review_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    review = get_object_or_404(PlanReview, pk=pk) if pk else PlanReview()
    form = PlanReviewForm(posted(request), instance=review)
    user = staff_user(request)
    back = reverse("transparency:staff-plan-reviews")
    return edit_form(
        request,
        form,
        lambda: services.save_plan_review(
            user,
            form.save(commit=False),
            form.cleaned_data["recommendations"],
            version=form.served_version,
        ),
        context={"title": _("Panel review of a draft plan or variation"), "back_url": back},
        success_url=back,
        success_message=_("Saved"),
    )


def plan_review_new(request: HttpRequest) -> HttpResponse:
    return plan_review_edit(request, None)


def draft_plan(request: HttpRequest, key: str) -> HttpResponse:
    """Public: a plan in consultation, as a draft: its themes, aims and priorities only (its
    deliverables stay unpublished until the plan is issued)."""
    plan = get_object_or_404(Plan.objects.filter(status=PlanStatus.CONSULTATION), key=key)
    review = PlanReview.objects.filter(plan=plan).first()
    opens, closes = consultation_dates(plan, review)
    return render(
        request,
        "transparency/draft_plan.html",
        {
            "plan": plan,
            "review": review,
            "opens": opens,
            "closes": closes,
            "themes": plan.themes.prefetch_related("priorities"),
        },
    )


def draft_plans(request: HttpRequest) -> HttpResponse:
    return render(request, "transparency/draft_plans.html", {"plans": plans_in_consultation()})
