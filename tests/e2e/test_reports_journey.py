"""An editor prepares the Panel report in a real browser, downloads it and publishes it (after
confirming)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import axe_violations, run_worker_for, sign_in, sign_out

pytestmark = pytest.mark.browser


def fill_date(page, name, day, month, year):
    page.fill(f'input[name="{name}_day"]', str(day))
    page.fill(f'input[name="{name}_month"]', str(month))
    page.fill(f'input[name="{name}_year"]', str(year))


def test_editor_previews_generates_downloads_and_publishes_the_panel_report(
    page, demo_site, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    sign_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/staff/plans/cambs-2021-24/")
    page.get_by_role("link", name="Reports", exact=True).click()
    page.get_by_role("link", name="Panel progress report").click()
    # The demo has no coming meeting: this report is for no agenda item yet.
    page.get_by_label("None: the report is not for an agenda yet").check()
    page.get_by_role("button", name="Continue").click()
    fill_date(page, "as_of", 15, 3, 2023)
    fill_date(page, "since", 14, 9, 2022)
    fill_date(page, "meeting_date", 15, 3, 2023)
    page.get_by_role("button", name="Preview").click()

    assert page.get_by_role("heading", name="Preview").is_visible()
    assert page.get_by_text("Support for Hourglass").is_visible()
    violations = axe_violations(page)
    assert violations == [], violations

    page.get_by_label("PDF, to file and circulate").check()
    page.get_by_role("button", name="Generate and save").click()
    # The demo plan's report is built by `pcplan worker`; its job page says when it is ready.
    page.get_by_text("The report is being generated").wait_for()
    run_worker_for(page)
    page.get_by_role("link", name="Open the report").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the report").click()
    pdf = PdfReader(io.BytesIO(open(info.value.path(), "rb").read()))  # noqa: SIM115
    assert "CAMBRIDGESHIRE POLICE AND CRIME PANEL" in pdf.pages[0].extract_text()

    page.get_by_role("link", name="Publish on the public site").click()
    page.get_by_role("button", name="Yes, publish it").click()
    page.get_by_text("Report published").wait_for()
    page.goto(f"{demo_site}/reports/")
    assert page.get_by_role(
        "link", name="Police and Crime Plan 2021-24: Panel progress report"
    ).is_visible()


def test_the_report_pages_have_no_serious_accessibility_violations(
    page, demo_site, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    sign_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/staff/plans/cambs-2021-24/update-requests/new/")
    fill_date(page, "due_on", 1, 3, 2099)
    page.get_by_role("button", name="Request updates").click()
    page.get_by_text("Updated so far: 0 of").wait_for()
    assert axe_violations(page) == []
    page.goto(
        f"{demo_site}/staff/plans/cambs-2021-24/what-changed/?start_day=14&start_month=9"
        "&start_year=2022&end_day=15&end_month=3&end_year=2023"
    )
    assert page.get_by_role("heading", name="Completed (9)").is_visible()
    assert axe_violations(page) == []
    page.goto(f"{demo_site}/staff/plans/cambs-2021-24/reports/")
    assert axe_violations(page) == []

    sign_out(page)
    sign_in(page, demo_site, "constabulary")
    # The staff menu groups its pages: open "Plan and delivery" first, as a user would.
    page.locator("summary", has_text="Plan and delivery").click()
    page.get_by_role("link", name="Updates asked of you").click()
    assert page.get_by_role("link", name="Police Race Action Plan").count() == 0
    assert page.get_by_text("due by 1 March 2099").is_visible()
    assert axe_violations(page) == []
