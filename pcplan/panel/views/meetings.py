"""Public meeting pages: the list of meetings, a meeting with its agenda and minutes, its
papers and agenda pack, and the iCalendar feed."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pcplan.core import exports
from pcplan.core.htmx import partial_wanted
from pcplan.core.office import current_office
from pcplan.panel import calendar, packs
from pcplan.panel.models import (
    Meeting,
    Precept,
    PublicSubmission,
)
from pcplan.panel.views.access import (
    flags,
    get_agenda_item_for_user,
    get_meeting_for_user,
    visible_agenda_items,
    visible_declarations,
    visible_minutes,
)


def meeting_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "panel/meeting_list.html",
        {
            "upcoming": Meeting.objects.of_panel().public().coming(today),
            "past": Meeting.objects.of_panel().public().past(today),
            "precepts": Precept.objects.public(),
        },
    )


MEETING_COLUMNS: list[exports.Column[Meeting]] = [
    exports.Column(gettext_lazy("Date"), lambda m: m.date),
    exports.Column(gettext_lazy("Time"), lambda m: f"{m.time:%H:%M}"),
    exports.Column(gettext_lazy("Title"), lambda m: m.title),
    exports.Column(gettext_lazy("Venue"), lambda m: m.venue),
    exports.Column(gettext_lazy("Status"), lambda m: m.get_status_display()),
    exports.Column(gettext_lazy("Agenda published on"), lambda m: m.agenda_published_on),
    exports.Column(
        gettext_lazy("Minutes published"), lambda m: _("Yes") if m.minutes_published else _("No")
    ),
]


def meeting_list_download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """Every public meeting, as the meetings page lists them, as CSV or Excel."""
    return exports.download(
        request,
        fmt,
        MEETING_COLUMNS,
        Meeting.objects.public().order_by("date", "time", "pk"),
        name="panel-meetings",
        sheet=_("Meetings"),
    )


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    today = timezone.localdate()
    allowed = flags(request, meeting)
    show_agenda = meeting.agenda_is_public or allowed["can_see_exempt"]
    show_minutes = meeting.minutes_published or allowed["can_see_exempt"]
    return render(
        request,
        "panel/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda_items": visible_agenda_items(meeting) if show_agenda else [],
            "show_agenda": show_agenda,
            "is_past": meeting.is_past(today),
            "show_minutes": show_minutes,
            "minute_items": visible_minutes(request, meeting) if show_minutes else [],
            "attendances": meeting.attendances.select_related(
                "member", "membership__organisation", "substitute_for"
            ),
            "others": meeting.others_present.all(),
            "declarations": visible_declarations(request, meeting),
            "accepted": meeting.submissions.filter(status=PublicSubmission.Status.ACCEPTED),
            "can_submit": meeting.body.is_panel and meeting.questions_open(today),
            "planned": meeting.planned_items.all(),
            **allowed,
        },
    )


def agenda_item_report(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    item = get_agenda_item_for_user(request, pk, number)
    if not item.has_report:
        raise Http404(_("This item has no report"))
    response = HttpResponse(item.report_bytes(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="item-{item.number}.pdf"'
    return response


def agenda_pack(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting's agenda pack as kept by the worker: the one with exempt papers for those
    who may read them (checked here, once), the public one for everyone else."""
    meeting = get_meeting_for_user(request, pk)
    include_exempt = flags(request, meeting)["can_see_exempt"]
    if not meeting.agenda_is_public and not include_exempt:
        raise Http404(_("The agenda is not published yet"))
    pdf = packs.kept_pack(meeting, include_exempt=include_exempt)
    if pdf is None:
        if include_exempt:
            return exempt_pack_being_prepared(request, meeting)
        return pack_being_prepared(request, meeting)
    if include_exempt and partial_wanted(request):
        return _exempt_pack_status(request, meeting, packs.BuildState.READY)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="agenda-pack-{meeting.date:%Y-%m-%d}.pdf"'
    if include_exempt:
        # Confidential: no shared cache may keep it, nor the browser's cache after sign-out.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


# How long the public is asked to wait before asking again for a pack being prepared.
RETRY_AFTER_SECONDS = 60


def pack_being_prepared(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    """The public asked for a pack not yet kept for the current version: its build is queued
    (once) and the visitor asked to come back. 503 with Retry-After, never cached, so the pack
    is served as soon as the worker keeps it."""
    packs.queue_build(meeting)
    response = render(
        request,
        "panel/agenda_pack_preparing.html",
        {"meeting": meeting},
        status=503,
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def exempt_pack_being_prepared(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    """One who may read exempt papers asked for the pack with them, not yet kept for the
    current version: its build is queued (once) and the page says where it is, updating itself
    (htmx) until the pack can be downloaded. 503 with Retry-After, never cached, as for the
    public; the page's own updates are 200 (htmx swaps only those)."""
    if partial_wanted(request):
        state = packs.build_state(meeting, include_exempt=True)
        return _exempt_pack_status(request, meeting, state)
    packs.queue_build(meeting, include_exempt=True, asked_by=request.user)
    state = packs.build_state(meeting, include_exempt=True)
    response = render(
        request,
        "panel/agenda_pack_preparing_exempt.html",
        {"meeting": meeting, "state": state},
        status=503,
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _exempt_pack_status(request: HttpRequest, meeting: Meeting, state: str) -> HttpResponse:
    response = render(
        request, "panel/_exempt_pack_status.html", {"meeting": meeting, "state": state}
    )
    add_never_cache_headers(response)
    patch_vary_headers(response, ["HX-Request"])
    return response


def meetings_ics(request: HttpRequest) -> HttpResponse:
    host = request.get_host()
    body = calendar.meetings_calendar(
        Meeting.objects.of_panel().public(),
        host=host,
        url=lambda m: request.build_absolute_uri(reverse("panel:meeting", args=[m.pk])),
        panel_name=current_office().panel,
        now=timezone.now(),
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
