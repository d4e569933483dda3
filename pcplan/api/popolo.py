"""The Panel as Popolo JSON (https://www.popoloproject.com/, the people-and-organisations
format Open Civic Data builds on), so that civic-tech tools read it unchanged.

Persons and memberships are the Panel's members (public on every agenda); organisations are
the Panel and the councils members sit for; events are its meetings; vote events are the
precept decisions the Panel has reported, with their result only (the Panel's public pages do
not give each member's vote, so neither does this).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.text import slugify

from pcplan.api import public
from pcplan.core.office import current_office
from pcplan.panel.models import Precept

PANEL_ID = "panel"
RESULTS = {
    Precept.Outcome.NO_VETO: "fail",
    Precept.Outcome.VETO_TOO_HIGH: "pass",
    Precept.Outcome.VETO_TOO_LOW: "pass",
}


def _authority_id(name: str) -> str:
    return f"authority-{slugify(name)}"


def panel_popolo(request: HttpRequest) -> dict[str, Any]:
    office = current_office()
    members = list(public.panel_members())
    organizations: list[dict[str, Any]] = [
        {"id": PANEL_ID, "name": office.panel, "classification": "committee"}
    ]
    for authority in sorted({m.authority for m in members if m.authority}):
        organizations.append(
            {"id": _authority_id(authority), "name": authority, "classification": "council"}
        )
    persons = [{"id": f"person-{m.pk}", "name": m.name} for m in members]
    memberships = []
    for m in members:
        membership: dict[str, Any] = {
            "id": f"membership-{m.pk}",
            "person_id": f"person-{m.pk}",
            "organization_id": PANEL_ID,
            "role": m.get_office_display(),
            "label": m.get_kind_display(),
            "start_date": m.start_date.isoformat(),
        }
        if m.end_date:
            membership["end_date"] = m.end_date.isoformat()
        if m.authority:
            membership["on_behalf_of_id"] = _authority_id(m.authority)
        memberships.append(membership)
    events = [
        {
            "id": f"meeting-{meeting.pk}",
            "name": str(meeting),
            "classification": "meeting",
            "organization_id": PANEL_ID,
            "start_date": meeting.starts_at.isoformat(),
            "location": meeting.venue,
            "status": meeting.status,
            "sources": [
                {"url": request.build_absolute_uri(reverse("panel:meeting", args=[meeting.pk]))}
            ],
        }
        for meeting in public.meetings().of_panel()
    ]
    vote_events = [
        {
            "id": f"precept-{precept.financial_year_start}",
            "organization_id": PANEL_ID,
            "motion": {"text": f"Veto the proposed precept for {precept.year_label}"},
            "start_date": precept.report_date.isoformat() if precept.report_date else None,
            "result": RESULTS.get(Precept.Outcome(precept.outcome), "pending"),
            "event_id": f"meeting-{precept.meeting_id}" if precept.meeting_id else None,
        }
        for precept in public.reported_precepts()
    ]
    return {
        "organizations": organizations,
        "persons": persons,
        "memberships": memberships,
        "events": events,
        "vote_events": vote_events,
    }


def popolo(request: HttpRequest) -> JsonResponse:
    return JsonResponse(panel_popolo(request), json_dumps_params={"ensure_ascii": False})
