"""Load the Panel of seed 002 from `demo_data/panel.yaml` (called from the demo's load_demo)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from pcplan.core.audit import attributed_to
from pcplan.core.models import User
from pcplan.delivery.models import Deliverable
from pcplan.panel import services
from pcplan.panel.models import (
    AgendaItem,
    Attendance,
    Meeting,
    MinuteItem,
    MinuteQuestion,
    OtherAttendee,
    PanelMember,
    Precept,
    PreceptVote,
)

DATA_FILE = Path(__file__).resolve().parent / "demo_data" / "panel.yaml"
DEMO_PASSWORD = os.environ.get("PCPLAN_DEMO_PASSWORD", "pcplan-demo")  # noqa: S105
SECRETARIAT_USERNAME = "secretariat"


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return _day(value)


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _secretariat() -> User:
    user = User.objects.filter(username=SECRETARIAT_USERNAME).first() or User(
        username=SECRETARIAT_USERNAME
    )
    user.first_name, user.last_name = "Demo", "Panel Secretariat"
    user.role = User.Role.PANEL_SECRETARIAT
    user.organisation = None
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def import_minute(
    user: User, meeting: Meeting, entry: dict[str, Any]
) -> MinuteItem:  # a paper record's own numbers
    minute = MinuteItem(
        meeting=meeting,
        number=int(entry["number"]),
        title=entry["title"],
        text=entry.get("text") or "",
        resolution=entry.get("resolution") or "",
        resolution_text=entry.get("resolution_text") or "",
    )
    attributed_to(minute, user, "Imported from the demo").save()
    for number, text in enumerate(entry.get("questions") or [], start=1):
        attributed_to(MinuteQuestion(minute=minute, number=number, text=text), user).save()
    return minute


@transaction.atomic
def load_panel_demo(path: Path = DATA_FILE) -> None:
    user = _secretariat()
    if PanelMember.objects.exists() or Meeting.objects.of_panel().exists():
        return  # already loaded: the demo is loaded once per database
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    members: dict[str, PanelMember] = {}
    for entry in data["members"]:
        member = PanelMember(
            name=entry["name"],
            kind=entry["kind"],
            authority=entry.get("authority", ""),
            office=entry.get("office", PanelMember.Office.MEMBER),
            start_date=_day(entry["start_date"]),
            end_date=_date(entry.get("end_date")),
        )
        attributed_to(member, user, "Imported from the demo").save()
        members[member.name] = member

    meetings: dict[str, Meeting] = {}
    for entry in data["meetings"]:
        meeting = Meeting(
            date=_day(entry["date"]),
            venue=entry.get("venue") or "",
            title=entry.get("title") or "",
            status=entry["status"],
            agenda_published_on=_date(entry.get("agenda_published_on")),
            minutes_published=bool(entry.get("minutes_published")),
            ended_at=dt.time.fromisoformat(entry["ended_at"]) if entry.get("ended_at") else None,
            minutes_amendments=entry.get("minutes_amendments") or "",
        )
        services.save_meeting(user, meeting, reason="Imported from the demo")
        meetings[entry["key"]] = meeting

    for entry in data["meetings"]:
        meeting = meetings[entry["key"]]
        if entry.get("minutes_approved_at"):
            services.approve_minutes(
                user,
                meeting,
                at=meetings[entry["minutes_approved_at"]],
                amendments=entry.get("minutes_amendments") or "",
            )
        for name in entry.get("present", []):
            Attendance.objects.create(
                meeting=meeting, member=members[name], status=Attendance.Status.PRESENT
            )
        for name in entry.get("apologies", []):
            Attendance.objects.create(
                meeting=meeting, member=members[name], status=Attendance.Status.APOLOGIES
            )
        for kind, people in (
            ("officer", entry.get("officers", [])),
            ("other", entry.get("others", [])),
        ):
            for name, role in people:
                OtherAttendee.objects.create(meeting=meeting, kind=kind, name=name, role=role)
        minutes = {m["number"]: import_minute(user, meeting, m) for m in entry.get("minutes", [])}
        for item in entry.get("agenda", []):
            pages = item.get("pages") or [None, None]
            agenda_item = services.save_agenda_item(
                user,
                AgendaItem(
                    meeting=meeting,
                    number=item["number"],
                    title=item["title"],
                    presenting_body=item.get("presenting_body", ""),
                    note=item.get("note", ""),
                    kind=item.get("kind", AgendaItem.Kind.NO_PAPERS),
                    first_page=pages[0],
                    last_page=pages[1],
                ),
            )
            if item.get("covers_plan"):
                agenda_item.deliverables.set(
                    Deliverable.objects.filter(theme__plan__key=item["covers_plan"])
                )
        # [title, meeting that asked for it, and the key of the report pcplan generates for it]
        for title, requested, *report in entry.get("planned", []):
            services.plan_item(
                user,
                meeting,
                title=title,
                requested_at=meetings[requested] if requested else None,
                report=report[0] if report else "",
            )
        for action in entry.get("actions", []):
            services.add_action(user, meeting, **action)
        for rec in entry.get("recommendations", []):
            services.make_recommendation(
                user,
                meeting,
                text=rec["text"],
                made_on=_day(rec["made_on"]),
                response_due=_day(rec["response_due"]),
                minute=minutes.get(rec.get("minute")),
            )

    for entry in data.get("precepts", []):
        the_precept = Precept(
            financial_year_start=entry["financial_year_start"],
            notified_on=_day(entry["notified_on"]),
            meeting=meetings[entry["meeting"]],
            signed_by=entry.get("signed_by", ""),
        )
        attributed_to(the_precept, user, "Imported from the demo").save()
        services.record_precept_decision(
            user,
            the_precept,
            votes={
                members[name].pk: vote
                for name, vote in entry["votes"].items()
                if vote != PreceptVote.Vote.ABSENT
            },
            report_date=_day(entry["report_date"]),
            decision_text=entry.get("decision_text", ""),
        )
        services.record_precept_response(
            user,
            the_precept,
            text=entry["response_text"],
            date=_day(entry["response_date"]),
            published=True,
        )
