"""Audit history costs a fixed number of queries whatever its length (issue 17: the staff
deliverable page ran 111 queries at 51 history rows, two per row for the partners)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pcplan.core.models import Organisation
from pcplan.delivery.models import Deliverable
from pcplan.plans.models import Plan, Priority
from tests.factories import OrganisationFactory, ThemeFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def deliverable_with_history(theme, editor, rows: int) -> Deliverable:
    partners = [OrganisationFactory.create(key=f"partner-{theme.pk}-{n}") for n in range(3)]
    deliverable = Deliverable.objects.create(
        theme=theme, key=f"d-{rows}", title="Start", added_on="2021-11-29"
    )
    for n in range((rows - 1) // 2):  # two history rows each: the save and the partners
        deliverable.title = f"Title {n}"
        deliverable.lead = partners[n % 3]
        deliverable._history_user = editor  # type: ignore[attr-defined]
        deliverable.save()
        deliverable.partners.set(partners[: n % 3 + 1])
    update = UpdateFactory.create(deliverable=deliverable, text="First")
    update.text = "Second"
    update.save()
    return deliverable


def plan_with_history(plan: Plan, editor, rows: int) -> Plan:
    theme = ThemeFactory.create(plan=plan, key=f"t-{rows}")
    Priority.objects.create(theme=theme, text="A priority")
    for n in range(rows - 1):
        plan.title = f"Plan title {n}"
        plan._history_user = editor  # type: ignore[attr-defined]
        plan.save()
        theme.title = f"Theme title {n}"
        theme.save()
    return plan


def queries_for(client, url: str) -> int:
    # A request first: the session's renewal (at most once a minute) is not what is measured.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "Audit history" in response.content.decode()
    return len(queries)


def test_the_deliverable_page_history_costs_the_same_queries_at_5_and_51_rows(
    client_for, editor, theme
):
    client = client_for(editor)
    short = deliverable_with_history(theme, editor, rows=5)
    long = deliverable_with_history(theme, editor, rows=51)
    assert short.history.count() == 5
    assert long.history.count() == 51
    short_queries = queries_for(client, reverse("delivery:deliverable-detail", args=[short.pk]))
    long_queries = queries_for(client, reverse("delivery:deliverable-detail", args=[long.pk]))
    assert long_queries == short_queries


def test_the_partners_changes_are_still_named_in_the_history(client_for, editor, theme):
    client = client_for(editor)
    deliverable = deliverable_with_history(theme, editor, rows=5)
    html = client.get(reverse("delivery:deliverable-detail", args=[deliverable.pk])).content
    partners = Organisation.objects.filter(key__startswith=f"partner-{theme.pk}-").order_by("pk")
    first, second, _ = partners
    assert f"Partners: (none) → {first.name}<" in html.decode()
    assert f"Partners: {first.name} → {first.name}, {second.name}<" in html.decode()


def test_the_plan_history_page_costs_the_same_queries_at_5_and_50_rows(client_for, editor, plan):
    client = client_for(editor)
    short = plan_with_history(plan, editor, rows=5)
    short_queries = queries_for(client, reverse("plans:plan-history", args=[short.key]))
    long = plan_with_history(plan, editor, rows=46)  # 50 plan history rows in all
    assert long.history.count() == 50
    long_queries = queries_for(client, reverse("plans:plan-history", args=[long.key]))
    assert long_queries == short_queries
