"""Partnerships and boards (issue 11): the bodies the office works through, who sits on them
over time, the organisations' statutory roles, the CSPs' duties and the issued plan's copies.

The seeds' landscape (seed 004 §5.2–6.3; seed 002 item 7 §4.4–5.6, §7) is a tree of bodies:
strategic boards, the criminal justice board and its sub-groups, countywide delivery groups,
networks linking the office to the CSPs, and the CSPs themselves.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import Versioned
from pcplan.core.dates import long_date
from pcplan.core.models import CommunitySafetyPartnership, Organisation
from pcplan.core.office import current_office
from pcplan.core.publishing import Publishable
from pcplan.delivery.models import Deliverable
from pcplan.performance.models import Measure
from pcplan.plans.models import Plan, Theme


class BodyKind(models.TextChoices):
    """Kinds of body, in the order the landscape of seed 004 §5.2 lists them."""

    STRATEGIC_BOARD = "strategic-board", _("Strategic board")
    CRIMINAL_JUSTICE_BOARD = "criminal-justice-board", _("Criminal justice board")
    CRIMINAL_JUSTICE_SUB_GROUP = "criminal-justice-sub-group", _("Criminal justice sub-group")
    DELIVERY_GROUP = "delivery-group", _("Delivery group")
    NETWORK = "network", _("Network")
    CSP = "csp", _("Community Safety Partnership")
    # Seed 002 item 7 §4.4: tactical partners dealing with individual local issues for a CSP.
    PROBLEM_SOLVING_GROUP = "problem-solving-group", _("Problem Solving Group")
    SCRUTINY_PANEL = "scrutiny-panel", _("Scrutiny panel")


# The Police and Crime Panel is one body among the others (issue 11): its meetings are the
# meetings engine's first, and the Panel's pages read the meetings of this body.
PANEL_KEY = "police-and-crime-panel"


class BodyQuerySet(models.QuerySet["Body"]):
    def public(self) -> BodyQuerySet:
        """Bodies the public may see: published ones. What of them is shown depends on
        `meetings_public` (see `Body.shows_details_publicly`)."""
        return self.filter(is_published=True)

    def meeting_in_public(self) -> BodyQuerySet:
        """Bodies whose meetings, papers and minutes the public may read: published bodies
        that meet in public. A private body's meetings appear on no public page."""
        return self.filter(is_published=True, meetings_public=True)

    def held_by_the_office(self) -> BodyQuerySet:
        """Bodies whose meetings are the policing body's own, as SI 2011/3050 Sch. para 5
        means them ("each public meeting to be held by the elected local policing body"):
        not the Panel or another scrutiny panel (held by the councils that appoint it), nor
        a CSP or its problem-solving groups (the Responsible Authorities' partnership)."""
        return self.exclude(kind__in=COUNCIL_HELD_KINDS)


# Kinds of body the councils hold, not the policing body (see `held_by_the_office`).
COUNCIL_HELD_KINDS = (BodyKind.SCRUTINY_PANEL, BodyKind.CSP, BodyKind.PROBLEM_SOLVING_GROUP)


class Body(Versioned, Publishable):
    """A partnership, board, group or network (seed 004 §5.2)."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=40, choices=BodyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    purpose = models.TextField(
        _("purpose"), blank=True, help_text=_("What the body is for, in a sentence or two.")
    )
    terms_of_reference = models.TextField(_("terms of reference"), blank=True)
    meetings_public = models.BooleanField(
        _("meets in public"),
        default=False,
        help_text=_("A private body appears on the public landscape by name and priorities only."),
    )
    csp = models.OneToOneField(
        CommunitySafetyPartnership,
        verbose_name=_("Community Safety Partnership of the office profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="body",
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("plan themes"), blank=True, related_name="bodies"
    )
    deliverables = models.ManyToManyField(
        Deliverable, verbose_name=_("deliverables"), blank=True, related_name="bodies"
    )
    measures = models.ManyToManyField(
        Measure, verbose_name=_("measures"), blank=True, related_name="bodies"
    )
    position = models.PositiveIntegerField(default=0)

    objects = BodyQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[themes, deliverables, measures])

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self) -> str:
        return self.name

    def may_be_published_by(self, user: models.Model) -> bool:
        from pcplan.partnerships.permissions import can_keep_partnerships

        return can_keep_partnerships(user)

    @property
    def shows_details_publicly(self) -> bool:
        """A body meeting in private shows the public its name, place and priorities only:
        not its terms of reference, members or chair (seed 004 §5.4: delivery groups are
        chaired by lead officers, whose names are theirs to publish)."""
        return self.meetings_public

    @property
    def is_csp(self) -> bool:
        return self.kind == BodyKind.CSP

    @property
    def is_panel(self) -> bool:
        return self.key == PANEL_KEY

    @property
    def meetings_are_public(self) -> bool:
        """The rule of `BodyQuerySet.meeting_in_public`, for one body."""
        return self.is_published and self.meetings_public


def panel_body() -> Body:
    """The Panel as a body, made from the office profile the first time a meeting needs it
    (the migration that gave meetings a body made it the same way for existing data)."""
    body = Body.objects.filter(key=PANEL_KEY).first()
    if body is not None:
        return body
    body = Body(
        key=PANEL_KEY,
        name=current_office().panel,
        kind=BodyKind.SCRUTINY_PANEL,
        meetings_public=True,
        is_published=True,
        published_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            attributed_to(body, None, "Made for the Panel's meetings").save()
    except IntegrityError:  # made at the same moment by another request
        return Body.objects.get(key=PANEL_KEY)
    return body


class BodyPriority(models.Model):
    """One of a body's priorities (seed 004 §5.2: the Harms Board's four)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="priorities")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("title"), max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class MembershipRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice-chair", _("Vice-chair")
    SENIOR_RESPONSIBLE_OWNER = "senior-responsible-owner", _("Senior Responsible Owner")
    MEMBER = "member", _("Member")


class MembershipQuerySet(models.QuerySet["Membership"]):
    def on(self, day: dt.date) -> MembershipQuerySet:
        """Memberships held on `day`: started on or before it, not ended before it."""
        return self.filter(starts_on__lte=day).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))

    def chairs_on(self, body: Body, day: dt.date) -> MembershipQuerySet:
        return self.on(day).filter(body=body, role=MembershipRole.CHAIR)

    def chair_on(self, body: Body, day: dt.date) -> Membership | None:
        """Who chaired `body` on `day` (e.g. the CJB, seed 004 §6.2), or None."""
        return self.chairs_on(body, day).order_by("-starts_on").first()


class Membership(models.Model):
    """A seat on a body held by an organisation, a person, or a person for an organisation,
    from `starts_on` to `ends_on` (inclusive; open while it goes on)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    person = models.CharField(
        _("person"),
        max_length=200,
        blank=True,
        help_text=_("Name and title, as papers print them; leave empty for the organisation."),
    )
    role = models.CharField(
        _("role"), max_length=30, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "role", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(person="") | Q(organisation__isnull=False),
                name="membership_names_someone",
            ),
        ]
        indexes = [
            # chair_on(body, day): the body's seats of one role, by date.
            models.Index(fields=["body", "role", "starts_on"], name="membership_body_role_start"),
        ]

    def __str__(self) -> str:
        who = self.person or str(self.organisation)
        if self.person and self.organisation_id:
            who = f"{self.person} ({self.organisation})"
        return f"{who}, {self.get_role_display()}"

    @property
    def public_label(self) -> str:
        """How a public page names the seat: people only in the roles papers name them in
        (chair, vice-chair, Senior Responsible Owner); other members by organisation."""
        if self.role != MembershipRole.MEMBER and self.person:
            return self.person
        if self.organisation_id:
            return str(self.organisation)
        return str(_("A member"))


class StatutoryRole(models.TextChoices):
    RESPONSIBLE_AUTHORITY = (
        "responsible-authority",
        _("Responsible Authority (Crime and Disorder Act 1998 s.5)"),
    )
    CRIMINAL_JUSTICE_AGENCY = (
        "criminal-justice-agency",
        _("Criminal justice body (Police Reform and Social Responsibility Act 2011 s.10)"),
    )
    CHIEF_CONSTABLE = "chief-constable", _("Chief Constable of the force")


class PartnerOrganisationQuerySet(models.QuerySet["PartnerOrganisation"]):
    def plan_recipients(self) -> PartnerOrganisationQuerySet:
        """The Chief Constable and every Responsible Authority (seed 000 §6.3)."""
        return self.filter(Q(chief_constable=True) | Q(responsible_authority=True))


class PartnerOrganisation(models.Model):
    """An organisation's statutory roles towards the office, and where its copies go.

    Kept beside core's Organisation (not on it) so that this app owns its records.
    """

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="partner"
    )
    responsible_authority = models.BooleanField(
        _("Responsible Authority"),
        default=False,
        help_text=_(
            "Crime and Disorder Act 1998 s.5: wholly or partly in the police area; receives "
            "the issued Police and Crime Plan."
        ),
    )
    criminal_justice_agency = models.BooleanField(_("criminal justice agency"), default=False)
    chief_constable = models.BooleanField(
        _("Chief Constable"),
        default=False,
        help_text=_("The force whose Chief Constable receives the issued plan."),
    )
    email = models.EmailField(
        _("email for statutory copies"),
        blank=True,
        help_text=_("Where the issued Police and Crime Plan is sent."),
    )

    objects = PartnerOrganisationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def roles(self) -> list[str]:
        shown = []
        if self.chief_constable:
            shown.append(str(StatutoryRole.CHIEF_CONSTABLE.label))
        if self.responsible_authority:
            shown.append(str(StatutoryRole.RESPONSIBLE_AUTHORITY.label))
        if self.criminal_justice_agency:
            shown.append(str(StatutoryRole.CRIMINAL_JUSTICE_AGENCY.label))
        return shown


class CspDocumentQuerySet(models.QuerySet["CspDocument"]):
    def public(self, today: dt.date) -> CspDocumentQuerySet:
        """Documents the public may be pointed to: those the CSP has published at a web address,
        dated on or before `today`, of a CSP whose body is published. A document recorded
        without its address is the office's note of it, not a publication (SI 2011/3050 Sch.
        para 7 asks for a copy of the report: the address is where the copy is)."""
        return self.filter(
            body__in=Body.objects.public(), body__kind=BodyKind.CSP, dated__lte=today
        ).exclude(url="")


class CspDocument(models.Model):
    """A CSP's dated Community Safety Plan or strategic assessment (seed 004 §5.5)."""

    class Kind(models.TextChoices):
        COMMUNITY_SAFETY_PLAN = "community-safety-plan", _("Community Safety Plan")
        STRATEGIC_ASSESSMENT = "strategic-assessment", _("Strategic assessment")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="csp_documents")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    dated = models.DateField(_("dated"))
    url = models.URLField(_("web address"), blank=True)
    priorities = models.TextField(_("priorities"), blank=True, help_text=_("One priority a line."))

    objects = CspDocumentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "-dated"]

    def __str__(self) -> str:
        return self.title

    @property
    def priority_list(self) -> list[str]:
        return [line.strip() for line in self.priorities.splitlines() if line.strip()]


class ScrutinyQuerySet(models.QuerySet["Scrutiny"]):
    def last_for(self, body: Body) -> Scrutiny | None:
        return self.filter(body=body).order_by("-held_on").first()


class Scrutiny(models.Model):
    """A crime and disorder committee's scrutiny of a CSP (Police and Justice Act 2006 s.19)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="scrutinies")
    committee = models.CharField(_("committee"), max_length=200)
    held_on = models.DateField(_("held on"))
    notes = models.TextField(_("notes"), blank=True)

    objects = ScrutinyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "-held_on"]
        verbose_name_plural = _("scrutinies")

    def __str__(self) -> str:
        return f"{self.committee}, {long_date(self.held_on, padded=True)}"


class PlanCopy(models.Model):
    """The issued plan sent to one recipient (seed 000 §6.3), when and by whom."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="copies_sent")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="plan_copies"
    )
    email = models.EmailField(_("sent to"))
    sent_at = models.DateTimeField(_("sent at"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "organisation"], name="plan_copy_once"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} → {self.organisation}"


class LocalIssue(Versioned):
    """A local issue of concern a CSP or its Problem Solving Group works on (seed 002 item 7
    §4.4–5.3: bike theft, fly tipping, anti-social behaviour...), with the public concerns it
    answers. Staff records: the public sees none of it."""

    class Status(models.TextChoices):
        OPEN = "open", _("Being worked on")
        RESOLVED = "resolved", _("Resolved")
        CLOSED = "closed", _("Closed without resolution")

    # Empty when the source does not say which CSP (seed 002 item 7 §5.4 gives examples
    # "reported to a CSP" without naming it); staff record issues from a body's page.
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.CASCADE, related_name="local_issues"
    )
    title = models.CharField(_("issue"), max_length=200)
    description = models.TextField(_("what is being done"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    opened_on = models.DateField(_("taken on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    concerns = models.ManyToManyField(
        "engagement.Concern",
        verbose_name=_("public concerns it answers"),
        blank=True,
        related_name="local_issues",
    )

    history = HistoricalRecords(m2m_fields=[concerns])

    class Meta:
        ordering = ["body", "-opened_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("opened_on")),
                name="local_issue_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title


# Seed 002 item 7 §5.3: problem-solving posts in the CSPs, funded "through to March 2025".
PROBLEM_SOLVING_BODY_KINDS = frozenset({BodyKind.CSP, BodyKind.PROBLEM_SOLVING_GROUP})


class FundedPostQuerySet(models.QuerySet["FundedPost"]):
    def funded_on(self, day: dt.date) -> FundedPostQuerySet:
        return self.filter(
            Q(funded_from__isnull=True) | Q(funded_from__lte=day), funded_until__gte=day
        )


class FundedPost(models.Model):
    """A post the office funds in a CSP, hosted by an organisation (seed 002 item 7 §5.3:
    four CSPs' problem-solving posts, hosted by the local authorities, to March 2025)."""

    # Empty when the source does not say which CSP (seed 002 item 7 §5.3: "four areas").
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.CASCADE, related_name="funded_posts"
    )
    title = models.CharField(_("post"), max_length=200)
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("hosted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="funded_posts",
    )
    funded_from = models.DateField(_("funded from"), null=True, blank=True)
    funded_until = models.DateField(_("funded until"))
    amount = models.DecimalField(
        _("funding (£)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The whole award for the post; leave empty when not known."),
    )
    notes = models.TextField(_("notes"), blank=True)
    # The grant that pays for the post (issue 11 item 5), shown on both records.
    award = models.ForeignKey(
        "grants.Award",
        verbose_name=_("grant award"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funded_posts",
    )

    objects = FundedPostQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "funded_until", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(funded_until__gte=models.F("funded_from")),
                name="funded_post_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.body})" if self.body_id else self.title

    def ends_within(self, today: dt.date, days: int) -> bool:
        """Funding runs out within `days` of `today` (and has not already)."""
        return today <= self.funded_until <= today + dt.timedelta(days=days)
