from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from simple_history.models import HistoricalRecords


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
