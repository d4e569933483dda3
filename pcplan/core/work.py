"""What each signed-in person's staff home puts first: the work their role does.

A contributor's organisation's deliverables and the updates asked of it; an editor's updates
awaiting publication and the plans; the Panel's next meeting for its secretariat and members.
Each list is one query whatever the data's size, so the home page's query count is fixed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Max, QuerySet

from pcplan.core.models import User
from pcplan.delivery.models import Deliverable, Status, Update
from pcplan.panel import permissions as panel_permissions
from pcplan.panel.models import Meeting
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Plan
from pcplan.reports.models import UpdateRequest
from pcplan.transparency import permissions as transparency_permissions
from pcplan.transparency.models import Inspection

# The editor's home lists the oldest waiting updates first; the count says how many in all.
AWAITING_SHOWN = 25


@dataclass
class StaffWork:
    led_deliverables: list[Deliverable] | None = None
    update_requests: list[UpdateRequest] | None = None
    awaiting_publication: list[Update] | None = None
    awaiting_count: int = 0
    awaiting_decision_count: int = 0
    next_meeting: Meeting | None = None
    shows_next_meeting: bool = False
    plans: list[Plan] = field(default_factory=list)
    shows_plans: bool = False
    # HMICFRS reports whose comments are due within the warning period or overdue (Police Act
    # 1996 s.55(5A)), for those who keep the inspections.
    shows_hmicfrs: bool = False
    hmicfrs_due_soon: int = 0
    hmicfrs_overdue: int = 0


def led_deliverables(organisation_id: int) -> QuerySet[Deliverable]:
    """The organisation's deliverables still to do, in plans that are not superseded."""
    return (
        Deliverable.objects.filter(lead_id=organisation_id)
        .exclude(status=Status.COMPLETED)
        .exclude(theme__plan__status=PlanStatus.SUPERSEDED)
        .select_related("theme__plan")
        .annotate(last_update_on=Max("updates__date"))
        .order_by("theme__plan__title", "theme__position", "id")
    )


def open_update_requests(organisation_id: int, today: dt.date) -> QuerySet[UpdateRequest]:
    return (
        UpdateRequest.objects.filter(organisation_id=organisation_id, round__due_on__gte=today)
        .select_related("round__plan")
        .order_by("round__due_on", "id")
    )


def awaiting_publication() -> QuerySet[Update]:
    return (
        Update.objects.filter(is_published=False)
        .select_related("deliverable__theme__plan", "author_organisation")
        .order_by("created_at", "id")
    )


def work_for(user: User, today: dt.date) -> StaffWork:
    work = StaffWork()
    if user.organisation_id is not None and user.role == User.Role.CONTRIBUTOR:
        work.led_deliverables = list(led_deliverables(user.organisation_id))
        work.update_requests = list(open_update_requests(user.organisation_id, today))
    if user.is_editor:
        waiting = awaiting_publication()
        work.awaiting_count = waiting.count()
        work.awaiting_publication = list(waiting[:AWAITING_SHOWN])
        work.awaiting_decision_count = Update.objects.awaiting_decision().count()
    if transparency_permissions.can_keep_inspections(user):
        work.shows_hmicfrs = True
        work.hmicfrs_overdue, work.hmicfrs_due_soon = Inspection.objects.comments_warning_counts(
            today
        )
    if panel_permissions.can_read_panel_staff_pages(user):
        work.shows_next_meeting = True
        work.next_meeting = Meeting.objects.of_panel().coming(today).first()
    # The secretariat's work is the Panel's; everyone else may want to open a plan.
    work.shows_plans = user.role != User.Role.PANEL_SECRETARIAT
    if work.shows_plans:
        work.plans = list(Plan.objects.all())
    return work
