"""Membership over time (issue 11, tests that must exist): who chaired the CJB on a day."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.partnerships.models import BodyKind, Membership, MembershipRole
from tests.factories import BodyFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cjb():
    return BodyFactory(
        key="criminal-justice-board",
        name="Criminal Justice Board",
        kind=BodyKind.CRIMINAL_JUSTICE_BOARD,
    )


@pytest.fixture
def chairs(cjb):
    first = MembershipFactory(
        body=cjb,
        person="First Chair",
        role=MembershipRole.CHAIR,
        starts_on=dt.date(2016, 5, 12),
        ends_on=dt.date(2021, 5, 12),
    )
    second = MembershipFactory(
        body=cjb, person="Second Chair", role=MembershipRole.CHAIR, starts_on=dt.date(2021, 5, 13)
    )
    MembershipFactory(body=cjb, person="A member", starts_on=dt.date(2015, 1, 1))
    return first, second


def test_the_chair_of_the_cjb_on_a_day_is_the_chair_whose_term_covers_it(cjb, chairs):
    first, second = chairs
    assert Membership.objects.chair_on(cjb, dt.date(2019, 1, 1)) == first
    assert Membership.objects.chair_on(cjb, dt.date(2022, 9, 14)) == second


def test_a_chair_holds_the_chair_on_the_last_day_of_the_term_and_not_after(cjb, chairs):
    first, second = chairs
    assert Membership.objects.chair_on(cjb, dt.date(2021, 5, 12)) == first
    assert Membership.objects.chair_on(cjb, dt.date(2021, 5, 13)) == second


def test_no_one_chaired_the_cjb_before_the_first_chair_started(cjb, chairs):
    assert Membership.objects.chair_on(cjb, dt.date(2016, 5, 11)) is None


def test_a_member_is_not_taken_for_the_chair(cjb):
    MembershipFactory(body=cjb, person="A member", starts_on=dt.date(2015, 1, 1))
    assert Membership.objects.chair_on(cjb, dt.date(2020, 1, 1)) is None
    assert Membership.objects.on(dt.date(2020, 1, 1)).filter(body=cjb).count() == 1


def test_the_chair_of_another_body_is_not_the_cjbs(cjb, chairs):
    harms = BodyFactory(key="harms-board", name="Harms Board")
    MembershipFactory(
        body=harms, person="Harms Chair", role=MembershipRole.CHAIR, starts_on=dt.date(2022, 9, 1)
    )
    assert Membership.objects.chair_on(cjb, dt.date(2023, 1, 1)).person == "Second Chair"
    assert Membership.objects.chair_on(harms, dt.date(2023, 1, 1)).person == "Harms Chair"
