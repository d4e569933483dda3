"""The pages' scripts (GOV.UK Frontend, htmx) run under the Content-Security-Policy, which
allows scripts from pcplan's own files only (issue 15)."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_gov_uk_frontend_starts_with_no_policy_violation(browser, live_server, transactional_db):
    UserFactory(username="editor", role="opcc-editor")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    try:
        base = str(live_server.url)
        page.goto(f"{base}/")
        body_class = page.evaluate("document.body.className")
        assert "js-enabled" in body_class
        assert "govuk-frontend-supported" in body_class
        sign_in(page, base, "editor", PASSWORD)
        toggle = page.get_by_role("button", name="Menu")
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert refused == []
    finally:
        context.close()
