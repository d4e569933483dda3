"""axe-core finds no serious or critical accessibility problems on the main pages."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    )


def test_the_public_plan_page_has_no_serious_accessibility_violations(page, demo_site):
    page.goto(f"{demo_site}/plans/cambs-2021-24/")
    assert page.get_by_role("heading", name="Police and Crime Plan 2021-24", level=1).is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_the_staff_deliverable_list_has_no_serious_accessibility_violations(page, demo_site):
    sign_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/staff/plans/cambs-2021-24/deliverables/")
    assert page.get_by_role("heading", name="Delivery Plan").is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_the_staff_deliverable_list_filters_with_and_without_javascript(browser, demo_site):
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        sign_in(page, demo_site, "panel")
        page.goto(f"{demo_site}/staff/plans/cambs-2021-24/deliverables/")
        page.get_by_label("Status").select_option("on-hold")
        if not javascript:
            page.get_by_role("button", name="Apply filters").click()
        page.get_by_text("1 deliverable", exact=True).wait_for()
        assert page.get_by_role("link", name="Review Major Incident Support Framework").is_visible()
        context.close()
