"""Minutes of meetings held in private at which matters of significant public interest were
discussed (SI 2011/3050 Sch. para 5(c)): staff write and publish the part that may be
published; the public pages show that part only."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pcplan.core.http import edit_form, posted, staff_user
from pcplan.core.paging import paginate
from pcplan.core.publishing import set_published
from pcplan.transparency import services
from pcplan.transparency.forms import MeetingSummaryForm, meetings_held_in_private
from pcplan.transparency.models import MeetingSummary
from pcplan.transparency.views.access import flags, keepers_only, readers_only

PAGE_SIZE = 50


@readers_only
def staff_summaries(request: HttpRequest) -> HttpResponse:
    """Every summary, published or not, and how many private meetings have none yet."""
    paged = paginate(
        request,
        MeetingSummary.objects.newest_first().select_related("meeting__body"),
        PAGE_SIZE,
    )
    without = meetings_held_in_private().filter(public_interest_summary__isnull=True).count()
    return render(
        request,
        "transparency/staff_meeting_summaries.html",
        {**paged.context(), "without_summary": without, **flags(request)},
    )


@keepers_only
def summary_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    summary = get_object_or_404(MeetingSummary, pk=pk) if pk else MeetingSummary()
    form = MeetingSummaryForm(posted(request), instance=summary)
    user = staff_user(request)

    def save() -> None:
        services.save_meeting_summary(user, form.save(commit=False), version=form.served_version)

    return edit_form(
        request,
        form,
        save,
        context={
            "title": _("Edit the minutes for publication")
            if pk
            else _("Minutes for publication of a meeting held in private"),
            "caption": _("SI 2011/3050, Schedule, paragraph 5(c)"),
            "back_url": reverse("transparency:staff-meeting-summaries"),
        },
        success_url=reverse("transparency:staff-meeting-summaries"),
        success_message=_("Saved"),
    )


def summary_new(request: HttpRequest) -> HttpResponse:
    return summary_edit(request, None)


@require_POST
@keepers_only
def summary_publish(request: HttpRequest, pk: int) -> HttpResponse:
    summary = get_object_or_404(MeetingSummary, pk=pk)
    publish = request.POST.get("publish") == "yes"
    set_published(staff_user(request), summary, publish)
    messages.success(request, _("Published") if publish else _("Withdrawn"))
    return redirect("transparency:staff-meeting-summaries")


def public_summaries(request: HttpRequest) -> HttpResponse:
    """Public: published summaries only, each its title, the meeting's date and the text
    written for publication; the template names nothing else of the meeting."""
    paged = paginate(
        request, MeetingSummary.objects.public().newest_first().select_related("meeting"), PAGE_SIZE
    )
    return render(request, "transparency/meeting_summaries.html", paged.context())


def public_summary(request: HttpRequest, pk: int) -> HttpResponse:
    summary = get_object_or_404(MeetingSummary.objects.public().select_related("meeting"), pk=pk)
    return render(request, "transparency/meeting_summary.html", {"summary": summary})
