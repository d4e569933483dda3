"""Progress the public can read (issue 18 item 6): each theme's page shows its deliverables by
status with a progress bar (completed of total; tasks done of total where tasks exist), and the
plan page is a summary linking to the theme pages. Drafts are never counted."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pcplan.delivery.models import Deliverable, Task
from pcplan.delivery.progress import progress_by_theme
from pcplan.delivery.rules import Status
from pcplan.plans.lifecycle import PlanStatus
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def tasks(deliverable, done, total):
    for n in range(total):
        Task.objects.create(deliverable=deliverable, title=f"Task {n + 1}", done=n < done)


@pytest.fixture
def plan():
    plan = PlanFactory(key="issued", status=PlanStatus.ISSUED)
    victims = ThemeFactory(plan=plan, key="victims", title="Supporting Victims", position=1)
    ThemeFactory(plan=plan, key="enforcement", title="Robust Enforcement", position=2)
    hourglass = DeliverableFactory(theme=victims, title="Support for Hourglass")
    tasks(hourglass, done=12, total=16)
    DeliverableFactory(theme=victims, title="Victims Provider Forum", status=Status.COMPLETED)
    DeliverableFactory(theme=victims, title="Victim and Witness Hub", status=Status.RESCHEDULED)
    draft = DeliverableFactory(
        theme=victims, title="SECRET draft", status=Status.COMPLETED, is_published=False
    )
    tasks(draft, done=5, total=5)
    return plan


def test_progress_counts_public_deliverables_by_status_and_their_tasks(plan):
    victims = plan.themes.get(key="victims")
    progress = progress_by_theme(Deliverable.objects.public().filter(theme__plan=plan))
    theme_progress = progress[victims.pk]
    assert (theme_progress.completed, theme_progress.total) == (1, 3)
    assert (theme_progress.tasks_done, theme_progress.tasks_total) == (12, 16)
    assert theme_progress.statuses() == [
        ("in-progress", "In progress", 1),
        ("completed", "Completed", 1),
        ("rescheduled", "Rescheduled", 1),
    ]
    assert plan.themes.get(key="enforcement").pk not in progress


def test_the_theme_page_shows_deliverables_by_status_with_a_progress_bar(client, plan):
    response = client.get(reverse("public:theme", args=[plan.key, "victims"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 of 3 deliverables completed" in html
    assert 'max="3" value="1"' in html
    assert "12 of 16 tasks done" in html
    assert 'max="16" value="12"' in html
    assert html.index("In progress (1)") < html.index("Support for Hourglass")
    assert html.index("Completed (1)") < html.index("Victims Provider Forum")
    assert html.index("Rescheduled (1)") < html.index("Victim and Witness Hub")
    assert "SECRET" not in html


def test_the_plan_page_is_a_summary_linking_to_each_theme(client, plan):
    response = client.get(reverse("public:plan", args=[plan.key]))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("public:theme", args=[plan.key, "victims"]) in html
    assert reverse("public:theme", args=[plan.key, "enforcement"]) in html
    assert "1 of 3 deliverables completed" in html
    assert "No deliverables have been published for this theme yet." in html
    assert "Support for Hourglass" not in html  # the deliverables are on the theme pages
    assert "SECRET" not in html
