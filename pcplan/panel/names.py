"""The Panel's name as pages and documents print it, from the office profile."""

from __future__ import annotations

from django.utils.translation import gettext as _

from pcplan.core.models import Office
from pcplan.core.office import current_office


def panel_name(office: Office) -> str:
    """The profile's name for the Panel, or the plain words when none is set."""
    return office.panel_name or _("Police and Crime Panel")


def holder_short() -> str:
    """How pages refer to the office holder ("Commissioner", "Mayor"...), from the profile."""
    return str(current_office().holder_short)
