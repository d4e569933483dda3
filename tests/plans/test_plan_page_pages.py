"""A plan's staff page shows its themes (each in full) and its steps a page at a time, each
under its own page number with the other's kept, themes numbered across pages (issue 17)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from pcplan.plans.models import PlanStatusChange, Priority
from pcplan.plans.views import STEPS_PAGE_SIZE, THEMES_PAGE_SIZE
from tests.factories import PlanFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def theme_headings(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<h3 class="govuk-heading-s">(\d+)\. (Theme [\w ]+?)[ <]', page)


def step_notes(page: str) -> list[str]:
    return re.findall(r"Step note (\d+)", page)


def test_every_theme_and_step_is_found_a_page_at_a_time(client_for, editor):
    plan = PlanFactory()
    themes = ThemeFactory.create_batch(THEMES_PAGE_SIZE + 2, plan=plan)
    for theme in themes:
        Priority.objects.create(theme=theme, text=f"Priority of {theme.title}")
    for n in range(STEPS_PAGE_SIZE + 1):
        PlanStatusChange.objects.create(
            plan=plan, status="draft", date=dt.date(2021, 1, 1), note=f"Step note {n}"
        )
    client = client_for(editor)
    url = reverse("plans:plan-detail", args=[plan.key])
    first = client.get(url).content.decode()
    assert [n for n, _ in theme_headings(first)] == [str(n) for n in range(1, 11)]
    assert first.count("Priority of Theme") == THEMES_PAGE_SIZE
    assert len(step_notes(first)) == STEPS_PAGE_SIZE
    assert 'href="?themes-page=2"' in first and 'href="?steps-page=2"' in first
    second = client.get(url, {"steps-page": "2", "themes-page": "2"}).content.decode()
    assert [n for n, _ in theme_headings(second)] == ["11", "12"]
    assert len(step_notes(second)) == 1
    assert 'href="?steps-page=2&amp;themes-page=1"' in second
    shown = {t for _, t in theme_headings(first) + theme_headings(second)}
    assert shown == {t.title for t in themes}
    assert set(step_notes(first) + step_notes(second)) == {str(n) for n in range(21)}
