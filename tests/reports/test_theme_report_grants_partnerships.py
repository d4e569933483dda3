"""Theme reports list the theme's grants and partnerships (issue 18 item 3): the published
awards whose fund serves the theme, and the published bodies linked to the theme's published
deliverables. Nothing unpublished appears, in the HTML or in the PDF."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from pcplan.grants.models import Award, Fund
from pcplan.plans.lifecycle import PlanStatus
from tests.factories import (
    BodyFactory,
    DeliverableFactory,
    OrganisationFactory,
    PlanFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    plan = PlanFactory(
        key="issued", title="Police and Crime Plan 2021-24", status=PlanStatus.ISSUED
    )
    theme = ThemeFactory(plan=plan, key="victims", title="Supporting Victims")
    other = ThemeFactory(plan=plan, key="other", title="Other Theme")
    work = DeliverableFactory(theme=theme, title="Victims Provider Forum")
    draft = DeliverableFactory(theme=theme, title="Draft work", is_published=False)
    elsewhere = DeliverableFactory(theme=other, title="Another theme's work")

    fund = Fund.objects.create(key="victims-fund", name="Victims Fund")
    fund.themes.add(theme)
    other_fund = Fund.objects.create(key="roads-fund", name="Roads Fund")
    other_fund.themes.add(other)
    charity = OrganisationFactory(name="Hourglass Charity")

    def award(reference, fund, published=True, decided=dt.date(2022, 7, 1)):
        return Award.objects.create(
            reference=reference,
            fund=fund,
            recipient=charity,
            purpose=f"Purpose of {reference}",
            amount=Decimal("4999.50"),
            decision_date=decided,
            is_published=published,
        )

    award("victims-award", fund)
    award("secret-award", fund, published=False)
    award("later-award", fund, decided=dt.date(2023, 9, 1))
    award("roads-award", other_fund)

    forum = BodyFactory(name="Victims Board", meetings_public=False)
    forum.deliverables.add(work)
    BodyFactory(name="Unpublished Group", is_published=False).deliverables.add(work)
    BodyFactory(name="Draft-linked Group").deliverables.add(draft)
    BodyFactory(name="Roads Partnership").deliverables.add(elsewhere)
    return theme


def url(theme, fmt):
    base = reverse("reports:theme-report", args=[theme.plan.key, theme.key])
    return f"{base}?as_of=2023-03-15&since=2022-09-14&format={fmt}"


def test_the_theme_report_lists_its_public_grants_and_partnerships(client, editor, theme):
    client.force_login(editor)
    html = client.get(url(theme, "html")).content.decode()
    assert "GRANTS" in html and "PARTNERSHIPS" in html
    assert "Victims Fund" in html and "Hourglass Charity" in html
    assert "Purpose of victims-award" in html and "£4,999.50" in html
    assert "Victims Board" in html
    assert "Victims Provider Forum" in html
    for hidden in [
        "secret-award",
        "later-award",  # decided after the report date
        "roads-award",
        "Roads Fund",
        "Unpublished Group",
        "Draft-linked Group",
        "Roads Partnership",
    ]:
        assert hidden not in html


def test_the_pdf_carries_the_grants_and_partnerships(client, editor, theme):
    client.force_login(editor)
    response = client.get(url(theme, "pdf"))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Victims Fund" in text and "Hourglass Charity" in text
    assert "Victims Board" in text
    assert "secret-award" not in text and "Unpublished Group" not in text


def test_a_theme_without_grants_or_partnerships_says_so(client, editor):
    plan = PlanFactory(key="bare", status=PlanStatus.ISSUED)
    theme = ThemeFactory(plan=plan, key="bare-theme", title="Bare")
    client.force_login(editor)
    html = client.get(url(theme, "html")).content.decode()
    assert "No published grant award is made from a fund serving this theme." in html
    assert "No published partnership body is linked to this theme’s deliverables." in html
