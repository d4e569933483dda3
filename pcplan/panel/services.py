"""Every change to the Panel's business goes through here: permission-checked, atomic, audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_version, stale_edit
from pcplan.core.dates import long_date
from pcplan.core.models import User
from pcplan.panel import deadlines, documents, packs, permissions, precept, rules
from pcplan.panel.models import (
    Action,
    AgendaItem,
    Attendance,
    Declaration,
    Expected,
    ForwardPlanItem,
    Meeting,
    MinuteItem,
    MinuteQuestion,
    OtherAttendee,
    PanelMember,
    Precept,
    PreceptVote,
    PublicSubmission,
    Recommendation,
    expected_at,
    last_minute_number_used,
    members_on,
)
from pcplan.partnerships.models import panel_body
from pcplan.reports import meeting_reports
from pcplan.transparency import services as transparency_services


def _require(user: User | None) -> User:
    if user is None or not permissions.can_run_panel(user):
        raise PermissionDenied(_("Only the Panel secretariat changes the Panel's business."))
    return user


def _require_runs(user: User | None, meeting: Meeting) -> User:
    """Whoever runs the meetings of the meeting's body (the Panel's when it names none)."""
    if meeting.body_id is None:
        meeting.body = panel_body()
    if user is None or not permissions.can_run_meetings_of(user, meeting.body):
        raise PermissionDenied(_("You may not change this body's meetings."))
    return user


@transaction.atomic
def save_member(user: User, member: PanelMember, *, version: int | None = None) -> PanelMember:
    """Membership over time: a member who leaves gets an end date and is never deleted.
    Refused (StaleEdit) when the member changed after the form was served at `version`."""
    _require(user)
    claim_version(member, version)
    creating = member.pk is None
    attributed_to(member, user, "Member added" if creating else "Member edited").save()
    return member


@transaction.atomic
def save_meeting(
    user: User, meeting: Meeting, *, reason: str = "", version: int | None = None
) -> Meeting:
    """A meeting of any body, by whoever runs that body's meetings. Refused (StaleEdit) when
    `version`, the one the form was served with, is no longer the meeting's: its status or
    minutes changed, or someone saved the form, in between."""
    _require_runs(user, meeting)
    claim_version(meeting, version, noun=_("meeting"))
    creating = meeting.pk is None
    attributed_to(meeting, user, reason or ("Created" if creating else "Edited")).save()
    return meeting


@transaction.atomic
def set_meeting_status(user: User, meeting: Meeting, status: str) -> Meeting:
    _require_runs(user, meeting)
    # A meeting form opened before this change must not save the old status back.
    claim_version(meeting, None, noun=_("meeting"))
    meeting.status = status
    fields = ["status"]
    if status == Meeting.Status.AGENDA_PUBLISHED and meeting.agenda_published_on is None:
        meeting.agenda_published_on = timezone.localdate()
        fields.append("agenda_published_on")
    attributed_to(meeting, user, f"Status: {meeting.get_status_display()}").save(
        update_fields=fields
    )
    if meeting.agenda_is_public:
        # The public's first request for the pack finds it built (pcplan.panel.packs).
        packs.build_agenda_pack.enqueue(meeting.pk)
    return meeting


@transaction.atomic
def save_agenda_item(
    user: User,
    item: AgendaItem,
    *,
    deliverables: list[Any] | None = None,
    report: tuple[str, bytes] | None = None,
    version: int | None = None,
) -> AgendaItem:
    """Save an item and, when given, its report (name, PDF bytes) and the deliverables the
    report covers (all audited). A new report replaces the old one on the item; the old file
    is kept, because the item's history names it. Refused (StaleEdit) when the item changed
    after the form was served at `version`."""
    _require_runs(user, item.meeting)
    claim_version(item, version)
    if report is not None:
        _put_paper(item, *report)
    attributed_to(item, user, "Agenda item saved").save()
    if deliverables is not None:
        attributed_to(item, user, "Deliverables covered changed")
        item.deliverables.set(deliverables)
    return item


def _put_paper(item: AgendaItem, name: str, data: bytes) -> None:
    item.put_paper(name, data)


def paper_refusal(item: AgendaItem) -> str:
    """Why a paper may not be put on this item now, or "" when it may."""
    if item.meeting.agenda_is_public:
        return _(
            "The agenda for the meeting on %(date)s is published: its papers can no longer "
            "be replaced."
        ) % {"date": long_date(item.meeting.date)}
    if item.kind in {AgendaItem.Kind.PREVIOUS_MINUTES, AgendaItem.Kind.ACTION_LOG}:
        return _("This item's paper is made by pcplan from the Panel's own records.")
    return ""


@transaction.atomic
def attach_paper(user: User, item: AgendaItem, *, name: str, data: bytes) -> AgendaItem:
    """Make a PDF the item's paper, replacing any earlier one, until the agenda is published.

    The meeting's row is locked so that the agenda cannot be published half-way through."""
    if not permissions.can_attach_paper(user, item.meeting.body):
        raise PermissionDenied(
            _("Only those who run this body's meetings put papers on its agendas.")
        )
    item.meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    refusal = paper_refusal(item)
    if refusal:
        raise ValidationError(refusal)
    _put_paper(item, name, data)
    attributed_to(item, user, "Paper attached").save(
        update_fields=[
            "report_file",
            "report_filename",
            "kind",
            "report_text",
            "report_text_unreadable",
        ]
    )
    return item


def fill_page_ranges(
    user: User, meeting: Meeting, *, version: int | None = None
) -> dict[int, tuple[int, int]]:
    """Store the agenda's page ranges from the real page counts of the full agenda pack.

    The pack takes seconds to build, so `pcplan worker` runs this (panel.tasks) and the pack is
    built outside any transaction; the ranges are then written in one transaction, the
    meeting's row locked, and only if neither the meeting (at `version`, that of the page the
    officer asked from) nor any agenda item changed meanwhile. Otherwise nothing is written:
    StaleEdit names what changed in the meeting, ValidationError says the agenda changed."""
    _require_runs(user, meeting)
    _check_meeting_version(meeting, version)
    seen = _agenda_versions(meeting)
    ranges = documents.agenda_pack(meeting, include_exempt=True).ranges
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        _check_meeting_version(locked, version)
        if _agenda_versions(locked) != seen:
            raise ValidationError(
                _(
                    "The agenda changed while its pages were being counted, so no page range "
                    "was filled in. Fill them in again."
                )
            )
        for item in locked.agenda_items.all():
            item.first_page, item.last_page = ranges.get(item.number, (None, None))
            attributed_to(item, user, "Page ranges filled in").save(
                update_fields=["first_page", "last_page"]
            )
    return ranges


def _check_meeting_version(meeting: Meeting, served: int | None) -> None:
    if served is None:
        return
    current = Meeting.objects.filter(pk=meeting.pk).values_list("version", flat=True).first()
    if current != served:
        raise stale_edit(meeting, served, noun=_("meeting"))


def _agenda_versions(meeting: Meeting) -> dict[int, int]:
    """Each agenda item's version: a saved item, a new paper or a new exemption moves it."""
    return dict(meeting.agenda_items.values_list("pk", "version"))


@transaction.atomic
def add_minute(
    user: User,
    meeting: Meeting,
    *,
    title: str,
    text: str = "",
    resolution: str = "",
    resolution_text: str = "",
    questions: list[str] | None = None,
    is_exempt: bool = False,
) -> MinuteItem:
    """Add the body's next numbered minute; each body's numbers run on across its meetings
    and are never reused.

    Refused once the meeting's minutes are approved: they are then the record."""
    _require_runs(user, meeting)
    # The meeting row is locked so that approving the minutes and adding to them take turns.
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.minutes_approved_at_id is not None:
        raise ValidationError(
            _("These minutes have been approved, so no minute can be added to them.")
        )
    minute = MinuteItem(
        meeting=meeting,
        title=title.strip(),
        text=text.strip(),
        resolution=resolution,
        resolution_text=resolution_text.strip(),
        is_exempt=is_exempt,
    )
    _save_with_next_number(minute, user)
    for number, question in enumerate(questions or [], start=1):
        attributed_to(
            MinuteQuestion(minute=minute, number=number, text=question.strip()), user
        ).save()
    return minute


# Numbers run on across a body's meetings, so no one row guards them: two officers adding minutes to
# different meetings at once may both take the same number. The unique index decides; the
# one refused takes the number after the other's, which its next statement can see.
MINUTE_NUMBER_ATTEMPTS = 5


def _save_with_next_number(minute: MinuteItem, user: User) -> None:
    for attempt in range(MINUTE_NUMBER_ATTEMPTS):
        minute.number = rules.next_minute_number(last_minute_number_used(minute.meeting.body))
        try:
            with transaction.atomic():
                attributed_to(minute, user, "Minute added").save()
            return
        except IntegrityError:
            minute.pk = None
            if attempt == MINUTE_NUMBER_ATTEMPTS - 1:
                raise


@transaction.atomic
def record_attendance(
    user: User,
    meeting: Meeting,
    entries: list[tuple[Expected, str, PanelMember | None]],
    *,
    version: int | None = None,
) -> None:
    """Replace the meeting's attendance with `entries`: (who, status, substitute for), each
    one of those `expected_at(meeting)` lists. The attendance is the meeting's: refused
    (StaleEdit) when the meeting changed after the form was served at `version`, so that of
    two people recording it at once the second sees the first's record."""
    _require_runs(user, meeting)
    expected = {e.key for e in expected_at(meeting)}
    if any(who.key not in expected for who, _status, _for in entries):
        raise ValidationError(_("Only those expected at the meeting can be recorded."))
    claim_version(meeting, version, noun=_("meeting"))
    attributed_to(meeting, user, "Attendance recorded").save(update_fields=["version"])
    kept = set()
    for who, status, substitute_for in entries:
        row = meeting.attendances.filter(
            member=who.member, membership=who.membership
        ).first() or Attendance(meeting=meeting, member=who.member, membership=who.membership)
        row.status = status
        row.substitute_for = substitute_for if status == Attendance.Status.SUBSTITUTE else None
        attributed_to(row, user, "Attendance recorded").save()
        kept.add(row.pk)
    for gone in meeting.attendances.exclude(pk__in=kept):
        attributed_to(gone, user, "Attendance removed").delete()


@transaction.atomic
def add_other_attendee(user: User, meeting: Meeting, *, kind: str, name: str, role: str) -> None:
    _require_runs(user, meeting)
    attributed_to(
        OtherAttendee(meeting=meeting, kind=kind, name=name.strip(), role=role.strip()), user
    ).save()


@transaction.atomic
def declare_interest(
    user: User,
    meeting: Meeting,
    *,
    member: PanelMember,
    interest: str,
    agenda_item: AgendaItem | None = None,
) -> Declaration:
    _require_runs(user, meeting)
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError(_("That agenda item belongs to another meeting."))
    declaration = Declaration(
        meeting=meeting, member=member, agenda_item=agenda_item, interest=interest.strip()
    )
    attributed_to(declaration, user, "Interest declared").save()
    return declaration


@transaction.atomic
def edit_minute(
    user: User,
    minute: MinuteItem,
    *,
    title: str,
    text: str = "",
    resolution: str = "",
    resolution_text: str = "",
    questions: list[str] | None = None,
    is_exempt: bool = False,
    version: int | None = None,
) -> MinuteItem:
    """Correct a draft minute; its number stays. Approved minutes are the record: amend them
    when approving them, not afterwards. Refused (StaleEdit) when the minute changed after
    the form was served at `version`."""
    _require_runs(user, minute.meeting)
    if minute.meeting.minutes_approved_at_id is not None:
        raise ValidationError(_("These minutes have been approved and can no longer be changed."))
    claim_version(minute, version, noun=_("minute"))
    minute.title, minute.text = title.strip(), text.strip()
    minute.resolution, minute.resolution_text = resolution, resolution_text.strip()
    minute.is_exempt = is_exempt
    attributed_to(minute, user, "Minute edited").save()
    wanted = [q.strip() for q in questions or []]
    if [q.text for q in minute.questions.all()] != wanted:
        for old in minute.questions.all():
            attributed_to(old, user, "Minute edited").delete()
        for number, question in enumerate(wanted, start=1):
            attributed_to(MinuteQuestion(minute=minute, number=number, text=question), user).save()
    return minute


@transaction.atomic
def approve_minutes(
    user: User,
    meeting: Meeting,
    *,
    at: Meeting,
    amendments: str = "",
    version: int | None = None,
) -> Meeting:
    """Minutes are approved at a later meeting of the same body, with any amendments recorded
    (seed 002 min 42). Refused (StaleEdit) when the meeting changed after the form was served
    at `version`."""
    _require_runs(user, meeting)
    # Waits for a minute being added to finish: approved minutes take no more (add_minute).
    list(Meeting.objects.select_for_update().filter(pk=meeting.pk))
    if at.date <= meeting.date:
        raise ValidationError(_("Minutes are approved at a later meeting."))
    if at.body_id != meeting.body_id:
        raise ValidationError(_("Minutes are approved at a later meeting of the same body."))
    claim_version(meeting, version, noun=_("meeting"))
    meeting.minutes_approved_at = at
    meeting.minutes_amendments = amendments.strip()
    meeting.status = Meeting.Status.MINUTES_APPROVED
    meeting.minutes_published = True
    attributed_to(meeting, user, "Minutes approved").save(
        update_fields=["minutes_approved_at", "minutes_amendments", "status", "minutes_published"]
    )
    return meeting


@transaction.atomic
def make_recommendation(
    user: User,
    meeting: Meeting,
    *,
    text: str,
    made_on: dt.date,
    response_due: dt.date,
    minute: MinuteItem | None = None,
    deliverables: list[Any] | None = None,
) -> Recommendation:
    _require(user)
    if response_due < made_on:
        raise ValidationError(_("The response due date must not be before the date made."))
    rec = Recommendation(
        meeting=meeting,
        minute=minute,
        text=text.strip(),
        made_on=made_on,
        response_due=response_due,
    )
    attributed_to(rec, user, "Recommendation made").save()
    if deliverables:
        attributed_to(rec, user, "Deliverables linked")
        rec.deliverables.set(deliverables)
    return rec


@transaction.atomic
def record_response(
    user: User,
    rec: Recommendation,
    *,
    text: str,
    date: dt.date,
    published: bool,
    version: int | None = None,
) -> Recommendation:
    """Record the Commissioner's formal response to a recommendation. Refused (StaleEdit)
    when the recommendation changed after the form was served at `version`."""
    _require(user)
    claim_version(rec, version, noun=_("recommendation"))
    rec.response_text = text.strip()
    rec.response_date = date
    rec.response_published = published
    rec.closed = True
    attributed_to(rec, user, "Response recorded").save()
    return rec


@transaction.atomic
def add_action(user: User, meeting: Meeting, *, item: str, action: str, owner: str = "") -> Action:
    _require_runs(user, meeting)
    entry = Action(meeting=meeting, item=item.strip(), action=action.strip(), owner=owner.strip())
    attributed_to(entry, user, "Action added").save()
    return entry


@transaction.atomic
def close_action(user: User, entry: Action, *, outcome: str, version: int | None = None) -> Action:
    """Refused (StaleEdit) when the action changed after the form was served at `version`."""
    _require_runs(user, entry.meeting)
    claim_version(entry, version, noun=_("action"))
    entry.outcome = outcome.strip()
    entry.closed = True
    attributed_to(entry, user, "Action closed").save(update_fields=["outcome", "closed"])
    return entry


def _report_key(report: str) -> str:
    """A key of the registry of reports pcplan generates, or empty for any other item."""
    if report and meeting_reports.get(report) is None:
        raise ValidationError(_("Choose a report from the list, or none."))
    return report


@transaction.atomic
def plan_item(
    user: User,
    meeting: Meeting,
    *,
    title: str,
    requested_at: Meeting | None = None,
    report: str = "",
) -> ForwardPlanItem:
    _require_runs(user, meeting)
    position = meeting.planned_items.count() + 1
    item = ForwardPlanItem(
        meeting=meeting,
        title=title.strip(),
        position=position,
        requested_at=requested_at,
        report=_report_key(report),
    )
    attributed_to(item, user, "Added to the forward plan").save()
    return item


@transaction.atomic
def change_planned_item(
    user: User,
    item: ForwardPlanItem,
    *,
    title: str,
    requested_at: Meeting | None = None,
    report: str = "",
    version: int | None = None,
) -> ForwardPlanItem:
    """Its words, the meeting that asked for it and the report it is for (moving it is
    `move_planned_item`). Refused (StaleEdit) when the item changed after the form was
    served at `version`."""
    _require_runs(user, item.meeting)
    key = _report_key(report)
    claim_version(item, version, noun=_("planned item"))
    item.title = title.strip()
    item.requested_at = requested_at
    item.report = key
    attributed_to(item, user, "Forward plan item changed").save(
        update_fields=["title", "requested_at", "report"]
    )
    return item


@transaction.atomic
def move_planned_item(
    user: User, item: ForwardPlanItem, to: Meeting, *, version: int | None = None
) -> ForwardPlanItem:
    """Refused (StaleEdit) when the item changed (or moved) after the form was served at
    `version`."""
    _require_runs(user, item.meeting)
    if to.body_id != item.meeting.body_id:
        raise ValidationError(_("Items can only move to another meeting of the same body."))
    if to.has_been_held:
        raise ValidationError(_("Items can only move to a meeting that has not been held."))
    claim_version(item, version, noun=_("planned item"))
    item.meeting = to
    item.position = to.planned_items.count() + 1
    attributed_to(item, user, f"Moved to {to}").save(update_fields=["meeting", "position"])
    return item


def submission_deadline(meeting: Meeting, kind: str) -> dt.datetime | None:
    if kind == PublicSubmission.Kind.QUESTION:
        return meeting.question_deadline
    return meeting.statement_deadline


DUPLICATE_SUBMISSION_WINDOW = dt.timedelta(minutes=10)


@transaction.atomic
def submit_public(
    meeting: Meeting,
    *,
    kind: str,
    name: str,
    contact: str,
    text: str,
    received_at: dt.datetime | None = None,
) -> PublicSubmission:
    """A member of the public submits a question or statement. Late ones are kept, marked late.

    The same text sent again from the same contact for the same meeting within
    DUPLICATE_SUBMISSION_WINDOW (a double click, a resend) is the first submission, returned
    as it was stored."""
    if meeting.date < timezone.localdate():
        raise ValidationError(_("This meeting has already taken place."))
    received = received_at or timezone.now()
    # Locking the meeting makes two identical submissions arriving together take turns, so
    # the second finds the first.
    list(Meeting.objects.select_for_update().filter(pk=meeting.pk))
    first = (
        PublicSubmission.objects.filter(
            meeting=meeting,
            kind=kind,
            contact__iexact=contact.strip(),
            text=text.strip(),
            received_at__gte=received - DUPLICATE_SUBMISSION_WINDOW,
            received_at__lte=received,
        )
        .order_by("received_at", "pk")
        .first()
    )
    if first is not None:
        return first
    deadline = submission_deadline(meeting, kind)
    if kind == PublicSubmission.Kind.QUESTION:
        late = deadlines.is_question_late(received, meeting.date)
    else:
        published = meeting.agenda_published_on
        late = published is not None and deadlines.is_statement_late(received, published)
    submission = PublicSubmission(
        meeting=meeting,
        kind=kind,
        name=name.strip(),
        contact=contact.strip(),
        text=text.strip(),
        received_at=received,
        deadline=deadline,
        is_late=late,
    )
    attributed_to(submission, None, "Submitted by the public").save()
    return submission


@transaction.atomic
def decide_submission(
    user: User,
    submission: PublicSubmission,
    *,
    accept: bool,
    reason: str = "",
    version: int | None = None,
) -> PublicSubmission:
    """Refused (StaleEdit) when the submission was decided or changed after the form was
    served at `version`."""
    _require(user)
    if not accept and not reason.strip():
        raise ValidationError(_("Give the reason for rejecting it."))
    claim_version(submission, version, noun=_("submission"))
    submission.status = (
        PublicSubmission.Status.ACCEPTED if accept else PublicSubmission.Status.REJECTED
    )
    submission.reason = reason.strip()
    attributed_to(submission, user, submission.get_status_display()).save(
        update_fields=["status", "reason"]
    )
    return submission


@transaction.atomic
def save_precept(user: User, the_precept: Precept, *, version: int | None = None) -> Precept:
    """The Commissioner's proposal, as notified to the Panel (Sch 5 para 2; reg 3). Refused
    (StaleEdit) when it changed after the form was served at `version`."""
    _require(user)
    claim_version(the_precept, version)
    creating = the_precept.pk is None
    attributed_to(the_precept, user, "Proposal recorded" if creating else "Edited").save()
    return the_precept


@transaction.atomic
def record_precept_decision(
    user: User,
    the_precept: Precept,
    *,
    votes: dict[int, str],
    report_date: dt.date,
    veto_reason: precept.VetoReason | None = None,
    decision_text: str = "",
    version: int | None = None,
) -> Precept:
    """Record each member's vote and the outcome, applying the two-thirds rule (Sch 5 para 4).

    The membership is counted on the day of the meeting (or the report date without a meeting).
    Two decisions recorded at once take turns on the precept's row: the later one replaces
    the earlier one's votes rather than colliding with them. From a form served at `version`,
    the later one is refused (StaleEdit) instead, showing what the earlier one recorded.
    """
    _require(user)
    list(Precept.objects.select_for_update().filter(pk=the_precept.pk))
    claim_version(the_precept, version, noun=_("precept"))
    day = the_precept.meeting.date if the_precept.meeting else report_date
    members = list(members_on(day))
    member_ids = {m.pk for m in members}
    unknown = set(votes) - member_ids
    if unknown:
        raise ValidationError(_("Only persons who are members of the Panel on the day may vote."))
    for_veto = sum(1 for v in votes.values() if v == PreceptVote.Vote.VETO)
    vetoed = precept.is_veto(for_veto, len(members))
    if for_veto and veto_reason is None and vetoed:
        raise ValidationError(_("Say whether the veto is because the precept is too high or low."))
    the_precept.votes.all().delete()
    for member in members:
        vote = votes.get(member.pk, PreceptVote.Vote.ABSENT)
        attributed_to(PreceptVote(precept=the_precept, member=member, vote=vote), user).save()
    present_votes = [v for v in votes.values() if v != PreceptVote.Vote.ABSENT]
    the_precept.members_at_decision = len(members)
    if vetoed:
        the_precept.outcome = (
            Precept.Outcome.VETO_TOO_HIGH
            if veto_reason == precept.VetoReason.TOO_HIGH
            else Precept.Outcome.VETO_TOO_LOW
        )
    else:
        the_precept.outcome = Precept.Outcome.NO_VETO
    the_precept.unanimous = bool(present_votes) and len(set(present_votes)) == 1
    the_precept.report_date = report_date
    the_precept.decision_text = decision_text.strip()
    attributed_to(the_precept, user, the_precept.get_outcome_display()).save()
    return the_precept


@transaction.atomic
def record_precept_response(
    user: User,
    the_precept: Precept,
    *,
    text: str,
    date: dt.date,
    published: bool,
    revised_band_d: Any = None,
    version: int | None = None,
) -> Precept:
    """Refused (StaleEdit) when the precept changed after the form was served at `version`."""
    _require(user)
    claim_version(the_precept, version, noun=_("precept"))
    if the_precept.outcome in {Precept.Outcome.VETO_TOO_HIGH, Precept.Outcome.VETO_TOO_LOW}:
        if revised_band_d is None or the_precept.band_d is None:
            raise ValidationError(_("After a veto the response must give the revised precept."))
        reason = (
            precept.VetoReason.TOO_HIGH
            if the_precept.outcome == Precept.Outcome.VETO_TOO_HIGH
            else precept.VetoReason.TOO_LOW
        )
        ok, message = precept.revised_precept_is_valid(the_precept.band_d, revised_band_d, reason)
        if not ok:
            raise ValidationError(message)
        the_precept.revised_band_d = revised_band_d
    the_precept.response_text = text.strip()
    the_precept.response_date = date
    the_precept.response_published = published
    attributed_to(the_precept, user, "Commissioner's response recorded").save()
    # The response, with the precept it leads to, is the office holder's decision on the
    # precept: the decisions register records it once, linked to the precept (issue 13).
    transparency_services.decision_for_precept(user, the_precept)
    return the_precept


def user_for(request_user: Any) -> User | None:
    return request_user if isinstance(request_user, User) else None


ERASED_CONTACT_REASON = "Contact details erased (retention period)"


@transaction.atomic
def erase_submitter_contact(submission: PublicSubmission, today: dt.date) -> None:
    """Blank the submitter's contact details, here and in every earlier history record.

    The name and the question stay: the question is the Panel's business and may be read out
    and minuted under the submitter's name; the email or postal address was only for replying.
    The erasure is recorded in the history without the value.
    """
    submission.history.model.objects.filter(id=submission.pk).update(contact="")
    submission.contact = ""
    submission.contact_erased_on = today
    attributed_to(submission, None, ERASED_CONTACT_REASON).save(
        update_fields=["contact", "contact_erased_on"]
    )


def erase_expired_contacts(today: dt.date, retention_days: int) -> int:
    """Erase the contact details of every submission past retention; how many were erased."""
    count = 0
    for submission in PublicSubmission.objects.due_for_erasure(today, retention_days):
        erase_submitter_contact(submission, today)
        count += 1
    return count
