"""The Police and Crime Panel: members, meetings, agenda, minutes, recommendations, actions,
forward plan, public questions and the precept (seed 002)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import models
from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pcplan.core.concurrency import Versioned
from pcplan.core.dates import long_date
from pcplan.delivery.models import Deliverable
from pcplan.lib.document_text import pdf_text
from pcplan.panel import deadlines, rules
from pcplan.partnerships.models import PANEL_KEY, Body, Membership, MembershipRole, panel_body
from pcplan.reports import meeting_reports


class PanelMemberQuerySet(models.QuerySet["PanelMember"]):
    def public(self) -> PanelMemberQuerySet:
        """Every member, past and present: their names are printed on every agenda."""
        return self.all()


class PanelMember(Versioned):
    """A seat-holder on the Panel over a period (seed 002, Membership)."""

    class Kind(models.TextChoices):
        COUNCILLOR = "councillor", _("Councillor")
        INDEPENDENT = "independent", _("Independent co-opted member")
        SUBSTITUTE = "substitute", _("Substitute councillor")

    class Office(models.TextChoices):
        MEMBER = "member", _("Member")
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice-chair", _("Vice-Chair")

    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    authority = models.CharField(max_length=120, blank=True)
    office = models.CharField(max_length=20, choices=Office.choices, default=Office.MEMBER)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    objects = PanelMemberQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def is_member_on(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)


def members_on(day: dt.date) -> models.QuerySet[PanelMember]:
    """Persons who are members of the Panel on `day` (substitutes are not members)."""
    return PanelMember.objects.exclude(kind=PanelMember.Kind.SUBSTITUTE).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day
    )


@dataclass(frozen=True)
class Expected:
    """One person or seat expected at a meeting, as the attendance form lists them: a Panel
    member (the Panel) or a membership of the body on the day (every other body)."""

    key: str  # the attendance form's field suffix: the member's id, or "seat-" and the seat's
    name: str
    member: PanelMember | None = None
    membership: Membership | None = None
    is_substitute: bool = False


# A body's seats in the order minutes name them: the chair first.
SEAT_ORDER = models.Case(
    *(
        models.When(role=role, then=models.Value(position))
        for position, role in enumerate(
            [
                MembershipRole.CHAIR,
                MembershipRole.VICE_CHAIR,
                MembershipRole.SENIOR_RESPONSIBLE_OWNER,
                MembershipRole.MEMBER,
            ]
        )
    ),
    default=models.Value(9),
)


def expected_at(meeting: Meeting) -> list[Expected]:
    """Who is expected at `meeting`: for the Panel, its members on the day and then its
    substitutes; for any other body, the seats held on the day (`Membership` over time),
    chair first."""
    if meeting.body.is_panel:
        members = [Expected(str(m.pk), m.name, member=m) for m in members_on(meeting.date)]
        substitutes = PanelMember.objects.filter(
            kind=PanelMember.Kind.SUBSTITUTE, start_date__lte=meeting.date
        ).exclude(end_date__lt=meeting.date)
        return members + [
            Expected(str(m.pk), m.name, member=m, is_substitute=True) for m in substitutes
        ]
    seats = (
        Membership.objects.on(meeting.date)
        .filter(body=meeting.body)
        .select_related("organisation")
        .order_by(SEAT_ORDER, "person", "organisation__name", "pk")
    )
    return [Expected(f"seat-{seat.pk}", str(seat), membership=seat) for seat in seats]


# The Panel's public rules, one queryset method each: the Panel's public pages, the API, the
# feeds, Popolo and search all read through these (tested once, in tests/panel/test_public.py).


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def public(self) -> MeetingQuerySet:
        """Meetings of bodies that meet in public (`Body.meetings_are_public`): the only
        meetings any public page, feed, calendar or the API may show."""
        return self.filter(body__in=Body.objects.meeting_in_public())

    def of_panel(self) -> MeetingQuerySet:
        """The Police and Crime Panel's meetings (the Panel's own pages read these)."""
        return self.filter(body__key=PANEL_KEY)

    def not_held(self) -> MeetingQuerySet:
        """Meetings still to come, by status (the forward plan reads these)."""
        return self.filter(status__in=[Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_PUBLISHED])

    def coming(self, today: dt.date) -> MeetingQuerySet:
        """Meetings on `today` or later, soonest first, whatever their status says."""
        return self.filter(date__gte=today).order_by("date", "time", "pk")

    def past(self, today: dt.date) -> MeetingQuerySet:
        """Meetings before `today`, latest first."""
        return self.filter(date__lt=today).order_by("-date", "-time", "-pk")

    def before(self, meeting: Meeting) -> MeetingQuerySet:
        return self.filter(Q(date__lt=meeting.date) | Q(date=meeting.date, pk__lt=meeting.pk))


class Meeting(Versioned):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        AGENDA_PUBLISHED = "agenda-published", _("Agenda published")
        HELD = "held", _("Held")
        MINUTES_APPROVED = "minutes-approved", _("Minutes approved")

    # Every body's meetings use this one engine (issue 11); the Panel is one body among them.
    # Left empty by code written for the Panel alone, it is the Panel (see `save`).
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField()
    time = models.TimeField(default=dt.time(13, 30))
    venue = models.CharField(max_length=300, blank=True)
    title = models.CharField(max_length=200, blank=True, help_text=_("For example AGM"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    agenda_published_on = models.DateField(null=True, blank=True)
    minutes_published = models.BooleanField(default=False)
    ended_at = models.TimeField(null=True, blank=True)
    minutes_approved_at = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_minutes_of",
        help_text=_("The meeting at which these minutes were approved"),
    )
    minutes_amendments = models.TextField(blank=True)

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "time"]
        # The meetings list and the previous/next meeting are read by date.
        indexes = [models.Index(fields=["date"], name="panel_meeting_date_idx")]

    def __str__(self) -> str:
        return long_date(self.date) + (f" – {self.title}" if self.title else "")

    def save(self, *args: object, **kwargs: object) -> None:
        if self.body_id is None:
            self.body = panel_body()
        super().save(*args, **kwargs)

    @property
    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.time, tzinfo=deadlines.LONDON)

    @property
    def question_deadline(self) -> dt.datetime:
        return deadlines.question_deadline(self.date)

    @property
    def statement_deadline(self) -> dt.datetime | None:
        if self.agenda_published_on is None:
            return None
        return deadlines.statement_deadline(self.agenda_published_on)

    def previous(self) -> Meeting | None:
        return (
            Meeting.objects.filter(body_id=self.body_id)
            .before(self)
            .order_by("-date", "-pk")
            .first()
        )

    @property
    def has_been_held(self) -> bool:
        return self.status in {self.Status.HELD, self.Status.MINUTES_APPROVED}

    def is_past(self, today: dt.date) -> bool:
        """Before `today`, or recorded as held: either way it is no longer coming."""
        return self.date < today or self.has_been_held

    def questions_open(self, today: dt.date) -> bool:
        return not self.is_past(today)

    @property
    def agenda_is_public(self) -> bool:
        return self.status != self.Status.SCHEDULED


def agenda_report_path(item: AgendaItem, filename: str) -> str:
    """Where a report is stored: by meeting, never by the uploaded name (which may be
    anything); a new upload never overwrites the file an earlier history record names."""
    return f"panel/meetings/{item.meeting_id}/item-{item.number}-{uuid.uuid4().hex}.pdf"


class AgendaItemQuerySet(models.QuerySet["AgendaItem"]):
    def public(self) -> AgendaItemQuerySet:
        """Items of published agendas (status past "scheduled"). An exempt item is listed, so
        the public knows the business exists; its papers are not (`with_public_papers`)."""
        return self.filter(meeting__in=Meeting.objects.public()).exclude(
            meeting__status=Meeting.Status.SCHEDULED
        )

    def with_public_papers(self) -> AgendaItemQuerySet:
        """Public items whose papers, note and page range the public may read: not exempt."""
        return self.public().filter(is_exempt=False)


class AgendaItem(Versioned):
    class ExemptParagraph(models.IntegerChoices):
        """Local Government Act 1972, Schedule 12A, Part 1: the descriptions of exempt
        information."""

        INDIVIDUAL = 1, _("1. Information relating to any individual")
        IDENTITY = 2, _("2. Information which is likely to reveal the identity of an individual")
        FINANCIAL = (
            3,
            _(
                "3. Information relating to the financial or business affairs of any particular "
                "person (including the authority holding that information)"
            ),
        )
        LABOUR = (
            4,
            _(
                "4. Information relating to any consultations or negotiations, or contemplated "
                "consultations or negotiations, in connection with any labour relations matter"
            ),
        )
        LEGAL = (
            5,
            _(
                "5. Information in respect of which a claim to legal professional privilege "
                "could be maintained in legal proceedings"
            ),
        )
        NOTICE = (
            6,
            _(
                "6. Information which reveals that the authority proposes to give a notice or "
                "to make an order or direction"
            ),
        )
        CRIME = (
            7,
            _(
                "7. Information relating to any action taken or to be taken in connection with "
                "the prevention, investigation or prosecution of crime"
            ),
        )

    class Kind(models.TextChoices):
        STANDARD = "standard", _("Report")
        PREVIOUS_MINUTES = "previous-minutes", _("Minutes of the previous meeting")
        ACTION_LOG = "action-log", _("Review of actions and recommendations")
        NO_PAPERS = "no-papers", _("No papers")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    presenting_body = models.CharField(max_length=120, blank=True)
    note = models.TextField(blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NO_PAPERS)
    # On the default storage (STORAGES["default"]), like generated reports: local files by
    # default, an S3-compatible bucket shared by stateless app servers by setting. Never
    # served directly: downloads go through a permission-checked view.
    report_file = models.FileField(
        upload_to=agenda_report_path, max_length=300, blank=True, editable=False
    )
    report_filename = models.CharField(max_length=200, blank=True)
    # The paper's words, read once when it is stored (pcplan.lib.document_text), for search;
    # searched by the public only while the item is public and not exempt (`with_public_papers`).
    report_text = models.TextField(blank=True, default="", editable=False)
    report_text_unreadable = models.BooleanField(default=False, editable=False)
    is_exempt = models.BooleanField(default=False)
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=ExemptParagraph.choices
    )
    first_page = models.PositiveIntegerField(null=True, blank=True)
    last_page = models.PositiveIntegerField(null=True, blank=True)
    deliverables = models.ManyToManyField(Deliverable, blank=True, related_name="panel_items")

    objects = AgendaItemQuerySet.as_manager()
    # The deliverables a report covers are part of the audit trail, like any other field.
    # The paper's text is read from the paper, which the history names: not copied into it.
    history = HistoricalRecords(
        m2m_fields=[deliverables], excluded_fields=["report_text", "report_text_unreadable"]
    )

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="panel_agenda_number_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def page_range(self) -> str:
        if self.first_page is None or self.last_page is None:
            return ""
        return page_range(self.first_page, self.last_page)

    @property
    def exemption_notice(self) -> str:
        """Why the papers are withheld, in the words councils print on their agendas."""
        if not self.is_exempt:
            return ""
        if self.exempt_paragraph is None:
            return str(_("Not for publication: exempt information."))
        return str(
            _(
                "Not for publication by virtue of paragraph %(number)s of Part 1 of "
                "Schedule 12A to the Local Government Act 1972."
            )
            % {"number": self.exempt_paragraph}
        )

    @property
    def has_report(self) -> bool:
        return bool(self.report_file)

    def put_paper(self, name: str, data: bytes) -> None:
        """Make the PDF `data` this item's paper (not saved yet), and read its text once, for
        search. A paper whose text cannot be read is stored all the same, and the staff
        meeting page says so (`report_text_unreadable`)."""
        self.report_file.save(name, ContentFile(data), save=False)
        self.report_filename = name[:200]
        self.kind = self.Kind.STANDARD
        text = pdf_text(data)
        self.report_text = text or ""
        self.report_text_unreadable = text is None

    def remove_paper(self) -> None:
        """No paper any more (not saved yet): nor its text in search."""
        self.report_file = ""
        self.report_filename = ""
        self.report_text = ""
        self.report_text_unreadable = False
        self.kind = self.Kind.NO_PAPERS

    def report_bytes(self) -> bytes:
        with self.report_file.open("rb") as report:
            data: bytes = report.read()
        return data


def page_range(first: int, last: int) -> str:
    """ "8" for a one-page paper, "8 - 10" for more."""
    return str(first) if first == last else f"{first} - {last}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        APOLOGIES = "apologies", _("Apologies")
        SUBSTITUTE = "substitute", _("Present as substitute")
        ABSENT = "absent", _("Absent")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    # The Panel's members are PanelMembers; every other body's are its memberships over time
    # (issue 11). One of the two, never both (see `expected_at`).
    member = models.ForeignKey(
        PanelMember, null=True, blank=True, on_delete=models.PROTECT, related_name="attendances"
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("membership"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    substitute_for = models.ForeignKey(
        PanelMember, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="panel_attendance_uniq"),
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="panel_attendance_membership_uniq"
            ),
            models.CheckConstraint(
                condition=Q(member__isnull=False, membership__isnull=True)
                | Q(member__isnull=True, membership__isnull=False),
                name="panel_attendance_one_person",
            ),
        ]

    @property
    def name(self) -> str:
        """As minutes print it: the Panel member's name, or the seat's public label."""
        if self.member is not None:
            return self.member.name
        return self.membership.public_label if self.membership else ""

    @property
    def office(self) -> str:
        """ "chair" or "vice-chair" for those who held the chair on the day, else ""."""
        if self.member is not None:
            return self.member.office
        if self.membership is not None and self.membership.role in {"chair", "vice-chair"}:
            return self.membership.role
        return ""


class OtherAttendee(models.Model):
    class Kind(models.TextChoices):
        OFFICER = "officer", _("Officers present")
        OTHER = "other", _("Others present")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="others_present")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "pk"]


class DeclarationQuerySet(models.QuerySet["Declaration"]):
    def readable(self, *, include_exempt: bool) -> DeclarationQuerySet:
        """A declaration tied to an exempt item says what the item is about: it is as private
        as the item's papers."""
        declarations = self.select_related("member", "agenda_item")
        if include_exempt:
            return declarations
        return declarations.exclude(agenda_item__is_exempt=True)


class Declaration(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    member = models.ForeignKey(PanelMember, on_delete=models.PROTECT, related_name="+")
    agenda_item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL)
    interest = models.TextField()

    history = HistoricalRecords()

    objects = DeclarationQuerySet.as_manager()


class MinuteItemQuerySet(models.QuerySet["MinuteItem"]):
    def public(self) -> MinuteItemQuerySet:
        """Minutes of meetings whose minutes are published; exempt minutes never."""
        return self.filter(
            meeting__in=Meeting.objects.public(), meeting__minutes_published=True, is_exempt=False
        )


class MinuteItem(Versioned):
    """A numbered minute. Numbers run on across meetings and are never reused (seed 002)."""

    class Resolution(models.TextChoices):
        NONE = "", _("None")
        NOTED = "noted", _("NOTED")
        AGREED = "agreed", _("AGREED")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minute_items")
    # The meeting's body, kept on the minute so that the database holds each body's numbers
    # unique (issue 11): the Board's minute 1 is not the Panel's. Set from the meeting.
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="+", editable=False
    )
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    resolution = models.CharField(max_length=10, choices=Resolution.choices, blank=True)
    resolution_text = models.TextField(blank=True)
    # Minutes of business taken in private are for members only, like exempt papers.
    is_exempt = models.BooleanField(default=False)

    objects = MinuteItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["body", "number"], name="panel_minute_number_per_body")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.meeting_id is not None:
            self.body_id = self.meeting.body_id
        super().save(*args, **kwargs)


def last_minute_number_used(body: Body | None = None) -> int:
    """The highest minute number `body` (the Panel when None) ever used, including minutes
    since deleted (from history). Each body numbers its own minutes (issue 11); the Panel's
    run on from where its paper record stopped."""
    body = body or panel_body()
    live = MinuteItem.objects.filter(body=body).aggregate(n=Max("number"))["n"] or 0
    past = MinuteItem.history.filter(body=body).aggregate(n=Max("number"))["n"] or 0
    starts_after = rules.MINUTE_NUMBERING_STARTS_AFTER if body.is_panel else 0
    return max(live, past, starts_after)


class MinuteQuestion(models.Model):
    """A numbered question and answer within a minute (seed 002, minute 45, 1-24)."""

    minute = models.ForeignKey(MinuteItem, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["minute", "number"]


class RecommendationQuerySet(models.QuerySet["Recommendation"]):
    def public(self) -> RecommendationQuerySet:
        """Every recommendation is public; its response only once published
        (`Recommendation.public_response`)."""
        return self.filter(meeting__in=Meeting.objects.public())


class Recommendation(Versioned):
    """A recommendation from the Panel to the Commissioner, tracked to his response."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="recommendations")
    minute = models.ForeignKey(MinuteItem, null=True, blank=True, on_delete=models.SET_NULL)
    text = models.TextField()
    made_on = models.DateField()
    response_due = models.DateField()
    deliverables = models.ManyToManyField(
        Deliverable, blank=True, related_name="panel_recommendations"
    )
    response_text = models.TextField(blank=True)
    response_date = models.DateField(null=True, blank=True)
    response_published = models.BooleanField(default=False)
    closed = models.BooleanField(default=False)

    objects = RecommendationQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[deliverables])

    class Meta:
        ordering = ["-made_on", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_open(self) -> bool:
        return not self.closed


class Action(Versioned):
    """An entry in the action log, reviewed at the next meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions")
    item = models.CharField(max_length=300)
    action = models.TextField()
    owner = models.CharField(max_length=120, blank=True)
    outcome = models.TextField(blank=True)
    closed = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting__date", "pk"]


class ForwardPlanItem(Versioned):
    """A planned item for a future meeting; moving it changes `meeting` (kept in history)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="planned_items")
    title = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)
    requested_at = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="requested_items"
    )
    # The report pcplan generates for the item, if it is one ("Commissioning and Grants"):
    # a key of the one registry of such reports, empty for any other item.
    report = models.CharField(
        _("report generated for it"),
        max_length=40,
        blank=True,
        choices=meeting_reports.choices,
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting__date", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def generated_report(self) -> meeting_reports.MeetingReport | None:
        return meeting_reports.get(self.report)


class PublicSubmissionQuerySet(models.QuerySet["PublicSubmission"]):
    def due_for_erasure(self, today: dt.date, retention_days: int) -> PublicSubmissionQuerySet:
        """Submissions whose meeting was more than `retention_days` ago and whose submitter's
        contact details are still held."""
        return self.filter(
            meeting__date__lte=today - dt.timedelta(days=retention_days),
            contact_erased_on__isnull=True,
        )


class PublicSubmission(Versioned):
    """A public question or statement (seed 002, agenda item 5 and footnote)."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question")
        STATEMENT = "statement", _("Statement")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="submissions")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=120)
    contact = models.CharField(max_length=200)
    text = models.TextField()
    received_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    is_late = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVED)
    reason = models.TextField(blank=True)
    # The contact details are kept to reply; blanked PCPLAN_SUBMISSION_RETENTION_DAYS after the
    # meeting by `pcplan erase-expired-personal-data` (services.erase_submitter_contact).
    contact_erased_on = models.DateField(null=True, blank=True, editable=False)

    history = HistoricalRecords()

    objects = PublicSubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["received_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.name}"


class PreceptQuerySet(models.QuerySet["Precept"]):
    def public(self) -> PreceptQuerySet:
        """The precepts the Panel has reported on (its report is public once made)."""
        return self.exclude(report_date=None)


class Precept(Versioned):
    """The Commissioner's proposed precept and the Panel's review (PRSRA 2011 Sch 5)."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Not yet decided")
        NO_VETO = "no-veto", _("Not vetoed")
        VETO_TOO_HIGH = "veto-too-high", _("Vetoed: too high")
        VETO_TOO_LOW = "veto-too-low", _("Vetoed: too low")

    financial_year_start = models.PositiveSmallIntegerField(unique=True)
    band_d = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    previous_band_d = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    notified_on = models.DateField()
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL)
    members_at_decision = models.PositiveSmallIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.PENDING)
    unanimous = models.BooleanField(default=False)
    decision_text = models.TextField(blank=True)
    report_date = models.DateField(null=True, blank=True)
    signed_by = models.CharField(max_length=120, blank=True)
    response_text = models.TextField(blank=True)
    response_date = models.DateField(null=True, blank=True)
    response_published = models.BooleanField(default=False)
    revised_band_d = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)

    objects = PreceptQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-financial_year_start"]

    def __str__(self) -> str:
        return f"Precept {self.year_label}"

    @property
    def year_label(self) -> str:
        return f"{self.financial_year_start}/{(self.financial_year_start + 1) % 100:02d}"

    @property
    def increase(self) -> tuple[Decimal, Decimal] | None:
        from pcplan.panel.precept import increase

        if self.band_d is None or self.previous_band_d is None:
            return None
        return increase(self.previous_band_d, self.band_d)


class PreceptVote(models.Model):
    class Vote(models.TextChoices):
        VETO = "veto", _("For a veto")
        NO_VETO = "no-veto", _("Against a veto")
        ABSTAIN = "abstain", _("Abstained")
        ABSENT = "absent", _("Not present")

    precept = models.ForeignKey(Precept, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(PanelMember, on_delete=models.PROTECT, related_name="+")
    vote = models.CharField(max_length=10, choices=Vote.choices)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["precept", "member"], name="panel_precept_vote_uniq")
        ]
