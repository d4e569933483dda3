"""The accountability journey in a browser (issue 13): the office holder's response to the
Panel's precept report leaves a draft decision; an editor completes and publishes it from the
staff menu; it appears on the public decisions register, and the public specified information
page shows the precept item (SI 2011/3050 Sch. para 3(b)) published today, linked to it. Built
with factories."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from pcplan.core.models import Organisation, User
from pcplan.panel import services as panel_services
from pcplan.panel.models import Precept
from tests.conftest import PASSWORD  # the factories' password
from tests.e2e.conftest import sign_in, sign_out
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def precept_site(live_server: Any, transactional_db: None) -> str:
    opcc = OrganisationFactory(key="opcc", name="The office", kind=Organisation.Kind.OPCC)
    UserFactory(username="editor", role=User.Role.OPCC_EDITOR, organisation=opcc)
    UserFactory(username="secretariat", role=User.Role.PANEL_SECRETARIAT)
    secretariat = User.objects.get(username="secretariat")
    precept = Precept.objects.create(
        financial_year_start=2023,
        notified_on=dt.date(2023, 1, 23),
        band_d=Decimal("285.57"),
        previous_band_d=Decimal("270.57"),
        report_date=dt.date(2023, 2, 1),
    )
    # The Panel's secretariat records the response, which is not yet published; the decision
    # it leaves is a draft for the office to complete.
    response = "Dear Chair, I will issue the precept I proposed."
    panel_services.record_precept_response(
        secretariat, precept, text=response, date=dt.date(2023, 2, 3), published=False
    )
    return str(live_server.url)


def test_a_precept_decision_completed_and_published_fills_the_specified_information(
    page, precept_site
):
    base = precept_site
    title = "Response to the Panel's report on the proposed precept 2023/24"

    # Before: the register and the specified information page know nothing of it.
    page.goto(f"{base}/decisions/")
    assert page.get_by_text(title).count() == 0
    page.goto(f"{base}/specified-information/")
    assert page.locator("#precept").get_by_text("Not yet published").is_visible()

    # The editor finds the draft through the staff menu, completes it and publishes it.
    sign_in(page, base, "editor", PASSWORD)
    group = page.locator("details", has_text="Engagement and transparency")
    group.locator("summary").click()
    group.get_by_role("link", name="Decisions", exact=True).click()
    page.get_by_role("link", name=title).click()
    assert page.get_by_text("Not published").first.is_visible()
    page.get_by_role("link", name="Edit", exact=True).click()
    page.get_by_label("Decision number").fill("2023/004")
    page.get_by_label("Reasons", exact=True).fill("The Panel did not veto the precept.")
    page.get_by_label("Advised by").fill("Chief Finance Officer")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Publish on the public register").click()
    assert page.get_by_text("Published", exact=True).first.is_visible()
    sign_out(page)

    # The public register lists it; the specified information page shows the precept today.
    page.goto(f"{base}/decisions/")
    page.get_by_role("link", name=title).first.click()
    page.wait_for_url(f"{base}/decisions/*/")
    assert page.get_by_text("The Panel did not veto the precept.").is_visible()
    page.goto(f"{base}/specified-information/")
    precept_row = page.locator("#precept")
    today = timezone.localdate()
    assert precept_row.get_by_text(f"{today.day} {today:%B %Y}").first.is_visible()
    precept_row.get_by_role("link", name=f"Precept 2023/24: {title}").click()
    page.wait_for_url(f"{base}/decisions/*/")
    assert page.get_by_role("heading", name=title).is_visible()
