"""The forward plan, the Panel's recommendations and the responses to them, and the action
log."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _

from pcplan.core import exports
from pcplan.core.http import posted, staff_user
from pcplan.core.office import current_office
from pcplan.delivery.models import Deliverable
from pcplan.panel import services
from pcplan.panel.forms import (
    ActionForm,
    CloseActionForm,
    MoveItemForm,
    PlannedItemForm,
    RecommendationForm,
    ResponseForm,
)
from pcplan.panel.models import (
    ForwardPlanItem,
    Meeting,
    Recommendation,
)
from pcplan.panel.views.access import (
    get_action_for_user,
    get_meeting_for_user,
    get_meeting_to_run,
    get_planned_item_for_user,
    get_recommendation_for_user,
    require_runs,
    secretariat_only,
)
from pcplan.panel.views.staff_form import staff_form


def forward_plan(request: HttpRequest) -> HttpResponse:
    meetings = (
        Meeting.objects.of_panel()
        .public()
        .coming(timezone.localdate())
        .prefetch_related(
            Prefetch(
                "planned_items", queryset=ForwardPlanItem.objects.select_related("requested_at")
            )
        )
    )
    return render(request, "panel/forward_plan.html", {"meetings": meetings})


def recommendation_list(request: HttpRequest) -> HttpResponse:
    recs = (
        Recommendation.objects.public()
        .select_related("meeting")
        .prefetch_related(
            Prefetch(
                "deliverables",
                queryset=Deliverable.objects.public().select_related("theme__plan"),
                to_attr="public_deliverables",
            )
        )
    )
    return render(request, "panel/recommendation_list.html", {"recommendations": recs})


def _response(rec: Recommendation) -> str:
    return rec.response_text if rec.response_published else ""


RECOMMENDATION_COLUMNS: list[exports.Column[Recommendation]] = [
    exports.Column(gettext_lazy("Made on"), lambda r: r.made_on),
    exports.Column(gettext_lazy("Meeting"), lambda r: r.meeting.date),
    exports.Column(gettext_lazy("Recommendation"), lambda r: r.text),
    exports.Column(gettext_lazy("Response due"), lambda r: r.response_due),
    exports.Column(
        gettext_lazy("Response date"), lambda r: r.response_date if r.response_published else None
    ),
    exports.Column(gettext_lazy("Response"), _response),
]


def recommendation_list_download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The recommendations page as CSV or Excel: a response only once it is published."""
    return exports.download(
        request,
        fmt,
        RECOMMENDATION_COLUMNS,
        Recommendation.objects.public().select_related("meeting"),
        name="panel-recommendations",
        sheet=gettext("Recommendations"),
    )


@login_required
def planned_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_run(request, pk)
    form = PlannedItemForm(posted(request))
    user = staff_user(request)
    return staff_form(
        request,
        form,
        lambda: services.plan_item(
            user,
            meeting,
            title=form.cleaned_data["title"],
            requested_at=form.cleaned_data["requested_at"],
            report=form.cleaned_data["report"],
        ),
        title=_("Add an item to the forward plan"),
        caption=str(meeting),
        back=reverse("panel:staff-meeting", args=[meeting.pk]),
        message=_("Item added to the forward plan"),
    )


@login_required
def planned_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_planned_item_for_user(request, pk)
    require_runs(request, item.meeting)
    form = PlannedItemForm(
        posted(request),
        initial={
            "title": item.title,
            "requested_at": item.requested_at,
            "report": item.report,
            "version": item.version,
        },
    )
    user = staff_user(request)
    return staff_form(
        request,
        form,
        lambda: services.change_planned_item(
            user,
            item,
            title=form.cleaned_data["title"],
            requested_at=form.cleaned_data["requested_at"],
            report=form.cleaned_data["report"],
            version=form.served_version,
        ),
        title=_("Change “%(title)s”") % {"title": item.title},
        caption=_("Planned for %(meeting)s") % {"meeting": item.meeting},
        back=reverse("panel:staff-meeting", args=[item.meeting_id]),
        message=_("Item changed"),
    )


@login_required
def planned_item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_planned_item_for_user(request, pk)
    require_runs(request, item.meeting)
    form = MoveItemForm(posted(request), body=item.meeting.body, initial={"version": item.version})
    user = staff_user(request)
    return staff_form(
        request,
        form,
        lambda: services.move_planned_item(
            user, item, form.cleaned_data["to"], version=form.served_version
        ),
        title=_("Move “%(title)s”") % {"title": item.title},
        caption=_("Planned for %(meeting)s") % {"meeting": item.meeting},
        back=reverse("panel:staff-meeting", args=[item.meeting_id]),
        message=_("Item moved"),
    )


@secretariat_only
def recommendation_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    if not meeting.body.is_panel:  # recommendations to the office holder are the Panel's
        raise Http404(_("Only the Panel makes recommendations"))
    form = RecommendationForm(posted(request), initial={"made_on": meeting.date})
    user = staff_user(request)
    return staff_form(
        request,
        form,
        lambda: services.make_recommendation(
            user,
            meeting,
            text=form.cleaned_data["text"],
            made_on=form.cleaned_data["made_on"],
            response_due=form.cleaned_data["response_due"],
            deliverables=list(form.cleaned_data["deliverables"]),
        ),
        title=_("Make a recommendation to the %(holder)s")
        % {"holder": current_office().holder_short},
        caption=str(meeting),
        back=reverse("panel:staff-meeting", args=[meeting.pk]),
        message=_("Recommendation recorded"),
    )


@secretariat_only
def recommendation_response(request: HttpRequest, pk: int) -> HttpResponse:
    rec = get_recommendation_for_user(request, pk)
    form = ResponseForm(
        posted(request),
        initial={
            "text": rec.response_text,
            "date": rec.response_date,
            "published": rec.response_published,
            "version": rec.version,
        },
    )
    user = staff_user(request)
    return staff_form(
        request,
        form,
        lambda: services.record_response(
            user,
            rec,
            text=form.cleaned_data["text"],
            date=form.cleaned_data["date"],
            published=form.cleaned_data["published"],
            version=form.served_version,
        ),
        title=_("Record the %(holder)s's response") % {"holder": current_office().holder_short},
        caption=rec.text[:120],
        back=reverse("panel:staff-meeting", args=[rec.meeting_id]),
        message=_("Response recorded"),
    )


@login_required
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_run(request, pk)
    form = ActionForm(posted(request))
    user = staff_user(request)
    return staff_form(
        request,
        form,
        lambda: services.add_action(user, meeting, **form.cleaned_data),
        title=_("Add to the action log"),
        caption=str(meeting),
        back=reverse("panel:staff-meeting", args=[meeting.pk]),
        message=_("Action added"),
    )


@login_required
def action_close(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_action_for_user(request, pk)
    require_runs(request, entry.meeting)
    form = CloseActionForm(posted(request), initial={"version": entry.version})
    user = staff_user(request)
    return staff_form(
        request,
        form,
        lambda: services.close_action(
            user, entry, outcome=form.cleaned_data["outcome"], version=form.served_version
        ),
        title=_("Close an action"),
        caption=entry.item,
        back=reverse("panel:staff-meeting", args=[entry.meeting_id]),
        message=_("Action closed"),
    )
