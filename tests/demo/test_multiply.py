"""The demo ×N (issue 17's benchmark and staff pages test): every kind of record N times as
many, with new keys, linked as before."""

from __future__ import annotations

import pytest

from pcplan.delivery.models import Deliverable, Update
from pcplan.demo.multiply import NOT_COPIED, multiply, pcplan_models
from pcplan.plans.models import Plan, Theme
from tests.demo_snapshot import load_demo_database
from tests.factories import DeliverableFactory, ThemeFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def test_multiplying_by_three_gives_three_times_every_kind_of_record_of_the_demo():
    load_demo_database()
    result = multiply(3)
    assert result.before["delivery.Deliverable"] > 0
    assert result.before["panel.Meeting"] > 0
    assert result.before["grants.Award"] > 0
    not_tripled = {
        label: (before, result.after[label])
        for label, before in result.before.items()
        if result.after[label] != 3 * before
    }
    assert not_tripled == {}


def test_copies_have_new_keys_and_hang_from_the_same_records(plan):
    theme = ThemeFactory.create(plan=plan, key="crime-prevention")
    deliverable = DeliverableFactory.create(theme=theme, key="serious-violence")
    UpdateFactory.create(deliverable=deliverable, text="Needs assessment under way.")
    multiply(2)
    assert sorted(Plan.objects.values_list("key", flat=True)) == [plan.key, f"{plan.key}-x2"]
    assert Theme.objects.filter(plan=plan).count() == 2
    keys = sorted(Deliverable.objects.filter(theme=theme).values_list("key", flat=True))
    assert keys == ["serious-violence", "serious-violence-x2"]
    assert Update.objects.filter(deliverable=deliverable).count() == 2
    assert deliverable.history.count() == 2  # its audit history copied too


def test_nothing_is_copied_of_the_office_or_the_police_aggregates():
    labels = {model._meta.label for model in pcplan_models()}
    assert labels.isdisjoint(NOT_COPIED)
    assert "delivery.Deliverable" in labels
    assert "delivery.HistoricalDeliverable" in labels
    assert "delivery.Deliverable_partners" in labels
