"""The grants journey in a browser (issue 10): an editor sets up a fund, a Community Safety
Partnership's user bids, the editor awards and publishes it, and the public register shows
the grant, linked to the published decision that made it and back. Built with factories."""

from __future__ import annotations

from typing import Any

import pytest

from pcplan.core.models import Organisation, User
from tests.conftest import PASSWORD  # the factories' password
from tests.e2e.conftest import sign_in, sign_out
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def grants_site(live_server: Any, transactional_db: None) -> str:
    opcc = OrganisationFactory(key="opcc", name="The office", kind=Organisation.Kind.OPCC)
    csp = OrganisationFactory(
        key="town-csp", name="Town Community Safety Partnership", kind=Organisation.Kind.CSP
    )
    UserFactory(username="editor", role=User.Role.OPCC_EDITOR, organisation=opcc)
    UserFactory(username="csp-officer", role=User.Role.CONTRIBUTOR, organisation=csp)
    return str(live_server.url)


def test_a_bid_awarded_and_published_reaches_the_public_register(page, grants_site):
    base = grants_site
    # The editor sets up the fund: CSPs only, up to £5,000 a bid.
    sign_in(page, base, "editor", PASSWORD)
    page.goto(f"{base}/staff/grants/")
    page.get_by_role("link", name="Add a fund").click()
    page.get_by_label("Name", exact=True).fill("Safer Communities Fund")
    page.get_by_label("Short name for addresses and imports").fill("scf")
    page.get_by_label("Community Safety Partnership").check()
    page.get_by_label("Largest award per bid").fill("5000")
    page.get_by_label("Budget", exact=True).fill("20000")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{base}/staff/grants/funds/scf/")
    sign_out(page)

    # The partnership's officer bids through the form.
    sign_in(page, base, "csp-officer", PASSWORD)
    page.goto(f"{base}/staff/grants/funds/scf/")
    page.get_by_role("link", name="Apply to this fund").click()
    page.get_by_label("What is the money for?").fill("Taxi marshals in the town centre")
    page.get_by_label("How much are you asking for, in pounds?").fill("4000")
    page.get_by_label("Contact name").fill("A contact")
    page.get_by_label("Contact email").fill("contact@example.org")
    page.get_by_role("button", name="Submit the bid").click()
    page.wait_for_url("**/staff/grants/applications/*/")
    assert page.get_by_text("Submitted").first.is_visible()
    sign_out(page)

    # The editor records the award and publishes it.
    sign_in(page, base, "editor", PASSWORD)
    page.goto(f"{base}/staff/grants/funds/scf/")
    page.get_by_role("link", name="Taxi marshals in the town centre").click()
    page.get_by_role("link", name="Record the decision").click()
    page.get_by_label("Award", exact=True).check()
    page.get_by_label("Decision number").fill("2023/017")
    decided = page.get_by_role("group", name="Decision date")
    decided.get_by_label("Day").fill("3")
    decided.get_by_label("Month").fill("7")
    decided.get_by_label("Year").fill("2023")
    page.get_by_label("Decision taken by").fill("Police and Crime Commissioner")
    page.get_by_label("Reasons", exact=True).fill("Reassurance in the night-time economy.")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="The award made from this bid").click()
    page.get_by_role("button", name="Publish on the register").click()
    assert page.get_by_text("On the public register", exact=True).is_visible()
    sign_out(page)

    # The public register shows the grant, never the contact; the decision links both ways.
    page.goto(f"{base}/grants/")
    assert page.get_by_text("£4,000.00").first.is_visible()
    assert "contact@example.org" not in page.content()
    page.get_by_role(
        "link", name="Town Community Safety Partnership: Safer Communities Fund"
    ).click()
    page.wait_for_url(f"{base}/grants/awards/*/")
    page.get_by_role("link", name="2023/017").click()
    page.wait_for_url(f"{base}/decisions/*/")
    assert page.get_by_role("heading", name="Grants this decision made or changed").is_visible()
    page.get_by_role(
        "link", name="Town Community Safety Partnership: Safer Communities Fund"
    ).click()
    page.wait_for_url(f"{base}/grants/awards/*/")
    assert "contact@example.org" not in page.content()
