"""The demo's decisions come from the data file (issue 13 item 8), once."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.transparency.demo import load_transparency_demo
from pcplan.transparency.models import Decision

pytestmark = pytest.mark.django_db


def test_the_demo_records_the_boards_approval_of_the_draft_plan_on_12_october_2021():
    load_transparency_demo()
    decision = Decision.objects.get(decided_on=dt.date(2021, 10, 12))
    assert decision.title == "Approval of the draft Police and Crime Plan"
    assert decision.decision_maker == "Business Coordination Board"
    assert decision.is_published and decision.published_at is not None
    assert decision.financial_implications == "Not stated in the source report."
    assert decision.history.first().history_change_reason == "Published"


def test_loading_the_demo_twice_adds_nothing():
    load_transparency_demo()
    count = Decision.objects.count()
    assert count == 2
    assert load_transparency_demo() == []
    assert Decision.objects.count() == count
