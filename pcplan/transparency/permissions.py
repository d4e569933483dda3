"""Who may do what with decisions, inspections and publications (one place for each rule).

OPCC editors and administrators keep them. Panel members and the secretariat read every
decision, exempt parts included, which serves the Panel's terms of reference item 6 (review
decisions made; seeds 001, 004). Contributors read the staff pages of inspections they own
findings of; everyone signed in may read the statutory calendar.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from pcplan.core.models import User

KEEP = frozenset({User.Role.OPCC_EDITOR, User.Role.ADMINISTRATOR})
READ = KEEP | {User.Role.PANEL_MEMBER, User.Role.PANEL_SECRETARIAT}

KEEPERS_ONLY = gettext_lazy("Only OPCC editors and administrators keep these records.")
READERS_ONLY = gettext_lazy("These pages are for the OPCC and the Panel.")


def can_keep_decisions(user: User | None) -> bool:
    return user is not None and user.is_active and user.role in KEEP


def can_read_decisions(user: User | None) -> bool:
    """The OPCC and the Panel: every decision, exempt part included."""
    return user is not None and user.is_active and user.role in READ


def can_keep_inspections(user: User | None) -> bool:
    return can_keep_decisions(user)


def can_read_inspections(user: User | None) -> bool:
    """The Panel sees the status of every recommendation."""
    return can_read_decisions(user)


def can_read_calendar(user: User | None) -> bool:
    return user is not None and user.is_active


def can_keep_publications(user: User | None) -> bool:
    return can_keep_decisions(user)
