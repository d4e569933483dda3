"""The secretariat's meeting pages: meetings, agenda items and their reports, minutes and
their approval, attendance and declarations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pcplan.core import fragments, jobs
from pcplan.core.dates import long_date
from pcplan.core.http import edit_form, posted, staff_user
from pcplan.core.paging import paginate
from pcplan.panel import services, tasks
from pcplan.panel.forms import (
    AgendaItemForm,
    ApproveMinutesForm,
    AttendanceForm,
    DeclarationForm,
    FillPageRangesForm,
    MeetingForm,
    MinuteForm,
    OtherAttendeeForm,
)
from pcplan.panel.models import (
    AgendaItem,
    Meeting,
    PanelMember,
    Precept,
    PublicSubmission,
    expected_at,
    members_on,
)
from pcplan.panel.permissions import can_run_panel
from pcplan.panel.review import open_actions, open_recommendations
from pcplan.panel.views.access import (
    flags,
    get_agenda_item_for_user,
    get_meeting_for_user,
    get_meeting_to_run,
    get_minute_for_user,
    panel_readers_only,
    panel_user,
    require_runs,
    require_staff_reader,
    visible_agenda_items,
)
from pcplan.panel.views.staff_form import staff_form

# The Panel's staff home lists this many meetings, members and substitutes to a page.
HOME_PAGE_SIZE = 50


@panel_readers_only
def staff_home(request: HttpRequest) -> HttpResponse:
    def body() -> dict[str, Any]:
        # Issue 17: each list a page at a time, under its own page number.
        paged = paginate(
            request, Meeting.objects.of_panel().order_by("-date", "-pk"), HOME_PAGE_SIZE
        )
        members = paginate(
            request,
            members_on(timezone.localdate()).order_by("kind", "name", "pk"),
            HOME_PAGE_SIZE,
            param="members-page",
        )
        substitutes = paginate(
            request,
            PanelMember.objects.filter(kind=PanelMember.Kind.SUBSTITUTE).order_by("name", "pk"),
            HOME_PAGE_SIZE,
            param="substitutes-page",
        )
        return {
            "meetings": paged.page,
            **paged.context(),
            "waiting": PublicSubmission.objects.filter(
                status=PublicSubmission.Status.RECEIVED
            ).select_related("meeting"),
            "members": members.page,
            "member_pages": members,
            "substitutes": substitutes.page,
            "substitute_pages": substitutes,
            **flags(request),
            "precepts": Precept.objects.all(),
        }

    # Issue 17: the page's body is kept until anything changes (pcplan.core.fragments).
    return fragments.render_kept(request, "panel/staff_home.html", {}, body)


@login_required
def staff_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    require_staff_reader(request, meeting)

    def body() -> dict[str, Any]:
        return {
            "agenda_items": visible_agenda_items(meeting),
            "minute_items": meeting.minute_items.prefetch_related("questions"),
            "submissions": meeting.submissions.all(),
            "open_actions": open_actions(meeting),
            "open_recommendations": open_recommendations(meeting),
            "planned": meeting.planned_items.select_related("requested_at"),
            "recommendations": meeting.recommendations.all(),
            "actions": meeting.actions.all(),
            "attendances": meeting.attendances.select_related(
                "member", "membership__organisation", "substitute_for"
            ),
            "others": meeting.others_present.all(),
            "declarations": meeting.declarations.select_related("member", "agenda_item"),
            **flags(request, meeting),
        }

    # Issue 17: the page's body is kept until anything changes (pcplan.core.fragments).
    return fragments.render_kept(
        request,
        "panel/staff_meeting.html",
        {"meeting": meeting, "back_url": _back_url(meeting)},
        body,
    )


def _back_url(meeting: Meeting) -> str:
    """Where a meeting's staff page leads back to: the Panel's pages, or its body's."""
    if meeting.body.is_panel:
        return reverse("panel:staff-home")
    return reverse("partnerships:staff-body", args=[meeting.body.key]) + "#meetings"


@login_required
def meeting_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """A meeting of any body, by those who run its meetings; a new one here is the Panel's
    (another body's are added from its own page)."""
    if pk:
        meeting = get_meeting_to_run(request, pk)
    else:
        if not can_run_panel(panel_user(request)):
            raise PermissionDenied(_("Only the Panel secretariat changes the Panel's business."))
        meeting = Meeting()
    form = MeetingForm(posted(request), instance=meeting)
    user = staff_user(request)

    def save() -> None:
        services.save_meeting(user, form.save(commit=False), version=form.served_version)

    return edit_form(
        request,
        form,
        save,
        context={
            "title": _("Edit meeting") if pk else _("Add a meeting"),
            "back_url": _back_url(meeting) if pk else reverse("panel:staff-home"),
        },
        success_url=lambda: reverse("panel:staff-meeting", args=[form.instance.pk]),
        success_message=_("Meeting saved"),
    )


def meeting_new(request: HttpRequest) -> HttpResponse:
    return meeting_edit(request, None)


@login_required
def agenda_item_add(request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
    """Add an agenda item, or (with `number`) correct one; a new report replaces the old."""
    meeting = get_meeting_to_run(request, pk)
    if number is None:
        next_number = (
            meeting.agenda_items.order_by("-number").values_list("number", flat=True).first() or 0
        ) + 1
        item, initial = AgendaItem(meeting=meeting), {"number": next_number}
    else:
        item, initial = get_agenda_item_for_user(request, meeting.pk, number), {}
    form = AgendaItemForm(
        posted(request),
        request.FILES if request.method == "POST" else None,
        initial=initial,
        instance=item,
    )
    user = staff_user(request)

    def save() -> None:
        item = form.save(commit=False)
        report = form.cleaned_data.get("report")
        name = str(getattr(request.FILES.get("report"), "name", "report.pdf"))
        services.save_agenda_item(
            user,
            item,
            deliverables=list(form.cleaned_data["deliverables"]),
            report=(name, report) if report else None,
            version=form.served_version,
        )

    return edit_form(
        request,
        form,
        save,
        template="panel/upload_form.html",
        context={
            "title": _("Add an agenda item")
            if number is None
            else _("Edit agenda item %(number)s") % {"number": number},
            "caption": str(meeting),
            "back_url": reverse("panel:staff-meeting", args=[meeting.pk]),
        },
        success_url=reverse("panel:staff-meeting", args=[meeting.pk]),
        success_message=_("Agenda item saved"),
    )


@login_required
@require_POST
def fill_page_ranges(request: HttpRequest, pk: int) -> HttpResponse:
    """Counting the pages builds the whole agenda pack (seconds): `pcplan worker` does it, and
    the officer goes to the job's page, which says when the ranges are filled in."""
    meeting = get_meeting_to_run(request, pk)
    form = FillPageRangesForm(request.POST)
    if not form.is_valid():
        raise BadRequest(_("The page was not sent as it was served."))
    back = reverse("panel:staff-meeting", args=[meeting.pk])
    job = jobs.start(
        staff_user(request),
        tasks.fill_page_ranges,
        title=_("Filling in the page ranges for the meeting of %(date)s")
        % {"date": long_date(meeting.date)},
        next_url=back,
        next_label=_("Back to the meeting"),
        meeting_id=meeting.pk,
        version=form.served_version,
    )
    messages.success(request, _("The page ranges are being filled in"))
    return redirect(jobs.status_url(job))


@login_required
def minute_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_run(request, pk)
    form = MinuteForm(posted(request))
    user = staff_user(request)
    return edit_form(
        request,
        form,
        lambda: services.add_minute(user, meeting, **form.minute_values()),
        context={
            "title": _("Add a minute"),
            "caption": str(meeting),
            "back_url": reverse("panel:staff-meeting", args=[meeting.pk]),
        },
        success_url=reverse("panel:staff-meeting", args=[meeting.pk]),
        success_message=_("Minute added"),
    )


@login_required
def minute_edit(request: HttpRequest, pk: int) -> HttpResponse:
    minute = get_minute_for_user(request, pk)
    require_runs(request, minute.meeting)
    initial = {
        "title": minute.title,
        "text": minute.text,
        "resolution": minute.resolution,
        "resolution_text": minute.resolution_text,
        "is_exempt": minute.is_exempt,
        "questions": "\n\n".join(q.text for q in minute.questions.all()),
        "version": minute.version,
    }
    form = MinuteForm(posted(request), initial=initial)
    user = staff_user(request)
    meeting_url = reverse("panel:staff-meeting", args=[minute.meeting.pk])
    return edit_form(
        request,
        form,
        lambda: services.edit_minute(
            user, minute, **form.minute_values(), version=form.served_version
        ),
        context={
            "title": _("Edit minute %(number)s") % {"number": minute.number},
            "back_url": meeting_url,
        },
        success_url=meeting_url,
        success_message=_("Minute saved"),
    )


@login_required
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_run(request, pk)
    form = ApproveMinutesForm(
        posted(request), meeting=meeting, initial={"version": meeting.version}
    )
    user = staff_user(request)
    return edit_form(
        request,
        form,
        lambda: services.approve_minutes(
            user,
            meeting,
            at=form.cleaned_data["at"],
            amendments=form.cleaned_data["amendments"],
            version=form.served_version,
        ),
        context={
            "title": _("Record the approval of the minutes"),
            "caption": _("Minutes of %(date)s") % {"date": long_date(meeting.date)},
            "intro": _(
                "Minutes are approved as an accurate record at a later meeting. Once "
                "approved they are published."
            ),
            "back_url": reverse("panel:staff-meeting", args=[meeting.pk]),
            "submit": _("Record approval"),
        },
        success_url=reverse("panel:staff-meeting", args=[meeting.pk]),
        success_message=_("Approval of the minutes recorded"),
    )


@login_required
def attendance_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_run(request, pk)
    current = {
        str(a.member_id) if a.member_id else f"seat-{a.membership_id}": a
        for a in meeting.attendances.all()
    }
    form = AttendanceForm(
        posted(request),
        expected=expected_at(meeting),
        current=current,
        initial={"version": meeting.version},
    )
    user = staff_user(request)
    return staff_form(
        request,
        form,
        lambda: services.record_attendance(
            user, meeting, form.entries(), version=form.served_version
        ),
        title=_("Attendance"),
        caption=str(meeting),
        back=reverse("panel:staff-meeting", args=[meeting.pk]),
        message=_("Attendance recorded"),
    )


@login_required
def other_attendee_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_run(request, pk)
    form = OtherAttendeeForm(posted(request))
    user = staff_user(request)
    return staff_form(
        request,
        form,
        lambda: services.add_other_attendee(user, meeting, **form.cleaned_data),
        title=_("Add an officer or other person present"),
        caption=str(meeting),
        back=reverse("panel:staff-meeting", args=[meeting.pk]),
        message=_("Added"),
    )


@login_required
def declaration_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_run(request, pk)
    if not meeting.body.is_panel:  # declarations name Panel members
        raise Http404(_("Declarations of interest are recorded for the Panel's meetings"))
    form = DeclarationForm(posted(request), meeting=meeting)
    user = staff_user(request)
    return staff_form(
        request,
        form,
        lambda: services.declare_interest(user, meeting, **form.cleaned_data),
        title=_("Record a declaration of interest"),
        caption=str(meeting),
        back=reverse("panel:staff-meeting", args=[meeting.pk]),
        message=_("Declaration recorded"),
    )
