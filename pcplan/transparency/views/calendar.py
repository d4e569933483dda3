"""The statutory calendar: one staff page and one iCalendar feed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from pcplan.core.office import current_office
from pcplan.transparency.statutory_calendar import deadlines_calendar, statutory_deadlines
from pcplan.transparency.views.access import signed_in


@signed_in
def staff_calendar(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "transparency/statutory_calendar.html",
        {"deadlines": statutory_deadlines(today), "today": today},
    )


def calendar_ics(request: HttpRequest) -> HttpResponse:
    """Public: statutory dates and the titles of public records only (plans, HMICFRS reports,
    which HMICFRS publishes, and Panel meetings, whose dates are public)."""
    office = current_office()
    body = deadlines_calendar(
        statutory_deadlines(timezone.localdate(), public=True),
        host=request.get_host(),
        name=_("%(office)s statutory calendar") % {"office": office.name or office.holder},
        now=timezone.now(),
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
