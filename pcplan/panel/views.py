"""Panel pages: the public meetings, forward plan, recommendations, question form and calendar;
the secretariat's pages for meetings, minutes and public questions. Views stay thin."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pcplan.core.http import edit_form, posted, staff_user
from pcplan.core.office import current_office
from pcplan.delivery.models import Deliverable
from pcplan.panel import calendar, documents, permissions, services
from pcplan.panel import precept as precept_rules
from pcplan.panel.forms import (
    ActionForm,
    AgendaItemForm,
    ApproveMinutesForm,
    AttendanceForm,
    CloseActionForm,
    DecisionForm,
    DeclarationForm,
    MeetingForm,
    MinuteForm,
    MoveItemForm,
    OtherAttendeeForm,
    PanelMemberForm,
    PlannedItemForm,
    PreceptDecisionForm,
    PreceptForm,
    PreceptResponseForm,
    PublicSubmissionForm,
    RecommendationForm,
    ResponseForm,
)
from pcplan.panel.models import (
    Action,
    AgendaItem,
    ForwardPlanItem,
    Meeting,
    MinuteItem,
    PanelMember,
    Precept,
    PublicSubmission,
    Recommendation,
    members_on,
)
from pcplan.panel.names import panel_name
from pcplan.panel.review import open_actions, open_recommendations


def visible_agenda_items(request: HttpRequest, meeting: Meeting) -> QuerySet[AgendaItem]:
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
    if not permissions.can_see_exempt(request.user):
        minutes = minutes.filter(is_exempt=False)
    return minutes


def get_meeting_for_user(request: HttpRequest, pk: int) -> Meeting:
    """Every meeting is public once scheduled; what is shown of it depends on the user."""
    return get_object_or_404(Meeting, pk=pk)


def get_agenda_item_for_user(request: HttpRequest, meeting: Meeting, number: int) -> AgendaItem:
    item = get_object_or_404(AgendaItem, meeting=meeting, number=number)
    if item.is_exempt and not permissions.can_see_exempt(request.user):
        raise Http404("No such item")
    if not meeting.agenda_is_public and not permissions.can_see_exempt(request.user):
        raise Http404("The agenda is not published yet")
    return item


def get_submission_for_user(request: HttpRequest, pk: int) -> PublicSubmission:
    if not permissions.can_run_panel(request.user):
        raise Http404("No such submission")
    return get_object_or_404(PublicSubmission.objects.select_related("meeting"), pk=pk)


def get_precept_for_user(request: HttpRequest, year: int) -> Precept:
    """The Panel's precept report is public once made."""
    the_precept = get_object_or_404(
        Precept.objects.select_related("meeting"), financial_year_start=year
    )
    if the_precept.report_date is None and not permissions.can_see_exempt(request.user):
        raise Http404("The Panel has not reported on this precept yet")
    return the_precept


# Public pages ---------------------------------------------------------------------------------


def meeting_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "panel/meeting_list.html",
        {
            "upcoming": Meeting.objects.coming(today),
            "past": Meeting.objects.past(today),
            "precepts": Precept.objects.exclude(report_date=None),
        },
    )


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    today = timezone.localdate()
    show_agenda = meeting.agenda_is_public or permissions.can_see_exempt(request.user)
    show_minutes = meeting.minutes_published or permissions.can_see_exempt(request.user)
    return render(
        request,
        "panel/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda_items": visible_agenda_items(request, meeting) if show_agenda else [],
            "show_agenda": show_agenda,
            "is_past": meeting.is_past(today),
            "can_see_exempt": permissions.can_see_exempt(request.user),
            "show_minutes": show_minutes,
            "minute_items": visible_minutes(request, meeting) if show_minutes else [],
            "attendances": meeting.attendances.select_related("member", "substitute_for"),
            "others": meeting.others_present.all(),
            "declarations": meeting.declarations.select_related("member", "agenda_item"),
            "accepted": meeting.submissions.filter(status=PublicSubmission.Status.ACCEPTED),
            "can_submit": meeting.questions_open(today),
            "can_run_panel": permissions.can_run_panel(request.user),
            "planned": meeting.planned_items.all(),
        },
    )


def agenda_item_report(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    item = get_agenda_item_for_user(request, meeting, number)
    if not item.has_report:
        raise Http404("This item has no report")
    response = HttpResponse(item.report_bytes(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="item-{item.number}.pdf"'
    return response


def agenda_pack(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    include_exempt = permissions.can_see_exempt(request.user)
    if not meeting.agenda_is_public and not include_exempt:
        raise Http404("The agenda is not published yet")
    pack = documents.agenda_pack(meeting, include_exempt=include_exempt)
    response = HttpResponse(pack.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="agenda-pack-{meeting.date:%Y-%m-%d}.pdf"'
    return response


def forward_plan(request: HttpRequest) -> HttpResponse:
    meetings = Meeting.objects.coming(timezone.localdate()).prefetch_related(
        Prefetch("planned_items", queryset=ForwardPlanItem.objects.select_related("requested_at"))
    )
    return render(request, "panel/forward_plan.html", {"meetings": meetings})


def recommendation_list(request: HttpRequest) -> HttpResponse:
    recs = Recommendation.objects.select_related("meeting").prefetch_related(
        Prefetch(
            "deliverables",
            queryset=Deliverable.objects.public().select_related("theme__plan"),
            to_attr="public_deliverables",
        )
    )
    return render(request, "panel/recommendation_list.html", {"recommendations": recs})


def submit_question(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    if not meeting.questions_open(timezone.localdate()):
        # A link kept from before the meeting deserves an answer, not a "page not found".
        return render(request, "panel/questions_closed.html", {"meeting": meeting})
    form = PublicSubmissionForm(posted(request))
    holder: dict[str, PublicSubmission] = {}

    def save() -> None:
        holder["s"] = services.submit_public(meeting, **form.cleaned_data)

    def done() -> str:
        s = holder["s"]
        return reverse("panel:question-received", args=[meeting.pk, s.pk]) + f"?r={receipt(s)}"

    return edit_form(
        request,
        form,
        save,
        template="panel/question_form.html",
        context={"meeting": meeting},
        success_url=done,
        success_message="We have received your submission",
    )


def receipt(submission: PublicSubmission) -> str:
    """A signed token that only the person who has just submitted holds."""
    return signing.dumps(submission.pk, salt="panel-question-receipt")


def question_received(request: HttpRequest, pk: int, submission_pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    submission = get_object_or_404(PublicSubmission, pk=submission_pk, meeting=meeting)
    try:
        signed_pk = signing.loads(request.GET.get("r", ""), salt="panel-question-receipt")
    except signing.BadSignature:
        raise Http404("No such submission") from None
    if signed_pk != submission.pk:
        raise Http404("No such submission")
    return render(
        request, "panel/question_received.html", {"meeting": meeting, "submission": submission}
    )


def meetings_ics(request: HttpRequest) -> HttpResponse:
    host = request.get_host()
    body = calendar.meetings_calendar(
        Meeting.objects.all(),
        host=host,
        url=lambda m: request.build_absolute_uri(reverse("panel:meeting", args=[m.pk])),
        panel_name=panel_name(current_office()),
        now=timezone.now(),
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def precept_report(request: HttpRequest, year: int) -> HttpResponse:
    the_precept = get_precept_for_user(request, year)
    response = HttpResponse(
        documents.precept_report_pdf(the_precept), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="precept-report-{the_precept.financial_year_start}.pdf"'
    )
    return response


def precept_detail(request: HttpRequest, year: int) -> HttpResponse:
    the_precept = get_precept_for_user(request, year)
    return render(request, "panel/precept_detail.html", {"precept": the_precept})


# Staff pages ----------------------------------------------------------------------------------


def require_panel_reader(request: HttpRequest) -> None:
    if not permissions.can_read_panel_staff_pages(staff_user(request)):
        raise PermissionDenied("The Panel pages are for Panel members and the secretariat.")


def require_secretariat(request: HttpRequest) -> None:
    if not permissions.can_run_panel(staff_user(request)):
        raise PermissionDenied("Only the Panel secretariat changes the Panel's business.")


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    require_panel_reader(request)
    return render(
        request,
        "panel/staff_home.html",
        {
            "meetings": Meeting.objects.order_by("-date"),
            "waiting": PublicSubmission.objects.filter(
                status=PublicSubmission.Status.RECEIVED
            ).select_related("meeting"),
            "members": members_on(timezone.localdate()),
            "substitutes": PanelMember.objects.filter(kind=PanelMember.Kind.SUBSTITUTE),
            "can_run_panel": permissions.can_run_panel(request.user),
            "precepts": Precept.objects.all(),
        },
    )


@login_required
def staff_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    require_panel_reader(request)
    meeting = get_meeting_for_user(request, pk)
    return render(
        request,
        "panel/staff_meeting.html",
        {
            "meeting": meeting,
            "agenda_items": visible_agenda_items(request, meeting),
            "minute_items": meeting.minute_items.prefetch_related("questions"),
            "submissions": meeting.submissions.all(),
            "open_actions": open_actions(meeting),
            "open_recommendations": open_recommendations(meeting),
            "planned": meeting.planned_items.select_related("requested_at"),
            "recommendations": meeting.recommendations.all(),
            "actions": meeting.actions.all(),
            "attendances": meeting.attendances.select_related("member", "substitute_for"),
            "others": meeting.others_present.all(),
            "declarations": meeting.declarations.select_related("member", "agenda_item"),
            "can_run_panel": permissions.can_run_panel(request.user),
        },
    )


@login_required
def meeting_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_secretariat(request)
    meeting = get_meeting_for_user(request, pk) if pk else Meeting()
    form = MeetingForm(posted(request), instance=meeting)
    user = staff_user(request)
    return edit_form(
        request,
        form,
        lambda: services.save_meeting(user, form.save(commit=False)),
        context={
            "title": "Edit meeting" if pk else "Add a meeting",
            "back_url": reverse("panel:staff-home"),
        },
        success_url=lambda: reverse("panel:staff-meeting", args=[form.instance.pk]),
        success_message="Meeting saved",
    )


@login_required
def agenda_item_add(request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
    """Add an agenda item, or (with `number`) correct one; a new report replaces the old."""
    require_secretariat(request)
    meeting = get_meeting_for_user(request, pk)
    if number is None:
        next_number = (
            meeting.agenda_items.order_by("-number").values_list("number", flat=True).first() or 0
        ) + 1
        item, initial = AgendaItem(meeting=meeting), {"number": next_number}
    else:
        item, initial = get_object_or_404(AgendaItem, meeting=meeting, number=number), {}
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
        )

    return edit_form(
        request,
        form,
        save,
        template="panel/upload_form.html",
        context={
            "title": "Add an agenda item" if number is None else f"Edit agenda item {number}",
            "caption": str(meeting),
            "back_url": reverse("panel:staff-meeting", args=[meeting.pk]),
        },
        success_url=reverse("panel:staff-meeting", args=[meeting.pk]),
        success_message="Agenda item saved",
    )


@login_required
def minute_add(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    meeting = get_meeting_for_user(request, pk)
    form = MinuteForm(posted(request))
    user = staff_user(request)
    return edit_form(
        request,
        form,
        lambda: services.add_minute(
            user,
            meeting,
            title=form.cleaned_data["title"],
            text=form.cleaned_data["text"],
            resolution=form.cleaned_data["resolution"],
            resolution_text=form.cleaned_data["resolution_text"],
            questions=form.question_list(),
            is_exempt=form.cleaned_data["is_exempt"],
        ),
        context={
            "title": "Add a minute",
            "caption": str(meeting),
            "back_url": reverse("panel:staff-meeting", args=[meeting.pk]),
        },
        success_url=reverse("panel:staff-meeting", args=[meeting.pk]),
        success_message="Minute added",
    )


@login_required
def submission_decide(request: HttpRequest, pk: int) -> HttpResponse:
    submission = get_submission_for_user(request, pk)
    form = DecisionForm(posted(request))
    user = staff_user(request)

    def save() -> None:
        services.decide_submission(
            user,
            submission,
            accept=form.cleaned_data["decision"] == "accept",
            reason=form.cleaned_data["reason"],
        )

    return edit_form(
        request,
        form,
        save,
        template="panel/decide_form.html",
        context={
            "submission": submission,
            "back_url": reverse("panel:staff-meeting", args=[submission.meeting_id]),
        },
        success_url=reverse("panel:staff-meeting", args=[submission.meeting_id]),
        success_message=f"{submission.get_kind_display()} from {submission.name} decided",
    )


@login_required
@require_POST
def fill_page_ranges(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    meeting = get_meeting_for_user(request, pk)
    services.fill_page_ranges(staff_user(request), meeting)
    messages.success(request, "Page ranges filled in from the agenda pack")
    return redirect("panel:staff-meeting", pk=meeting.pk)


@login_required
def meeting_new(request: HttpRequest) -> HttpResponse:
    return meeting_edit(request, None)


def get_recommendation_for_user(request: HttpRequest, pk: int) -> Recommendation:
    """Recommendations are public; changing them is checked by the services."""
    return get_object_or_404(Recommendation.objects.select_related("meeting"), pk=pk)


def get_action_for_user(request: HttpRequest, pk: int) -> Action:
    if not permissions.can_read_panel_staff_pages(request.user):
        raise Http404("No such action")
    return get_object_or_404(Action.objects.select_related("meeting"), pk=pk)


def get_planned_item_for_user(request: HttpRequest, pk: int) -> ForwardPlanItem:
    return get_object_or_404(ForwardPlanItem.objects.select_related("meeting"), pk=pk)


def _staff_form(
    request: HttpRequest,
    form: Form,
    save: Callable[[], object],
    *,
    title: str,
    back: str,
    message: str,
    caption: str = "",
) -> HttpResponse:
    return edit_form(
        request,
        form,
        save,
        context={"title": title, "caption": caption, "back_url": back},
        success_url=back,
        success_message=message,
    )


@login_required
def planned_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    meeting = get_meeting_for_user(request, pk)
    form = PlannedItemForm(posted(request))
    user = staff_user(request)
    return _staff_form(
        request,
        form,
        lambda: services.plan_item(user, meeting, **form.cleaned_data),
        title="Add an item to the forward plan",
        caption=str(meeting),
        back=reverse("panel:staff-meeting", args=[meeting.pk]),
        message="Item added to the forward plan",
    )


@login_required
def planned_item_move(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    item = get_planned_item_for_user(request, pk)
    form = MoveItemForm(posted(request))
    user = staff_user(request)
    return _staff_form(
        request,
        form,
        lambda: services.move_planned_item(user, item, form.cleaned_data["to"]),
        title=f"Move “{item.title}”",
        caption=f"Planned for {item.meeting}",
        back=reverse("panel:staff-meeting", args=[item.meeting_id]),
        message="Item moved",
    )


@login_required
def recommendation_add(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    meeting = get_meeting_for_user(request, pk)
    form = RecommendationForm(posted(request), initial={"made_on": meeting.date})
    user = staff_user(request)
    return _staff_form(
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
        title="Make a recommendation to the Commissioner",
        caption=str(meeting),
        back=reverse("panel:staff-meeting", args=[meeting.pk]),
        message="Recommendation recorded",
    )


@login_required
def recommendation_response(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    rec = get_recommendation_for_user(request, pk)
    form = ResponseForm(
        posted(request),
        initial={
            "text": rec.response_text,
            "date": rec.response_date,
            "published": rec.response_published,
        },
    )
    user = staff_user(request)
    return _staff_form(
        request,
        form,
        lambda: services.record_response(user, rec, **form.cleaned_data),
        title="Record the Commissioner's response",
        caption=rec.text[:120],
        back=reverse("panel:staff-meeting", args=[rec.meeting_id]),
        message="Response recorded",
    )


@login_required
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    meeting = get_meeting_for_user(request, pk)
    form = ActionForm(posted(request))
    user = staff_user(request)
    return _staff_form(
        request,
        form,
        lambda: services.add_action(user, meeting, **form.cleaned_data),
        title="Add to the action log",
        caption=str(meeting),
        back=reverse("panel:staff-meeting", args=[meeting.pk]),
        message="Action added",
    )


@login_required
def action_close(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    entry = get_action_for_user(request, pk)
    form = CloseActionForm(posted(request))
    user = staff_user(request)
    return _staff_form(
        request,
        form,
        lambda: services.close_action(user, entry, outcome=form.cleaned_data["outcome"]),
        title="Close an action",
        caption=entry.item,
        back=reverse("panel:staff-meeting", args=[entry.meeting_id]),
        message="Action closed",
    )


@login_required
def precept_edit(request: HttpRequest, year: int | None = None) -> HttpResponse:
    require_secretariat(request)
    instance = get_object_or_404(Precept, financial_year_start=year) if year else Precept()
    form = PreceptForm(posted(request), instance=instance)
    user = staff_user(request)
    return edit_form(
        request,
        form,
        lambda: services.save_precept(user, form.save(commit=False)),
        context={
            "title": "The Commissioner's proposed precept",
            "back_url": reverse("panel:staff-home"),
        },
        success_url=lambda: reverse(
            "panel:staff-precept", args=[form.instance.financial_year_start]
        ),
        success_message="Precept proposal saved",
    )


@login_required
def precept_new(request: HttpRequest) -> HttpResponse:
    return precept_edit(request, None)


@login_required
def staff_precept(request: HttpRequest, year: int) -> HttpResponse:
    require_panel_reader(request)
    the_precept = get_object_or_404(
        Precept.objects.select_related("meeting"), financial_year_start=year
    )
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
            "can_run_panel": permissions.can_run_panel(request.user),
        },
    )


@login_required
def precept_decision(request: HttpRequest, year: int) -> HttpResponse:
    require_secretariat(request)
    the_precept = get_object_or_404(
        Precept.objects.select_related("meeting"), financial_year_start=year
    )
    day = the_precept.meeting.date if the_precept.meeting else timezone.localdate()
    form = PreceptDecisionForm(posted(request), members=list(members_on(day)))
    user = staff_user(request)
    back = reverse("panel:staff-precept", args=[year])
    return _staff_form(
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
        ),
        title="Record the Panel's vote on the precept",
        caption=f"Precept {the_precept.year_label}",
        back=back,
        message="Vote recorded",
    )


@login_required
def precept_response(request: HttpRequest, year: int) -> HttpResponse:
    require_secretariat(request)
    the_precept = get_object_or_404(Precept, financial_year_start=year)
    form = PreceptResponseForm(posted(request))
    user = staff_user(request)
    return _staff_form(
        request,
        form,
        lambda: services.record_precept_response(user, the_precept, **form.cleaned_data),
        title="Record the Commissioner's response on the precept",
        caption=f"Precept {the_precept.year_label}",
        back=reverse("panel:staff-precept", args=[year]),
        message="Response recorded",
    )


@login_required
def attendance_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    meeting = get_meeting_for_user(request, pk)
    members = list(members_on(meeting.date))
    substitutes = list(
        PanelMember.objects.filter(
            kind=PanelMember.Kind.SUBSTITUTE, start_date__lte=meeting.date
        ).exclude(end_date__lt=meeting.date)
    )
    current = {a.member_id: a for a in meeting.attendances.all()}
    form = AttendanceForm(
        posted(request), members=members, substitutes=substitutes, current=current
    )
    user = staff_user(request)
    return _staff_form(
        request,
        form,
        lambda: services.record_attendance(user, meeting, form.entries()),
        title="Attendance",
        caption=str(meeting),
        back=reverse("panel:staff-meeting", args=[meeting.pk]),
        message="Attendance recorded",
    )


@login_required
def other_attendee_add(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    meeting = get_meeting_for_user(request, pk)
    form = OtherAttendeeForm(posted(request))
    user = staff_user(request)
    return _staff_form(
        request,
        form,
        lambda: services.add_other_attendee(user, meeting, **form.cleaned_data),
        title="Add an officer or other person present",
        caption=str(meeting),
        back=reverse("panel:staff-meeting", args=[meeting.pk]),
        message="Added",
    )


@login_required
def declaration_add(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    meeting = get_meeting_for_user(request, pk)
    form = DeclarationForm(posted(request), meeting=meeting)
    user = staff_user(request)
    return _staff_form(
        request,
        form,
        lambda: services.declare_interest(user, meeting, **form.cleaned_data),
        title="Record a declaration of interest",
        caption=str(meeting),
        back=reverse("panel:staff-meeting", args=[meeting.pk]),
        message="Declaration recorded",
    )


@login_required
def member_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_secretariat(request)
    member = get_object_or_404(PanelMember, pk=pk) if pk else PanelMember()
    form = PanelMemberForm(posted(request), instance=member)
    user = staff_user(request)
    return edit_form(
        request,
        form,
        lambda: services.save_member(user, form.save(commit=False)),
        context={
            "title": "Edit member" if pk else "Add a member",
            "back_url": reverse("panel:staff-home"),
        },
        success_url=reverse("panel:staff-home"),
        success_message="Membership saved",
    )


@login_required
def member_new(request: HttpRequest) -> HttpResponse:
    return member_edit(request, None)


@login_required
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    meeting = get_meeting_for_user(request, pk)
    form = ApproveMinutesForm(posted(request), meeting=meeting)
    user = staff_user(request)
    return edit_form(
        request,
        form,
        lambda: services.approve_minutes(
            user,
            meeting,
            at=form.cleaned_data["at"],
            amendments=form.cleaned_data["amendments"],
        ),
        context={
            "title": "Record the approval of the minutes",
            "caption": f"Minutes of {meeting.date:%-d %B %Y}",
            "intro": "Minutes are approved as an accurate record at a later meeting. Once "
            "approved they are published.",
            "back_url": reverse("panel:staff-meeting", args=[meeting.pk]),
            "submit": "Record approval",
        },
        success_url=reverse("panel:staff-meeting", args=[meeting.pk]),
        success_message="Approval of the minutes recorded",
    )


@login_required
def minute_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_secretariat(request)
    minute = get_object_or_404(MinuteItem.objects.select_related("meeting"), pk=pk)
    initial = {
        "title": minute.title,
        "text": minute.text,
        "resolution": minute.resolution,
        "resolution_text": minute.resolution_text,
        "is_exempt": minute.is_exempt,
        "questions": "\n\n".join(q.text for q in minute.questions.all()),
    }
    form = MinuteForm(posted(request), initial=initial)
    user = staff_user(request)
    meeting_url = reverse("panel:staff-meeting", args=[minute.meeting.pk])
    return edit_form(
        request,
        form,
        lambda: services.edit_minute(
            user,
            minute,
            title=form.cleaned_data["title"],
            text=form.cleaned_data["text"],
            resolution=form.cleaned_data["resolution"],
            resolution_text=form.cleaned_data["resolution_text"],
            questions=form.question_list(),
            is_exempt=form.cleaned_data["is_exempt"],
        ),
        context={"title": f"Edit minute {minute.number}", "back_url": meeting_url},
        success_url=meeting_url,
        success_message="Minute saved",
    )
