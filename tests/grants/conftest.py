"""Grants fixtures: a CSP that bids, the Safer Communities Fund's rules, an officer."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pcplan.core.models import CommunitySafetyPartnership, Office, Organisation, User
from pcplan.grants.models import Award, Fund, Source
from pcplan.transparency.models import Decision
from tests.factories import OrganisationFactory, UserFactory


@pytest.fixture
def office(db):
    office = Office(name="Police and Crime Commissioner for Testshire")
    office.save()
    return office


@pytest.fixture
def csp_area(office, csp):
    return CommunitySafetyPartnership.objects.create(
        office=office, name="Peterborough", organisation=csp
    )


@pytest.fixture
def csp_user(csp):
    return UserFactory(username="csp-officer", role=User.Role.CONTRIBUTOR, organisation=csp)


@pytest.fixture
def charity(db):
    return OrganisationFactory(key="a-charity", name="A Charity", kind=Organisation.Kind.VOLUNTARY)


@pytest.fixture
def charity_user(charity):
    return UserFactory(username="charity", role=User.Role.CONTRIBUTOR, organisation=charity)


@pytest.fixture
def fund(db):
    """The Safer Communities Fund's rules (seed 002 item 7 §5.5), with a test budget."""
    return Fund.objects.create(
        key="safer-communities-fund",
        name="Safer Communities Fund",
        source=Source.COMMISSIONER,
        eligible_kinds=[Organisation.Kind.CSP],
        max_award=Decimal("5000.00"),
        opens_on=dt.date(2022, 5, 1),
        closes_on=dt.date(2023, 3, 31),
        budget=Decimal("12000.00"),
    )


def make_award(
    fund,
    recipient,
    *,
    reference,
    amount="1000.00",
    published=True,
    decision_number=None,
    decision_maker="",
    **extra,
):
    """An award made by its own decision record (published with it)."""
    decided_on = extra.get("decision_date", dt.date(2022, 7, 1))
    decision = Decision.objects.create(
        number=f"D-{reference}" if decision_number is None else decision_number,
        decided_on=decided_on,
        title=f"Grant {reference}",
        summary=f"Grant {reference}",
        kind=Decision.Kind.GRANT,
        decision_maker=decision_maker,
        is_published=published,
    )
    fields = {
        "purpose": f"Purpose of {reference}",
        "decision": decision,
        "decision_date": decided_on,
        "is_published": published,
    }
    fields.update(extra)
    return Award.objects.create(
        reference=reference,
        fund=fund,
        recipient=recipient,
        amount=None if amount is None else Decimal(amount),
        **fields,
    )
