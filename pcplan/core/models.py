from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pcplan.core.concurrency import Versioned


class Organisation(models.Model):
    """A body that leads or partners in delivering the plan (seed 004 §5.1–5.2)."""

    class Kind(models.TextChoices):
        OPCC = "opcc", "Office of the Police and Crime Commissioner"
        POLICE = "police", "Police force"
        CSP = "csp", "Community Safety Partnership"
        LOCAL_AUTHORITY = "local-authority", "Local authority"
        GOVERNMENT = "government", "Government department"
        CRIMINAL_JUSTICE = "criminal-justice", "Criminal justice agency"
        PROBATION = "probation", "Probation"
        PRISON = "prison", "Prison"
        HEALTH = "health", "Health"
        COMBINED_AUTHORITY = "combined-authority", "Combined authority"
        VOLUNTARY = "voluntary", "Voluntary sector"
        OTHER = "other", "Other"

    key = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OTHER)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who signs in. What they may do follows from their role and organisation."""

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", "Administrator"
        OPCC_EDITOR = "opcc-editor", "OPCC editor"
        CONTRIBUTOR = "contributor", "Contributor"
        PANEL_MEMBER = "panel-member", "Panel member"
        PANEL_SECRETARIAT = "panel-secretariat", "Panel secretariat"

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CONTRIBUTOR)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )

    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_editor(self) -> bool:
        """Administrators and OPCC editors keep the plan and its delivery plan."""
        return self.is_active and self.role in {self.Role.ADMINISTRATOR, self.Role.OPCC_EDITOR}


class Office(Versioned):
    """The profile of the local policing body this installation serves (one row).

    The body's kind decides the default words (PRSRA 2011 s.1 for Commissioners; the
    mayoral and council-led models announced to replace them from May 2028). Every name is
    kept as the documents must print it, because offices write them differently.
    """

    class Kind(models.TextChoices):
        PCC = "pcc", _("Police and Crime Commissioner")
        PFCC = "pfcc", _("Police, Fire and Crime Commissioner")
        MAYOR = "mayor", _("Mayor, with a Deputy Mayor for Policing and Crime")
        BOARD = "board", _("Policing and Crime Board, with a Policing and Crime Lead")

    kind = models.CharField(
        _("kind of body"), max_length=10, choices=Kind.choices, default=Kind.PCC
    )
    name = models.CharField(
        _("name of the body"),
        max_length=200,
        blank=True,
        help_text=_(
            'As documents print it, e.g. "Police and Crime Commissioner for" and the area.'
        ),
    )
    holder_title = models.CharField(
        _("office holder's title"),
        max_length=120,
        blank=True,
        help_text=_('e.g. "Police and Crime Commissioner", "Mayor", "Policing and Crime Lead".'),
    )
    holder_short_title = models.CharField(
        _("office holder's short title"),
        max_length=60,
        blank=True,
        help_text=_(
            'How documents refer to the office holder after first use, e.g. "Commissioner".'
        ),
    )
    holder_name = models.CharField(_("office holder's name"), max_length=200, blank=True)
    office_name = models.CharField(
        _("name of the office"),
        max_length=200,
        blank=True,
        help_text=_('e.g. "Office of the Police and Crime Commissioner".'),
    )
    office_abbreviation = models.CharField(
        _("abbreviation of the office"), max_length=20, blank=True, help_text=_('e.g. "OPCC".')
    )
    police_area = models.CharField(
        _("police area"),
        max_length=200,
        blank=True,
        help_text=_("The area the force or forces police, as documents name it."),
    )
    panel_name = models.CharField(
        _("name of the Panel"),
        max_length=200,
        blank=True,
        help_text=_(
            "As the Panel's papers print it: the area's name, then \"Police and Crime Panel\"."
        ),
    )
    panel_host_authority = models.CharField(_("Panel's host authority"), max_length=200, blank=True)
    panel_contact = models.TextField(
        _("Panel secretariat contact"),
        blank=True,
        help_text=_("Name, email and telephone of the Panel's secretariat, as papers print it."),
    )
    contact_officer = models.CharField(
        _("default contact officer"),
        max_length=200,
        blank=True,
        help_text=_("Name and role, as report headers print it."),
    )
    contact_details = models.CharField(
        _("default contact details"),
        max_length=200,
        blank=True,
        help_text=_("Email and telephone."),
    )
    board_name = models.CharField(
        _("name of the office's board"),
        max_length=200,
        blank=True,
        help_text=_(
            'The board that receives quarterly reports, e.g. "Business Coordination Board".'
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("office profile")

    def __str__(self) -> str:
        return self.name or str(self.get_kind_display())

    def save(self, *args: object, **kwargs: object) -> None:
        # One office per installation: the profile is always row 1.
        self.pk = 1
        super().save(*args, **kwargs)

    @property
    def holder(self) -> str:
        """The office holder's title, or the kind's own words when none is set."""
        return self.holder_title or str(DEFAULT_HOLDER_TITLES[self.Kind(self.kind)])

    @property
    def panel(self) -> str:
        """The Panel's name, or the plain words when the profile does not name it."""
        return self.panel_name or str(_("Police and Crime Panel"))

    @property
    def holder_short(self) -> str:
        return self.holder_short_title or str(DEFAULT_SHORT_TITLES[self.Kind(self.kind)])

    @property
    def forces_ids(self) -> list[str]:
        """data.police.uk force ids, in the profile's order."""
        return [f.police_uk_id for f in self.forces.all()]


DEFAULT_HOLDER_TITLES = {
    Office.Kind.PCC: _("Police and Crime Commissioner"),
    Office.Kind.PFCC: _("Police, Fire and Crime Commissioner"),
    Office.Kind.MAYOR: _("Mayor"),
    Office.Kind.BOARD: _("Policing and Crime Lead"),
}
DEFAULT_SHORT_TITLES = {
    Office.Kind.PCC: _("Commissioner"),
    Office.Kind.PFCC: _("Commissioner"),
    Office.Kind.MAYOR: _("Mayor"),
    Office.Kind.BOARD: _("Lead"),
}


class Force(models.Model):
    """A police force of the office's area, by its data.police.uk id (its file names' part)."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="forces")
    police_uk_id = models.SlugField(_("data.police.uk force id"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class CommunitySafetyPartnership(models.Model):
    """A CSP of the area (Crime and Disorder Act 1998 s.5-6) and the districts it covers.

    The districts are local authority districts as data.police.uk names them in LSOA names
    ("Cambridge 007A" is in "Cambridge"), so police data is mapped to CSP areas by them.
    """

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="csps")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The partnership as a lead or partner organisation of deliverables."),
    )
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="csp_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A local authority district, as data.police.uk LSOA names spell it, in one CSP."""

    csp = models.ForeignKey(
        CommunitySafetyPartnership, on_delete=models.CASCADE, related_name="districts"
    )
    name = models.CharField(_("name"), max_length=120, unique=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PublicVersion(models.Model):
    """One row per committed change to what the public pages show (pcplan.core.pagecache).

    Rows are only ever added, never updated, so a change takes no lock that another writer
    waits on; the version is the newest id and the number of rows, which every commit changes.
    """

    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("public pages version")


class BackgroundJob(models.Model):
    """A long piece of work a person started from a page (an import) and runs in the worker.

    The page that started it redirects to the job's status page, which the person who started
    it (and administrators) may read; the work itself is a django-tasks task (pcplan.core.jobs).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Not done")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(max_length=200)
    started_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="background_jobs"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.CharField(max_length=200, blank=True)
    outcome = models.TextField(blank=True)
    problems = models.JSONField(default=list, blank=True)
    # Where the person goes next when it is done (the page showing what was imported).
    next_url = models.CharField(max_length=300, blank=True)
    # The link's words ("See what was imported" when blank).
    next_label = models.CharField(max_length=100, blank=True)
    # The uploaded file, kept in the default storage until the work has read it.
    upload = models.CharField(max_length=300, blank=True)
    upload_name = models.CharField(max_length=200, blank=True)
    # The django-tasks result row that runs the job, so that it can be queued again.
    task_id = models.CharField(max_length=64, blank=True)
    # The worker process running the job ("host:pid:start time") and its last sign of life:
    # a job whose worker died (kill -9, a restart) is noticed from them (pcplan.core.jobs).
    worker = models.CharField(max_length=200, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    interrupted = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def can_start_again(self) -> bool:
        """Stopped by its worker's death rather than refused: the same work may be queued
        again (the kept upload is still there, since the job never finished with it)."""
        return self.status == self.Status.FAILED and self.interrupted
