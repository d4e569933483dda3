"""RAG and risk on the public theme pages (issue 18): published deliverables only, in words as
well as colour, by the one rule; a draft dependency never changes what the public sees."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.core.periods import Quarter, QuarterSpan
from pcplan.delivery.rules import Risk, Status
from pcplan.plans.lifecycle import PlanStatus
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def block_of(html: str, title: str) -> str:
    """The deliverable's entry on the theme page: from its title to the next entry."""
    return html.split(f">{title}</a>")[1].split("<h3")[0]


@pytest.fixture
def theme():
    plan = PlanFactory(key="issued", status=PlanStatus.ISSUED)
    theme = ThemeFactory(plan=plan, key="victims", title="Supporting Victims")
    long_ago = QuarterSpan(
        Quarter.for_date(dt.date(2020, 4, 1)), Quarter.for_date(dt.date(2020, 4, 1))
    )
    DeliverableFactory(theme=theme, title="Overdue work", target=long_ago)
    DeliverableFactory(theme=theme, title="Risky work", risk=Risk.HIGH)
    DeliverableFactory(theme=theme, title="Steady work", risk=Risk.LOW)
    waiting = DeliverableFactory(theme=theme, title="Waiting work")
    late_draft = DeliverableFactory(
        theme=theme, title="SECRET late draft", is_published=False, target=long_ago
    )
    waiting.depends_on.add(late_draft)
    DeliverableFactory(theme=theme, title="Done work", status=Status.COMPLETED, risk=Risk.HIGH)
    return theme


def test_the_public_theme_page_shows_rag_and_risk_in_words(client, theme):
    html = client.get(reverse("public:theme", args=[theme.plan.key, theme.key])).content.decode()
    assert "RAG: Red" in block_of(html, "Overdue work")
    risky = block_of(html, "Risky work")
    assert "RAG: Red" in risky and "Risk: High." in risky
    steady = block_of(html, "Steady work")
    assert "RAG: Green" in steady and "Risk: Low." in steady
    assert "RAG: Green" in block_of(html, "Done work")
    assert "How the RAG status and risk are decided" in html
    assert "govuk-tag--red" in html  # colour as well as words


def test_a_draft_dependency_never_colours_the_public_rag(client, theme):
    html = client.get(reverse("public:theme", args=[theme.plan.key, theme.key])).content.decode()
    assert "RAG: Green" in block_of(html, "Waiting work")
    assert "SECRET" not in html
    # Published, the late dependency makes it amber, by the same rule as for staff.
    from pcplan.delivery.models import Deliverable

    late = Deliverable.objects.get(title="SECRET late draft")
    late.is_published = True
    late.save(update_fields=["is_published"])
    html = client.get(reverse("public:theme", args=[theme.plan.key, theme.key])).content.decode()
    assert "RAG: Amber" in block_of(html, "Waiting work")
