"""The staff menu: each item shown only to the people its page lets in.

Each item asks the owning app's permission rule, so the menu cannot offer a page that then
answers 403 (the Panel pages were offered to editors and contributors).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pcplan.accounts.permissions import may_manage_accounts
from pcplan.api import permissions as api_permissions
from pcplan.core.models import User
from pcplan.core.permissions import may_keep_profile
from pcplan.delivery import permissions as delivery_permissions
from pcplan.engagement import permissions as engagement_permissions
from pcplan.grants import permissions as grants_permissions
from pcplan.panel import permissions as panel_permissions
from pcplan.partnerships import permissions as partnership_permissions
from pcplan.transparency import permissions as transparency_permissions


@dataclass(frozen=True)
class MenuItem:
    label: str | Promise
    url: str
    current: bool


def may_be_asked_for_updates(user: User) -> bool:
    """Update requests go to organisations: only someone with one can be asked."""
    return user.is_active and user.organisation_id is not None


def staff_menu(user: User, path: str) -> list[MenuItem]:
    entries: list[tuple[str | Promise, str]] = [(_("Your work"), reverse("core:staff-home"))]
    if may_be_asked_for_updates(user):
        entries.append((_("Updates asked of you"), reverse("reports:my-update-requests")))
    entries.append((_("Performance"), reverse("performance:staff-dashboard")))
    if panel_permissions.can_read_panel_staff_pages(user):
        entries.append((_("Panel"), reverse("panel:staff-home")))
    if grants_permissions.can_read_grants(user):
        entries.append((_("Grants"), reverse("grants:home")))
    if engagement_permissions.may_run_engagement(user):
        entries.append((_("Engagement"), reverse("engagement:staff-home")))
    if transparency_permissions.can_read_decisions(user):
        entries.append((_("Decisions"), reverse("transparency:staff-decisions")))
    if transparency_permissions.can_read_inspections(user):
        entries.append((_("Inspections"), reverse("transparency:staff-inspections")))
    if transparency_permissions.can_keep_publications(user):
        entries.append((_("Specified information"), reverse("transparency:compliance")))
    if transparency_permissions.can_read_calendar(user):
        entries.append((_("Statutory calendar"), reverse("transparency:staff-calendar")))
    if partnership_permissions.can_read_partnerships(user):
        entries.append((_("Partnerships"), reverse("partnerships:staff-home")))
    if may_keep_profile(user):
        entries.append((_("Office profile"), reverse("core:office")))
    if delivery_permissions.can_decide(user):
        entries.append((_("Awaiting decision"), reverse("delivery:decision-queue")))
    if api_permissions.can_hold_token(user):
        entries.append((_("API tokens"), reverse("api:tokens")))
    if may_manage_accounts(user):
        entries.append((_("People"), reverse("accounts:people")))
    entries.append((_("Your account"), reverse("accounts:account")))
    entries.append((_("Public site"), reverse("public:home")))
    return [MenuItem(label, url, current=path == url) for label, url in entries]
