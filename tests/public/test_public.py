"""The public site shows published content only (issue 2 item 4; DESIGN.md rules)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pcplan.plans.lifecycle import PlanStatus
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory, UpdateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_plan():
    plan = PlanFactory(key="issued-plan", title="Issued Plan", status=PlanStatus.ISSUED)
    theme = ThemeFactory(plan=plan, key="crime-prevention", title="Crime Prevention")
    shown = DeliverableFactory(theme=theme, title="Published deliverable", is_published=True)
    UpdateFactory(deliverable=shown, text="Published older update", date="2022-09-01")
    UpdateFactory(deliverable=shown, text="Published latest update", date="2023-03-15")
    UpdateFactory(
        deliverable=shown, text="SECRET draft update", date="2023-03-20", is_published=False
    )
    hidden = DeliverableFactory(theme=theme, title="SECRET draft deliverable", is_published=False)
    UpdateFactory(deliverable=hidden, text="SECRET update of a draft deliverable")
    return plan


def get(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


def test_the_public_theme_shows_published_deliverables_with_their_latest_published_update(
    client, public_plan
):
    status, page = get(client, reverse("public:theme", args=[public_plan.key, "crime-prevention"]))
    assert status == 200
    assert "Published deliverable" in page
    assert "Published latest update" in page
    assert "Published older update" not in page  # only the latest on the theme page
    assert "SECRET" not in page


def test_drafts_never_appear_on_any_public_page(client, public_plan):
    shown = public_plan.themes.get().deliverables.get(is_published=True)
    hidden = public_plan.themes.get().deliverables.get(is_published=False)
    pages = [
        reverse("public:home"),
        reverse("public:plan", args=[public_plan.key]),
        reverse("public:theme", args=[public_plan.key, "crime-prevention"]),
        reverse("public:deliverable", args=[public_plan.key, shown.pk]),
    ]
    for url in pages:
        status, page = get(client, url)
        assert status == 200, url
        assert "SECRET" not in page, url
    assert get(client, reverse("public:deliverable", args=[public_plan.key, hidden.pk]))[0] == 404


def test_the_public_deliverable_page_lists_published_updates_newest_first(client, public_plan):
    shown = public_plan.themes.get().deliverables.get(is_published=True)
    _, page = get(client, reverse("public:deliverable", args=[public_plan.key, shown.pk]))
    assert page.index("Published latest update") < page.index("Published older update")


@pytest.mark.parametrize(
    "status", [s for s in PlanStatus if s not in {"issued", "varied", "superseded"}]
)
def test_a_plan_that_is_not_issued_is_not_public(client, status):
    plan = PlanFactory(key="draft-plan", title="SECRET draft plan", status=status)
    theme = ThemeFactory(plan=plan, key="t")
    deliverable = DeliverableFactory(theme=theme, is_published=True)
    assert "SECRET" not in get(client, reverse("public:home"))[1]
    assert get(client, reverse("public:plan", args=[plan.key]))[0] == 404
    assert get(client, reverse("public:theme", args=[plan.key, "t"]))[0] == 404
    assert get(client, reverse("public:deliverable", args=[plan.key, deliverable.pk]))[0] == 404


def test_a_deliverable_is_not_reachable_through_another_plans_address(client, public_plan):
    other = PlanFactory(key="other-plan", status=PlanStatus.ISSUED)
    shown = public_plan.themes.get().deliverables.get(is_published=True)
    assert get(client, reverse("public:deliverable", args=[other.key, shown.pk]))[0] == 404


def test_the_public_plan_page_query_count_does_not_grow_with_deliverables(
    client, public_plan, django_assert_max_num_queries
):
    theme = public_plan.themes.get()
    for _ in range(30):
        UpdateFactory(deliverable=DeliverableFactory(theme=theme, is_published=True))
    with django_assert_max_num_queries(8):
        client.get(reverse("public:plan", args=[public_plan.key]))


def test_the_help_page_explains_each_role(client):
    status, page = get(client, reverse("public:help"))
    assert status == 200
    for heading in ["member of the public", "lead deliverables", "keep the plan", "Panel member"]:
        assert heading in page
