"""Engagement fixtures: the seeds' office (six CSP areas), a consultation, a concern."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.engagement.models import Concern, Consultation

PLANTED_NAME = "Zebedee Quartermaine-Planted"
PLANTED_EMAIL = "zebedee.planted@example.org"
PLANTED_PHONE = "07700 900123"
PLANTED_ADDRESS = "17 Planted Lane, Nowhere"
PLANTED = (PLANTED_NAME, PLANTED_EMAIL, PLANTED_PHONE, PLANTED_ADDRESS)


@pytest.fixture(autouse=True)
def office(db):
    from tests.offices.profiles import seeds_office

    return seeds_office()


@pytest.fixture
def consultation(plan, theme):
    return Consultation.objects.create(
        key="plan-survey-2021",
        title="Police and Crime Plan survey 2021",
        purpose=Consultation.Purpose.PLAN,
        plan=plan,
        opens_on=dt.date(2021, 6, 30),
        closes_on=dt.date(2021, 7, 30),
    )


@pytest.fixture
def concern(db):
    return Concern.objects.create(
        received_on=dt.date(2022, 10, 3),
        raised_by=Concern.RaisedBy.RESIDENT,
        raiser_name=PLANTED_NAME,
        raiser_email=PLANTED_EMAIL,
        raiser_phone=PLANTED_PHONE,
        raiser_address=PLANTED_ADDRESS,
        area="Cambridge",
        topic=Concern.Topic.BIKE_THEFT,
        summary=f"Bikes stolen outside my house, says {PLANTED_NAME}",
    )
