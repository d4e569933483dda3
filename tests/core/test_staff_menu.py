"""The staff menu is grouped (Plan and delivery, Money and partnerships...), and each group
holds only the pages its user may open."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from pcplan.core.menu import GROUPS, grouped, staff_menu
from pcplan.core.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _menu_links(html: str) -> list[str]:
    navigation = html[html.index('id="navigation"') : html.index("</nav>")]
    return re.findall(r'href="([^"]+)"', navigation)


def test_an_administrators_menu_has_six_groups_in_order_and_few_top_level_entries(db, opcc):
    administrator = UserFactory(role=User.Role.ADMINISTRATOR, organisation=opcc)
    items = staff_menu(administrator, "/")
    assert len(items) >= 17
    groups = grouped(items)
    labels = [str(g.label) for g in groups if g.label is not None]
    assert labels == [str(g) for g in GROUPS]
    assert [str(i.label) for i in items if i.group is None] == ["Your work", "Public site"]
    assert len(groups) <= 8  # the bar shows groups, not 17 links
    money = next(g for g in groups if str(g.label) == "Money and partnerships")
    assert [str(i.label) for i in money.items] == ["Grants", "Partnerships"]


@pytest.mark.parametrize("role", list(User.Role))
def test_the_rendered_menu_links_exactly_the_pages_the_user_may_open(client, opcc, role):
    user = UserFactory(role=role, organisation=opcc)
    client.force_login(user)
    home = client.get(reverse("core:staff-home"))
    # Each of these opens for its user: tests/core/test_error_pages.py asks every one.
    assert _menu_links(home.text) == [item.url for item in staff_menu(user, "/")]


@pytest.mark.parametrize("role", list(User.Role))
def test_a_group_of_one_page_is_shown_as_that_page_not_as_a_group(client, opcc, role):
    user = UserFactory(role=role, organisation=opcc)
    client.force_login(user)
    html = client.get(reverse("core:staff-home")).text
    navigation = html[html.index('id="navigation"') : html.index("</nav>")]
    groups = grouped(staff_menu(user, "/"))
    summaries = [
        " ".join(re.sub("<[^>]+>", "", text).split())
        for text in re.findall(r"<summary[^>]*>(.*?)</summary>", navigation, re.S)
    ]
    assert summaries == [str(g.label) for g in groups if not g.single]
    singles = [g for g in groups if g.label and g.single]
    assert singles  # Performance, at least, is a group of one for everybody
    for group in singles:
        link = f'<a class="govuk-service-navigation__link" href="{group.items[0].url}"'
        assert link in navigation


def test_the_group_holding_the_current_page_is_marked(client, administrator):
    client.force_login(administrator)
    html = client.get(reverse("transparency:staff-decisions")).text
    navigation = html[html.index('id="navigation"') : html.index("</nav>")]
    group = navigation[
        navigation.index("pcplan-menu-group govuk-service-navigation__item--active") :
    ]
    assert "Engagement and transparency" in group[: group.index("</summary>")]
    assert f'href="{reverse("transparency:staff-decisions")}" aria-current="page"' in group
