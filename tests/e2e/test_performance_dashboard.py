"""The performance dashboard in a real browser: a chart, its table, and no serious axe issues."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    )


def test_the_public_dashboard_renders_a_chart_and_its_table_accessibly(page, demo_site):
    page.goto(f"{demo_site}/performance/")
    assert page.get_by_role("heading", name="Performance", level=1).is_visible()
    chart = page.get_by_role("img", name="Chart of Reduce neighbourhood crime")
    assert chart.is_visible()
    assert page.evaluate("(img) => img.naturalWidth", chart.element_handle()) > 0
    table = page.get_by_role("table", name="Reduce neighbourhood crime (crimes)")
    assert table.get_by_role("rowheader", name="December 2024").is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_the_csp_area_filter_works_without_javascript(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_site}/performance/")
    # The demo's areas are its office profile's Community Safety Partnerships.
    area = "Fenland Community Safety Partnership"
    page.get_by_label("Area").select_option(area)
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/performance/?area=Fenland+Community+Safety+Partnership")
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=f"Performance: {area}", level=1)).to_be_visible()
    table = page.get_by_role("table", name=f"Reduce neighbourhood crime, {area} (crimes)")
    expect(table).to_be_visible()
    context.close()


def test_the_staff_dashboard_has_no_serious_accessibility_violations(page, demo_site):
    sign_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/staff/performance/")
    assert page.get_by_role("link", name="Add a measure").is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
