"""The office profile: who this pcplan serves, read by every page, document and import.

One installation serves one local policing body. Its profile (kind of body, names as the
documents print them, police area, forces, Panel, contact officer, Community Safety
Partnerships and the districts each covers) is kept in the database by an administrator
(staff pages, or `pcplan setup PROFILE.yaml`). Nothing office-specific is written in code.
"""

from __future__ import annotations

from pcplan.core.models import Office


def current_office() -> Office:
    """The office profile, or an unsaved neutral one before an administrator has set it up.

    Cheap enough to call per request: one query, and the result is never None, so pages and
    documents can always print `office.holder_title` and friends.
    """
    office = Office.objects.prefetch_related("forces", "csps__districts").first()
    return office if office is not None else Office()
