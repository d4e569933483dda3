"""What a plan must set out (PRSRA 2011 s.7(1); seed 000 §3.1) and when it must be issued."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.plans.models import PlanStatutoryElement
from pcplan.plans.statutory import StatutoryElement, missing_elements
from tests.factories import PlanFactory


def test_the_act_lists_seven_elements_in_the_order_of_seed_000_section_3_1():
    assert [e.value for e in StatutoryElement] == [
        "objectives",
        "policing",
        "resources",
        "reporting",
        "performance-measures",
        "services",
        "grants",
    ]


def test_missing_elements_keep_the_order_of_the_act():
    assert missing_elements({"policing", "grants"}) == [
        StatutoryElement.OBJECTIVES,
        StatutoryElement.RESOURCES,
        StatutoryElement.REPORTING,
        StatutoryElement.PERFORMANCE_MEASURES,
        StatutoryElement.SERVICES,
    ]


@pytest.mark.django_db
def test_a_new_plan_is_missing_every_element_until_each_is_set_out():
    plan = PlanFactory()
    assert len(plan.missing_statutory_elements()) == 7
    PlanStatutoryElement.objects.create(plan=plan, element="objectives", text="The five themes")
    PlanStatutoryElement.objects.create(plan=plan, element="grants", text="   ")
    missing = plan.missing_statutory_elements()
    assert StatutoryElement.OBJECTIVES not in missing
    assert StatutoryElement.GRANTS in missing  # blank text does not count
    assert len(missing) == 6


@pytest.mark.django_db
def test_a_plan_must_be_issued_by_31_march_of_the_financial_year_of_the_election():
    """Seed 000 §3.1: elected May 2021, so the plan must be issued by 31 March 2022."""
    assert PlanFactory(elected_on=dt.date(2021, 5, 6)).issue_deadline == dt.date(2022, 3, 31)
    # Seed 003 §4.1: the first Commissioners, elected November 2012, issued by 31 March 2013.
    assert PlanFactory(elected_on=dt.date(2012, 11, 15)).issue_deadline == dt.date(2013, 3, 31)
    assert PlanFactory(elected_on=None).issue_deadline is None
