"""Who may do what with reports (one place for each rule).

Editors prepare, preview, generate, publish and withdraw reports, and ask lead organisations
for updates. Anyone, signed in or not, may read a report that is public
(`GeneratedReport.objects.public()`); nobody else sees a draft.
"""

from __future__ import annotations

from typing import Any

from pcplan.plans.permissions import can_edit_plan


def can_manage_reports(user: Any) -> bool:
    return can_edit_plan(user)
