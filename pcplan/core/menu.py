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

# The groups of the staff menu, in order. A group shown with one item is shown as that item.
PLAN = _("Plan and delivery")
PERFORMANCE = _("Performance")
PANEL = _("Panel and meetings")
MONEY = _("Money and partnerships")
ENGAGEMENT = _("Engagement and transparency")
OFFICE = _("Office and people")
GROUPS = (PLAN, PERFORMANCE, PANEL, MONEY, ENGAGEMENT, OFFICE)


@dataclass(frozen=True)
class MenuItem:
    label: str | Promise
    url: str
    current: bool
    group: str | Promise | None = None


@dataclass(frozen=True)
class MenuGroup:
    """A heading of the menu and the items under it that the user may open (at least one)."""

    label: str | Promise | None
    items: list[MenuItem]

    @property
    def current(self) -> bool:
        return any(item.current for item in self.items)

    @property
    def single(self) -> MenuItem | None:
        """The only item, shown as a link of its own instead of a group of one."""
        return self.items[0] if len(self.items) == 1 else None


def may_be_asked_for_updates(user: User) -> bool:
    """Update requests go to organisations: only someone with one can be asked."""
    return user.is_active and user.organisation_id is not None


def staff_menu(user: User, path: str) -> list[MenuItem]:
    """Every staff page the user may open, each with its group, in the menu's order."""
    entries: list[tuple[str | Promise, str, str | Promise | None]] = [
        (_("Your work"), reverse("core:staff-home"), None)
    ]

    def add(group: str | Promise, label: str | Promise, url: str) -> None:
        entries.append((label, url, group))

    if may_be_asked_for_updates(user):
        add(PLAN, _("Updates asked of you"), reverse("reports:my-update-requests"))
    if delivery_permissions.can_decide(user):
        add(PLAN, _("Awaiting decision"), reverse("delivery:decision-queue"))
    if transparency_permissions.can_read_calendar(user):
        add(PLAN, _("Statutory calendar"), reverse("transparency:staff-calendar"))
    if api_permissions.can_search_staff_records(user):
        add(PLAN, _("Search"), reverse("api:staff-search"))
    add(PERFORMANCE, _("Performance"), reverse("performance:staff-dashboard"))
    if panel_permissions.can_read_panel_staff_pages(user):
        add(PANEL, _("Panel"), reverse("panel:staff-home"))
    if grants_permissions.can_read_grants(user):
        add(MONEY, _("Grants"), reverse("grants:home"))
    if partnership_permissions.can_read_partnerships(user):
        add(MONEY, _("Partnerships"), reverse("partnerships:staff-home"))
    if engagement_permissions.may_run_engagement(user):
        add(ENGAGEMENT, _("Engagement"), reverse("engagement:staff-home"))
    if transparency_permissions.can_read_decisions(user):
        add(ENGAGEMENT, _("Decisions"), reverse("transparency:staff-decisions"))
    if transparency_permissions.can_read_inspections(user):
        add(ENGAGEMENT, _("Inspections"), reverse("transparency:staff-inspections"))
    if transparency_permissions.can_keep_publications(user):
        add(ENGAGEMENT, _("Specified information"), reverse("transparency:compliance"))
    if may_keep_profile(user):
        add(OFFICE, _("Office profile"), reverse("core:office"))
    if may_manage_accounts(user):
        add(OFFICE, _("People"), reverse("accounts:people"))
    if api_permissions.can_hold_token(user):
        add(OFFICE, _("API tokens"), reverse("api:tokens"))
    add(OFFICE, _("Your account"), reverse("accounts:account"))
    entries.append((_("Public site"), reverse("public:home"), None))
    return [MenuItem(label, url, path == url, group) for label, url, group in entries]


def grouped(items: list[MenuItem]) -> list[MenuGroup]:
    """The items under their group headings, in the order of GROUPS; an item with no group
    (Your work, Public site) stands on its own where it is."""
    groups: list[MenuGroup] = []
    by_group: dict[str, MenuGroup] = {}
    for item in items:
        if item.group is None:
            groups.append(MenuGroup(None, [item]))
            continue
        key = str(item.group)
        if key not in by_group:
            by_group[key] = MenuGroup(item.group, [])
            groups.append(by_group[key])
        by_group[key].items.append(item)
    return groups
