"""The office profile: who this pcplan serves, read by every page, document and import.

One installation serves one local policing body. Its profile (kind of body, names as the
documents print them, police area, forces, Panel, contact officer, Community Safety
Partnerships and the districts each covers) is kept in the database by an administrator
(staff pages, or `pcplan setup PROFILE.yaml`). Nothing office-specific is written in code.
"""

from __future__ import annotations

from pcplan.core.models import CommunitySafetyPartnership, Force, Office


def current_office() -> Office:
    """The office profile, or an unsaved neutral one before an administrator has set it up.

    Cheap enough to call per request: one query (forces and areas are read by `force_choices`
    and `csp_areas` where a page needs them), and the result is never None, so pages and
    documents can always print `office.holder` and friends.
    """
    office = Office.objects.first()
    return office if office is not None else Office()


def csp_areas() -> dict[str, list[str]]:
    """Each Community Safety Partnership of the profile and the districts it covers, in order.

    The dashboard's area filter, observations by area and uploads all read this, so an office
    defines its areas once, in its profile.
    """
    areas: dict[str, list[str]] = {}
    for csp in CommunitySafetyPartnership.objects.prefetch_related("districts"):
        areas[csp.name] = [d.name for d in csp.districts.all()]
    return areas


def force_choices() -> list[tuple[str, str]]:
    """The profile's forces as (data.police.uk id, name), in the profile's order."""
    return list(Force.objects.values_list("police_uk_id", "name"))
