"""The performance dashboard in a real browser: the summary, a measure's page with its trend
line and table, and no serious axe issues."""

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


def test_the_public_dashboard_opens_with_a_summary_and_each_measure_has_its_page(page, demo_site):
    page.goto(f"{demo_site}/performance/")
    assert page.get_by_role("heading", name="Performance", level=1).is_visible()
    summary = page.get_by_role("table", name="Each measure's latest figure", exact=False)
    assert summary.is_visible()
    row = summary.get_by_role("row", name="Reduce neighbourhood crime", exact=False)
    assert row.get_by_role(
        "img", name="Trend from January 2024 to December 2024", exact=False
    ).is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    row.get_by_role("link", name="Reduce neighbourhood crime").click()
    page.wait_for_load_state()
    chart = page.get_by_role("img", name="Blue line:", exact=False)
    assert chart.is_visible()
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
    page.get_by_role("link", name="Reduce neighbourhood crime").click()
    page.wait_for_load_state()
    table = page.get_by_role("table", name=f"Reduce neighbourhood crime, {area} (crimes)")
    expect(table).to_be_visible()
    context.close()


def test_the_staff_dashboard_has_no_serious_accessibility_violations(page, demo_site):
    sign_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/staff/performance/")
    assert page.get_by_role("link", name="Add a measure").is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
