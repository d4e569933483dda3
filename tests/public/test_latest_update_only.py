"""The public plan and theme pages load only each deliverable's latest public update (issue 17:
the plan page loaded every published update of every deliverable to show the first)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pcplan.delivery.models import Update
from pcplan.plans.lifecycle import PlanStatus
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory, UpdateFactory

pytestmark = pytest.mark.django_db

DELIVERABLES = 3


@contextmanager
def updates_loaded() -> Iterator[list[Update]]:
    """Every Update row read from the database while the block runs."""
    loaded: list[Update] = []

    def count(sender: type[Update], instance: Update, **kwargs: object) -> None:
        loaded.append(instance)

    post_init.connect(count, sender=Update)
    try:
        yield loaded
    finally:
        post_init.disconnect(count, sender=Update)


def plan_with_updates(per_deliverable: int) -> tuple[str, str]:
    plan = PlanFactory(key=f"plan-{per_deliverable}", status=PlanStatus.ISSUED)
    theme = ThemeFactory(plan=plan, key="theme")
    for n in range(DELIVERABLES):
        deliverable = DeliverableFactory(theme=theme, is_published=True)
        for day in range(1, per_deliverable + 1):
            UpdateFactory(
                deliverable=deliverable, text=f"Update {n}-{day}", date=f"2023-01-{day:02d}"
            )
        # A newer draft must not be taken for the latest.
        UpdateFactory(deliverable=deliverable, text="SECRET", date="2023-02-01", is_published=False)
    return str(plan.key), str(theme.key)


def measure(client, url: str) -> tuple[int, int, str]:
    with CaptureQueriesContext(connection) as queries, updates_loaded() as loaded:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(loaded), response.content.decode()


@pytest.mark.parametrize("page", ["public:theme"])
def test_the_theme_page_loads_only_the_latest_public_update_of_each_deliverable(client, page):
    few_key, few_theme = plan_with_updates(per_deliverable=1)
    many_key, many_theme = plan_with_updates(per_deliverable=20)
    args = {"public:plan": lambda k, t: [k], "public:theme": lambda k, t: [k, t]}[page]
    few_queries, few_rows, _ = measure(client, reverse(page, args=args(few_key, few_theme)))
    many_queries, many_rows, html = measure(client, reverse(page, args=args(many_key, many_theme)))
    assert few_rows == many_rows == DELIVERABLES
    assert many_queries == few_queries
    for n in range(DELIVERABLES):
        assert f"Update {n}-20" in html
        assert f"Update {n}-19" not in html
    assert "SECRET" not in html


def test_the_plan_page_is_a_summary_that_loads_no_updates_whatever_their_number(client):
    """Issue 18 item 6: the plan page summarises each theme and links to it; the updates are
    on the theme pages."""
    few_key, _ = plan_with_updates(per_deliverable=1)
    many_key, many_theme = plan_with_updates(per_deliverable=20)
    few_queries, few_rows, _ = measure(client, reverse("public:plan", args=[few_key]))
    many_queries, many_rows, html = measure(client, reverse("public:plan", args=[many_key]))
    assert few_rows == many_rows == 0
    assert many_queries == few_queries
    assert reverse("public:theme", args=[many_key, many_theme]) in html
    assert "SECRET" not in html


def test_the_plan_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    key, _ = plan_with_updates(per_deliverable=20)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("public:plan", args=[key])).status_code == 200
