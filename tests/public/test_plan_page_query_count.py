"""The public plan and theme pages cost the same number of queries at two data sizes, now that
they show pledges, key objectives, shared outcomes, progress, RAG and risk (issue 18)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pcplan.delivery.models import Task
from pcplan.delivery.rules import Risk
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Commitment
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def plan_of_size(key: str, themes: int, per_theme: int) -> str:
    plan: Any = PlanFactory(key=key, status=PlanStatus.ISSUED)
    for t in range(themes):
        theme: Any = ThemeFactory(plan=plan, key=f"theme-{t}", title=f"Theme {t}", position=t)
        deliverables: list[Any] = []
        for n in range(per_theme):
            d: Any = DeliverableFactory(theme=theme, title=f"Work {t}-{n}", risk=Risk.MEDIUM)
            UpdateFactory(deliverable=d, text=f"Update {t}-{n}")
            Task.objects.create(deliverable=d, title="A task", done=n % 2 == 0)
            if deliverables:
                d.depends_on.add(deliverables[-1])
            deliverables.append(d)
        for kind in Commitment.Kind.values:
            c = Commitment.objects.create(plan=plan, theme=theme, kind=kind, text=f"{kind} {t}")
            c.deliverables.set(deliverables)
    return key


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_public_plan_page_costs_the_same_queries_at_two_data_sizes(client):
    small = plan_of_size("small", themes=1, per_theme=1)
    large = plan_of_size("large", themes=5, per_theme=6)
    small_count = queries(client, reverse("public:plan", args=[small]))
    assert queries(client, reverse("public:plan", args=[large])) == small_count


def test_the_public_theme_page_costs_the_same_queries_at_two_data_sizes(client):
    small = plan_of_size("small", themes=1, per_theme=1)
    large = plan_of_size("large", themes=1, per_theme=12)
    small_count = queries(client, reverse("public:theme", args=[small, "theme-0"]))
    assert queries(client, reverse("public:theme", args=[large, "theme-0"])) == small_count
