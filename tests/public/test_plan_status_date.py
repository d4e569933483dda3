"""A plan's page dates its current status by that step, not by the day it was issued."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import PlanStatusChange
from tests.factories import PlanFactory


def superseded_plan():
    plan = PlanFactory(key="cambs-2017-20", title="Police and Crime Plan 2017-20")
    plan.status = PlanStatus.SUPERSEDED
    plan.save()
    for status, date in [
        (PlanStatus.ISSUED, dt.date(2017, 3, 29)),
        (PlanStatus.VARIED, dt.date(2019, 1, 10)),
        (PlanStatus.VARIED, dt.date(2020, 2, 3)),
        (PlanStatus.SUPERSEDED, dt.date(2021, 11, 29)),
    ]:
        PlanStatusChange.objects.create(plan=plan, status=status, date=date)
    return plan


def test_a_superseded_plan_says_the_day_it_was_superseded(client, db):
    plan = superseded_plan()
    page = client.get(reverse("public:plan", args=[plan.key])).text
    assert "Superseded on 29 November 2021." in page
    assert "29 March 2017" not in page


def test_the_date_of_a_step_is_its_latest_and_none_when_never_taken(db):
    plan = superseded_plan()
    assert plan.date_of(PlanStatus.ISSUED) == dt.date(2017, 3, 29)
    assert plan.date_of(PlanStatus.VARIED) == dt.date(2020, 2, 3)
    assert plan.date_of(PlanStatus.CONSULTATION) is None
    assert plan.status_date() == dt.date(2021, 11, 29)


def test_an_issued_plan_still_says_the_day_it_was_issued(client, db):
    plan = PlanFactory(key="cambs-2021-24", status=PlanStatus.ISSUED)
    PlanStatusChange.objects.create(plan=plan, status=PlanStatus.ISSUED, date=dt.date(2021, 11, 29))
    page = client.get(reverse("public:plan", args=[plan.key])).text
    assert "Issued on 29 November 2021." in page
