"""A contributor updates their own deliverable; the public sees it only once an editor publishes."""

from __future__ import annotations

import re

import pytest

from pcplan.delivery.models import Deliverable, Update
from tests.e2e.conftest import sign_in, sign_out

pytestmark = pytest.mark.browser

UPDATE_TEXT = "Statement of intent agreed with strategic partners in April 2023."


def test_contributor_update_is_public_only_after_an_editor_publishes_it(page, demo_site):
    ours = Deliverable.objects.get(title="Serious Violence Strategy")  # led by the Constabulary
    theirs = Deliverable.objects.get(title="Police Race Action Plan")  # led by the OPCC
    plan_key = ours.theme.plan.key

    sign_in(page, demo_site, "constabulary")
    page.goto(f"{demo_site}/staff/deliverables/{ours.pk}/")
    page.get_by_role("link", name="Add an update").click()
    page.get_by_label("Day").fill("20")
    page.get_by_label("Month").fill("4")
    page.get_by_label("Year").fill("2023")
    page.get_by_label("Update", exact=True).fill(UPDATE_TEXT)
    page.get_by_role("button", name="Save update").click()
    assert page.get_by_text("Update saved as a draft").is_visible()
    assert page.get_by_text(UPDATE_TEXT).is_visible()

    # Refused on a deliverable the Constabulary does not lead: no button, and the form is 403.
    page.goto(f"{demo_site}/staff/deliverables/{theirs.pk}/")
    assert page.get_by_role("link", name="Add an update").count() == 0
    response = page.goto(f"{demo_site}/staff/deliverables/{theirs.pk}/updates/new/")
    assert response.status == 403

    # Not yet public.
    public_url = f"{demo_site}/plans/{plan_key}/deliverables/{ours.pk}/"
    page.goto(public_url)
    assert page.get_by_text(UPDATE_TEXT).count() == 0
    theme_url = f"{demo_site}/plans/{plan_key}/themes/{ours.theme.key}/"
    page.goto(theme_url)
    assert page.get_by_text(UPDATE_TEXT).count() == 0

    # An editor publishes it.
    page.goto(f"{demo_site}/staff/")
    sign_out(page)
    sign_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/staff/deliverables/{ours.pk}/")
    page.get_by_role("button", name=re.compile(r"^Publish update of 20 April 2023")).click()
    assert page.get_by_text("Update published").is_visible()
    assert Update.objects.get(text=UPDATE_TEXT).is_published

    page.goto(public_url)
    assert page.get_by_text(UPDATE_TEXT).is_visible()
    page.goto(theme_url)
    assert page.get_by_text(UPDATE_TEXT).is_visible()  # now the latest published update
