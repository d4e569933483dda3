"""The way into the Panel's pages: who the user is, the permission checked once, and one
`get_<thing>_for_user` per model that answers 404 when the user may not see it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from pcplan.core.models import User
from pcplan.delivery.models import Deliverable
from pcplan.panel import permissions
from pcplan.panel.models import (
    Action,
    AgendaItem,
    Declaration,
    ForwardPlanItem,
    Meeting,
    MinuteItem,
    PanelMember,
    Precept,
    PublicSubmission,
    Recommendation,
)

View = Callable[..., HttpResponse]


def panel_user(request: HttpRequest) -> User | None:
    """The signed-in user, or None for the public."""
    user = request.user
    return user if isinstance(user, User) else None


def _only(rule: Callable[[User | None], bool], refusal: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not rule(panel_user(request)):
                raise PermissionDenied(refusal)
            return view(request, *args, **kwargs)

        return checked

    return decorator


secretariat_only = _only(
    permissions.can_run_panel, "Only the Panel secretariat changes the Panel's business."
)
panel_readers_only = _only(
    permissions.can_read_panel_staff_pages,
    "The Panel pages are for Panel members and the secretariat.",
)


def require_runs(request: HttpRequest, meeting: Meeting) -> None:
    """The way in to every page that changes a meeting's business: those who run the
    meetings of its body (`permissions.can_run_meetings_of`), the Panel's or any other's."""
    if not permissions.can_run_meetings_of(panel_user(request), meeting.body):
        raise PermissionDenied(_("Only those who run this body's meetings change its business."))


def get_meeting_to_run(request: HttpRequest, pk: int) -> Meeting:
    meeting = get_meeting_for_user(request, pk)
    require_runs(request, meeting)
    return meeting


def require_staff_reader(request: HttpRequest, meeting: Meeting) -> None:
    """A meeting's staff page: the Panel's for its members and secretariat, another body's
    for those who run it."""
    if not permissions.can_see_exempt_of(panel_user(request), meeting.body):
        raise PermissionDenied(_("This meeting's staff page is for those who run its meetings."))


def flags(request: HttpRequest, meeting: Meeting | None = None) -> dict[str, bool]:
    """What the templates may offer, from the same rules the views check: for one meeting,
    by the rules of its body."""
    user = panel_user(request)
    if meeting is not None:
        return {
            "can_run_panel": permissions.can_run_meetings_of(user, meeting.body),
            "can_see_exempt": permissions.can_see_exempt_of(user, meeting.body),
        }
    return {
        "can_run_panel": permissions.can_run_panel(user),
        "can_see_exempt": permissions.can_see_exempt(user),
    }


def visible_agenda_items(meeting: Meeting) -> QuerySet[AgendaItem]:
    """Every item, exempt ones included (their papers are withheld, not their existence); the
    deliverables a report covers are listed when they are public."""
    return meeting.agenda_items.prefetch_related(
        Prefetch(
            "deliverables",
            queryset=Deliverable.objects.public().select_related("theme__plan"),
            to_attr="public_deliverables",
        )
    )


def visible_minutes(request: HttpRequest, meeting: Meeting) -> QuerySet[MinuteItem]:
    """Exempt minutes are for Panel members and the secretariat only."""
    minutes = meeting.minute_items.prefetch_related("questions")
    if not permissions.can_see_exempt_of(panel_user(request), meeting.body):
        minutes = minutes.filter(is_exempt=False)
    return minutes


def visible_declarations(request: HttpRequest, meeting: Meeting) -> QuerySet[Declaration]:
    """Declarations tied to exempt items are for those who read exempt papers."""
    return meeting.declarations.readable(
        include_exempt=permissions.can_see_exempt_of(panel_user(request), meeting.body)
    )


def get_meeting_for_user(request: HttpRequest, pk: int) -> Meeting:
    """A meeting of a body that meets in public is public once scheduled (what is shown of it
    depends on the user); a private body's meeting is for those who run its meetings."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    if not permissions.can_read_meetings_of(panel_user(request), meeting.body):
        raise Http404(_("No such meeting"))
    return meeting


def get_agenda_item_for_user(request: HttpRequest, pk: int, number: int) -> AgendaItem:
    """An item's papers: exempt ones, and those of an unpublished agenda, for members only."""
    item = get_object_or_404(
        AgendaItem.objects.select_related("meeting__body"), meeting=pk, number=number
    )
    user = panel_user(request)
    if permissions.can_see_exempt_of(user, item.meeting.body):
        return item
    if not permissions.can_read_meetings_of(user, item.meeting.body):
        raise Http404(_("No such item"))
    if item.is_exempt:
        raise Http404(_("No such item"))
    if not item.meeting.agenda_is_public:
        raise Http404(_("The agenda is not published yet"))
    return item


def get_submission_for_user(request: HttpRequest, pk: int) -> PublicSubmission:
    if not permissions.can_run_panel(panel_user(request)):
        raise Http404(_("No such submission"))
    return get_object_or_404(PublicSubmission.objects.select_related("meeting"), pk=pk)


def get_precept_for_user(request: HttpRequest, year: int) -> Precept:
    """The Panel's precept report is public once made."""
    the_precept = get_object_or_404(
        Precept.objects.select_related("meeting"), financial_year_start=year
    )
    if permissions.can_see_exempt(panel_user(request)):
        return the_precept
    if not Precept.objects.public().filter(pk=the_precept.pk).exists():
        raise Http404(_("The Panel has not reported on this precept yet"))
    return the_precept


def get_recommendation_for_user(request: HttpRequest, pk: int) -> Recommendation:
    """Recommendations are public."""
    return get_object_or_404(Recommendation.objects.public().select_related("meeting"), pk=pk)


def get_action_for_user(request: HttpRequest, pk: int) -> Action:
    action = get_object_or_404(Action.objects.select_related("meeting__body"), pk=pk)
    if not permissions.can_see_exempt_of(panel_user(request), action.meeting.body):
        raise Http404(_("No such action"))
    return action


def get_planned_item_for_user(request: HttpRequest, pk: int) -> ForwardPlanItem:
    """The forward plan is public, for bodies that meet in public."""
    item = get_object_or_404(ForwardPlanItem.objects.select_related("meeting__body"), pk=pk)
    if not permissions.can_read_meetings_of(panel_user(request), item.meeting.body):
        raise Http404(_("No such item"))
    return item


def get_minute_for_user(request: HttpRequest, pk: int) -> MinuteItem:
    """Minutes are read on their meeting's page; one minute on its own is for the staff."""
    minute = get_object_or_404(MinuteItem.objects.select_related("meeting__body"), pk=pk)
    if not permissions.can_see_exempt_of(panel_user(request), minute.meeting.body):
        raise Http404(_("No such minute"))
    return minute


def get_member_for_user(request: HttpRequest, pk: int) -> PanelMember:
    if not permissions.can_read_panel_staff_pages(panel_user(request)):
        raise Http404(_("No such member"))
    return get_object_or_404(PanelMember, pk=pk)
