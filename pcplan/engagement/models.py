"""Engagement: what the public says, and what was done about it (issue 12).

Consultations and their imported survey responses, the findings that link them to the plan
("You said, we did"), public concerns (personal data, staff-only), events and District
Days, and communications output. Areas are the office profile's Community Safety
Partnerships, stored by name as the performance pages store them (`csp_areas()`); blank
means the whole force area or not given.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pcplan.core.concurrency import Versioned
from pcplan.core.dates import long_date
from pcplan.core.models import Organisation, User
from pcplan.core.publishing import Publishable
from pcplan.delivery.models import Deliverable
from pcplan.engagement import permissions, rules
from pcplan.plans.models import Plan, Theme


class ConsultationQuerySet(models.QuerySet["Consultation"]):
    def public(self) -> ConsultationQuerySet:
        """What anyone may see: published consultations (the one meaning of public here)."""
        return self.filter(is_published=True)


class Consultation(Versioned, Publishable):
    """A consultation or survey: why, when, with whom, through which channels, and results."""

    class Purpose(models.TextChoices):
        PLAN = "plan", _("The plan's objectives")
        PRECEPT = "precept", _("The precept")
        VICTIMS = "victims", _("Victims' views")
        TOPIC = "topic", _("A topic")

    key = models.SlugField(_("short name"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
        help_text=_("The plan whose themes the responses are counted against."),
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    audience = models.CharField(_("audience"), max_length=300, blank=True)
    channels = models.TextField(_("channels used"), blank=True)
    results = models.TextField(_("results"), blank=True)

    history = HistoricalRecords()
    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "title"]

    def __str__(self) -> str:
        return self.title

    def may_be_published_by(self, user: models.Model) -> bool:
        return isinstance(user, User) and permissions.may_run_engagement(user)


class SurveyImport(models.Model):
    """One file of survey responses imported into a consultation (its hash refuses a repeat)."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="imports")
    file_name = models.CharField(max_length=255)
    file_hash = models.CharField(max_length=64)
    mapping = models.JSONField(default=dict)
    rows_read = models.PositiveIntegerField(default=0)
    responses_added = models.PositiveIntegerField(default=0)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-imported_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "file_hash"], name="survey_file_imported_once"
            )
        ]


class SurveyResponse(models.Model):
    """One anonymous response: when, which area, the theme it rated first, the issues raised.

    No names or contact details are imported (the mapping has no column for them). Not kept
    in history: responses are never edited, only imported, and the import itself is audited.
    """

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses"
    )
    survey_import = models.ForeignKey(
        SurveyImport, on_delete=models.CASCADE, related_name="responses"
    )
    row = models.PositiveIntegerField()
    content_hash = models.CharField(max_length=64)
    responded_on = models.DateField(null=True, blank=True)
    area = models.CharField(max_length=200, blank=True)
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issues = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "content_hash"], name="survey_response_imported_once"
            )
        ]


class FindingQuerySet(models.QuerySet["Finding"]):
    def public(self) -> FindingQuerySet:
        """Published findings of published consultations."""
        return self.filter(is_published=True, consultation__is_published=True)


class Finding(Versioned, Publishable):
    """ "You said, we did": an issue the public raised and what was done, linked to the plan."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="findings"
    )
    area = models.CharField(_("area"), max_length=200, blank=True)
    you_said = models.TextField(_("you said"))
    we_did = models.TextField(_("we did"))
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("plan theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="engagement_findings",
    )
    deliverables = models.ManyToManyField(
        Deliverable, verbose_name=_("deliverables"), blank=True, related_name="engagement_findings"
    )
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords(m2m_fields=[deliverables])
    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["consultation", "position", "id"]

    def __str__(self) -> str:
        return self.you_said[:80]

    def may_be_published_by(self, user: models.Model) -> bool:
        return isinstance(user, User) and permissions.may_run_engagement(user)


class EventQuerySet(models.QuerySet["Event"]):
    def public(self) -> EventQuerySet:
        """Published events (the public sees title, kind, date, place and area only)."""
        return self.filter(is_published=True)


class Event(Versioned, Publishable):
    """An engagement event: a District Day, a round table, a public meeting, a school visit."""

    class Kind(models.TextChoices):
        DISTRICT_DAY = "district-day", _("District Day")
        ROUND_TABLE = "round-table", _("Round table")
        PUBLIC_MEETING = "public-meeting", _("Public engagement event")
        SCHOOL_VISIT = "school-visit", _("School visit")
        OTHER = "other", _("Other event")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    area = models.CharField(_("area"), max_length=200, blank=True)
    attended_by = models.TextField(
        _("who attended"),
        blank=True,
        help_text=_(
            "People, roles and bodies not in the list; staff-only, never shown to the public."
        ),
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisations that attended"),
        blank=True,
        related_name="events_attended",
        help_text=_("Shown on the public page once the event is published."),
    )
    issues_raised = models.TextField(_("issues raised"), blank=True)
    theme = models.ForeignKey(
        Theme, verbose_name=_("plan theme"), null=True, blank=True, on_delete=models.PROTECT
    )

    history = HistoricalRecords(m2m_fields=[organisations])
    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]

    def __str__(self) -> str:
        return f"{self.title} ({long_date(self.date, padded=True)})"

    def may_be_published_by(self, user: models.Model) -> bool:
        return isinstance(user, User) and permissions.may_run_engagement(user)


class ConcernQuerySet(models.QuerySet["Concern"]):
    def open(self) -> ConcernQuerySet:
        return self.filter(closed_on__isnull=True)

    def due_for_erasure(self, today: dt.date, retention_days: int) -> ConcernQuerySet:
        """Closed concerns whose personal details are past retention (rules.erasure_due)."""
        return self.filter(
            closed_on__isnull=False,
            closed_on__lte=today - dt.timedelta(days=retention_days),
            personal_data_erased_on__isnull=True,
        )

    def published_examples(self) -> ConcernQuerySet:
        """The anonymised examples an officer chose to publish (the only public text)."""
        return self.filter(example_is_published=True).exclude(public_example="")


class Concern(Versioned):
    """A concern raised by a resident, councillor or business, and what was done about it.

    The raiser's details are personal data: staff-only, and blanked after the retention
    period (`pcplan erase-expired-personal-data`). The public sees counts by area, topic and
    outcome, and the anonymised `public_example` when an officer publishes it.
    """

    class RaisedBy(models.TextChoices):
        RESIDENT = "resident", _("Resident")
        COUNCILLOR = "councillor", _("Councillor")
        BUSINESS = "business", _("Business")
        OTHER = "other", _("Other")

    class Topic(models.TextChoices):
        ASB = "asb", _("Anti-social behaviour")
        BIKE_THEFT = "bike-theft", _("Bike theft")
        BURGLARY = "burglary", _("Burglary")
        DRUGS = "drugs", _("Drugs")
        FLY_TIPPING = "fly-tipping", _("Fly-tipping")
        RURAL_CRIME = "rural-crime", _("Rural crime")
        ROAD_SAFETY = "road-safety", _("Speeding and road safety")
        VISIBILITY = "visibility", _("Police visibility and accessibility")
        VIOLENCE = "violence", _("Violence")
        OTHER = "other", _("Other")

    class Outcome(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")
        REFERRED = "referred", _("Referred and closed")
        NO_FURTHER_ACTION = "no-further-action", _("No further action")

    PERSONAL_FIELDS = ("raiser_name", "raiser_email", "raiser_phone", "raiser_address")
    # Free text that may name people: erased with the details (services.erase_personal_data).
    CASE_NOTE_FIELDS = ("summary", "actions", "response")

    received_on = models.DateField(_("received on"))
    raised_by = models.CharField(_("raised by"), max_length=20, choices=RaisedBy.choices)
    raiser_name = models.CharField(_("name"), max_length=200, blank=True)
    raiser_email = models.EmailField(_("email"), blank=True)
    raiser_phone = models.CharField(_("phone"), max_length=40, blank=True)
    raiser_address = models.TextField(_("address"), blank=True)
    area = models.CharField(_("area"), max_length=200, blank=True)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    theme = models.ForeignKey(
        Theme, verbose_name=_("plan theme"), null=True, blank=True, on_delete=models.PROTECT
    )
    summary = models.TextField(_("the concern"))
    event = models.ForeignKey(
        Event,
        verbose_name=_("raised at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="concerns",
    )
    referred_to = models.ForeignKey(
        Organisation,
        verbose_name=_("referred to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actions = models.TextField(_("actions"), blank=True)
    response = models.TextField(_("response sent"), blank=True)
    responded_on = models.DateField(_("response sent on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.OPEN
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    public_example = models.TextField(
        _("anonymised example"),
        blank=True,
        help_text=_("Written for the public: no names, addresses or details that identify anyone."),
    )
    example_is_published = models.BooleanField(_("publish the anonymised example"), default=False)
    personal_data_erased_on = models.DateField(null=True, blank=True, editable=False)

    history = HistoricalRecords()
    objects = ConcernQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return _("Concern %(id)s: %(topic)s") % {"id": self.pk, "topic": self.get_topic_display()}

    def days_open(self, today: dt.date) -> int:
        return rules.days_open(self.received_on, self.closed_on, today)


class CommsOutputQuerySet(models.QuerySet["CommsOutput"]):
    def between(self, start: dt.date, end: dt.date) -> CommsOutputQuerySet:
        return self.filter(date__gte=start, date__lte=end)


class CommsOutput(Versioned):
    """One piece of communications output: a press release, social post or statement."""

    class Kind(models.TextChoices):
        PRESS_RELEASE = "press-release", _("Press release")
        SOCIAL_POST = "social-post", _("Social media post")
        STATEMENT = "statement", _("Response or statement")
        NEWSLETTER = "newsletter", _("Newsletter")
        LEAFLET = "leaflet", _("Information leaflet")

    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    channel = models.CharField(
        _("channel"), max_length=80, blank=True, help_text=_("E.g. Facebook, local media.")
    )
    title = models.CharField(_("title"), max_length=300)
    theme = models.ForeignKey(
        Theme, verbose_name=_("plan theme"), null=True, blank=True, on_delete=models.PROTECT
    )

    history = HistoricalRecords()
    objects = CommsOutputQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "id"]
        indexes = [
            # The Panel report counts output by kind over a period.
            models.Index(fields=["date", "kind"], name="comms_output_date_kind"),
        ]

    def __str__(self) -> str:
        return self.title


def new_token() -> str:
    """An unguessable token for a confirmation or unsubscribe link (256 bits)."""
    return secrets.token_urlsafe(32)


class SubscriptionQuerySet(models.QuerySet["Subscription"]):
    def confirmed(self) -> SubscriptionQuerySet:
        """Only confirmed addresses get anything but the confirmation (double opt-in)."""
        return self.filter(confirmed_at__isnull=False)


class Subscription(models.Model):
    """A member of the public's sign-up for updates, by email, with no account.

    The address is personal data: never on a page, feed or export, not kept in history, and
    deleted outright on unsubscribing.
    """

    class Kind(models.TextChoices):
        DELIVERY = "delivery", _("Progress on the plan")
        MEETINGS = "meetings", _("Panel meetings and papers")
        CONSULTATIONS = "consultations", _("Consultations and their results")
        EVENTS = "events", _("Events and District Days")
        GRANTS = "grants", _("Grants awarded")

    email = models.EmailField(_("email address"), unique=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="+")
    areas = models.JSONField(default=list, blank=True)
    kinds = models.JSONField(default=list, blank=True)
    confirm_token = models.CharField(max_length=64, unique=True, default=new_token)
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    def __str__(self) -> str:
        return _("Subscription %(id)s") % {"id": self.pk}


class CommsObjective(Versioned):
    """A communications and engagement objective for a theme of the plan (seed 002 item 6
    §11, "Communications and Engagement Strategic Objectives 2022 – 24")."""

    theme = models.ForeignKey(
        Theme, verbose_name=_("plan theme"), on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("objective"))
    period = models.CharField(_("period"), max_length=40, blank=True, help_text=_("E.g. 2022–24"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["theme__position", "position", "id"]

    def __str__(self) -> str:
        return self.text[:80]
