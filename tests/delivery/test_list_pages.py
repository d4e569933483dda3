"""The staff Delivery Plan list is paginated, keeps its filters from page to page, and reads
the same number of rows from the database whatever the plan's size (issue 17)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pcplan.delivery import views
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory

pytestmark = pytest.mark.django_db

PAGE = 4


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(views, "LIST_PAGE_SIZE", PAGE)


def plan_of(size: int, key: str):
    plan = PlanFactory(key=key)
    theme = ThemeFactory(plan=plan, key=f"{key}-theme")
    for n in range(size):
        DeliverableFactory(theme=theme, title=f"{key} {n:03d}", status="in-progress")
    return plan


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_list_shows_a_page_and_its_queries_do_not_grow_with_the_plan(
    client_for, editor, built_staff_bodies
):
    small, large = plan_of(PAGE - 1, "small"), plan_of(3 * PAGE + 1, "large")
    client = client_for(editor)
    get(client, reverse("delivery:deliverable-list", args=[small.key]))  # warm: first request
    _, few = get(client, reverse("delivery:deliverable-list", args=[small.key]))
    html, many = get(client, reverse("delivery:deliverable-list", args=[large.key]))
    assert many <= few + 1  # the paginator's count
    assert f"{3 * PAGE + 1} deliverables" in html
    assert "large 000" in html and f"large {PAGE:03d}" not in html
    assert 'rel="next"' in html


def test_the_next_page_keeps_the_filters(client_for, editor):
    large = plan_of(2 * PAGE + 1, "large")
    client = client_for(editor)
    url = reverse("delivery:deliverable-list", args=[large.key]) + "?status=in-progress"
    html, _ = get(client, url)
    next_link = re.search(r'href="\?([^"]*)" rel="next"', html)
    assert next_link is not None
    assert "status=in-progress" in next_link[1] and "page=2" in next_link[1]
    second, _ = get(client, url.split("?")[0] + "?" + next_link[1].replace("&amp;", "&"))
    assert f"large {PAGE:03d}" in second and "large 000" not in second
    assert 'rel="prev"' in second
