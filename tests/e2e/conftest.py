"""Browser tests: Playwright for Python driving Debian's chromium against the live server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.demo_snapshot import load_demo_database

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Debian's chromium package is needed for browser tests: apt-get install chromium"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    # axe-core is injected as an inline script, which the pages' Content-Security-Policy
    # refuses; contexts made by the tests themselves keep the policy.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def demo_site(live_server: Any, transactional_db: None) -> str:
    """The Cambridgeshire and Peterborough demo, served by the live test server."""
    load_demo_database()
    return str(live_server.url)


def sign_in(page: Any, base: str, username: str, password: str = "pcplan-demo") -> None:
    page.goto(f"{base}/account/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/staff/")


def run_worker_for(page: Any) -> None:
    """Run the work queued by the page (`pcplan worker --batch`), then bring the page back.

    The live server shares the test's SQLite connection, so the page is parked on a blank
    page while the worker writes: its job page would otherwise poll in the middle."""
    from io import StringIO

    from django.core.management import call_command

    url = page.url
    page.goto("about:blank")
    call_command("worker", "--batch", "--no-startup-delay", "--interval=0", stdout=StringIO())
    page.goto(url)


def sign_out(page: Any) -> None:
    page.get_by_role("button", name="Sign out").click()


def axe_violations(
    page: Any, *, impacts: frozenset[str] = frozenset({"serious", "critical"})
) -> list[dict[str, Any]]:
    """Run axe-core (from npm) in the page; return the violations of the given impacts."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: [
                'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'
            ]}
        })"""
    )
    return [v for v in result["violations"] if v["impact"] in impacts]
