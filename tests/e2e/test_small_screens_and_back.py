"""Filters survive "Back"; pages fit a 390 px phone; the staff menu collapses behind a toggle."""

from __future__ import annotations

from typing import Any

import pytest

from pcplan.core.models import User
from pcplan.delivery.rules import Status
from pcplan.plans.lifecycle import PlanStatus
from tests.conftest import PASSWORD  # the factories' password
from tests.e2e.conftest import sign_in
from tests.factories import (
    DeliverableFactory,
    OrganisationFactory,
    PlanFactory,
    ThemeFactory,
    UpdateFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def small_site(live_server: Any, transactional_db: None) -> dict[str, Any]:
    """A plan with long, unbroken words in its tables (the worst a title field accepts)."""
    organisation = OrganisationFactory(
        key="lead", name="Office of the Police and Crime Commissioner for a Long Area Name"
    )
    UserFactory(username="editor", role=User.Role.OPCC_EDITOR, organisation=organisation)
    plan = PlanFactory(key="plan", title="Police and Crime Plan 2021-24", status=PlanStatus.ISSUED)
    theme = ThemeFactory(plan=plan, key="prevention", title="Crime Prevention", position=1)
    done = DeliverableFactory(
        theme=theme, lead=organisation, title="Finished strategy", status=Status.COMPLETED
    )
    DeliverableFactory(
        theme=theme,
        lead=organisation,
        title="Community remedy framework, see https://example.org/" + "a" * 80,
        status=Status.IN_PROGRESS,
    )
    UpdateFactory(deliverable=done, text="Adopted by every partner: " + "x" * 60)
    return {"url": str(live_server.url), "plan": plan, "done": done}


def page_fits(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_filters_survive_going_back_to_the_delivery_plan(page, small_site):
    base = small_site["url"]
    sign_in(page, base, "editor", PASSWORD)
    page.goto(f"{base}/staff/plans/plan/deliverables/")
    assert page.get_by_text("2 deliverables").is_visible()

    page.get_by_label("Status").select_option(Status.COMPLETED.value)
    page.wait_for_url("**status=completed**")
    assert page.get_by_text("1 deliverable", exact=True).is_visible()

    page.get_by_role("link", name="Finished strategy").click()
    page.wait_for_url(f"**/staff/deliverables/{small_site['done'].pk}/")
    page.go_back()
    page.wait_for_url("**status=completed**")
    assert page.get_by_role("heading", name="Delivery Plan").is_visible()
    assert page.get_by_label("Status").input_value() == Status.COMPLETED.value
    assert page.get_by_text("1 deliverable", exact=True).is_visible()

    # Reloading the filtered address gives the same page: it is rendered from the query string.
    page.reload()
    assert page.get_by_label("Status").input_value() == Status.COMPLETED.value
    assert page.get_by_text("1 deliverable", exact=True).is_visible()


def test_pages_fit_a_390_pixel_screen_without_scrolling_sideways(browser, small_site):
    base = small_site["url"]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        for path in ["/", "/plans/plan/", "/plans/plan/themes/prevention/"]:
            page.goto(f"{base}{path}")
            assert page_fits(page), path
        sign_in(page, base, "editor", PASSWORD)
        done = small_site["done"].pk
        for path in [
            "/staff/",
            "/staff/plans/plan/",
            "/staff/plans/plan/deliverables/",
            f"/staff/deliverables/{done}/",
            f"/plans/plan/deliverables/{done}/",
        ]:
            page.goto(f"{base}{path}")
            assert page_fits(page), path
    finally:
        context.close()


def test_the_staff_menu_collapses_behind_a_toggle_on_a_phone(browser, small_site):
    base = small_site["url"]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        sign_in(page, base, "editor", PASSWORD)
        toggle = page.get_by_role("button", name="Menu")
        performance = page.locator("#navigation").get_by_role("link", name="Performance")
        assert toggle.is_visible()
        assert not performance.is_visible()
        toggle.click()
        assert performance.is_visible()
        assert toggle.get_attribute("aria-expanded") == "true"
    finally:
        context.close()


def test_without_javascript_the_staff_menu_is_open_on_a_phone(browser, small_site):
    base = small_site["url"]
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, base, "editor", PASSWORD)
        assert page.locator("#navigation").get_by_role("link", name="Performance").is_visible()
    finally:
        context.close()


def test_an_administrators_grouped_menu_opens_on_a_phone_and_drops_down_on_a_desktop(
    browser, small_site
):
    base = small_site["url"]
    UserFactory(username="admin", role=User.Role.ADMINISTRATOR)
    for viewport, toggled in ((PHONE, True), ({"width": 1280, "height": 800}, False)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        try:
            sign_in(page, base, "admin", PASSWORD)
            if toggled:
                page.get_by_role("button", name="Menu").click()
            navigation = page.locator("#navigation")
            decisions = navigation.get_by_role("link", name="Decisions")
            assert navigation.get_by_role("link", name="Performance").is_visible()
            assert not decisions.is_visible()
            navigation.get_by_text("Engagement and transparency").click()
            assert decisions.is_visible()
            assert page_fits(page)
            decisions.click()
            page.wait_for_url(f"{base}/staff/decisions/")
        finally:
            context.close()
