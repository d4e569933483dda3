"""Who may do what with engagement records (one place for each rule).

The OPCC keeps consultations, concerns, events and communications output: OPCC editors and
administrators. Concerns hold the personal data of the people who raised them, so nobody
else reads the staff pages. The public reads published records through `.public()` only.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from pcplan.core.models import User

REFUSAL = gettext_lazy("Only the OPCC's editors keep engagement records.")


def may_run_engagement(user: User | None) -> bool:
    return user is not None and user.is_editor
