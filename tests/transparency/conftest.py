from __future__ import annotations

import datetime as dt

import pytest

from pcplan.core.models import User
from pcplan.transparency import services
from tests.factories import UserFactory

SECRET = "SECRET-EXEMPT-commercial terms of the estates sale"


@pytest.fixture
def secretariat(db):
    return UserFactory(username="secretariat", role=User.Role.PANEL_SECRETARIAT)


@pytest.fixture
def published_decision(editor):
    """A published decision with an exempt part planted in it."""
    return services.record_decision(
        editor,
        number="2023/007",
        decided_on=dt.date(2023, 2, 3),
        title="Disposal of the old police station",
        summary="The Commissioner agreed to sell the old police station.",
        reasons="The building is surplus to requirements.",
        financial_implications="A capital receipt.",
        advised_by="Chief Finance Officer",
        significant_public_interest=True,
        exempt_part=SECRET,
        exemption_reason="SECRET-REASON commercial interests of the buyer",
        exemption_paragraph="Local Government Act 1972 Schedule 12A paragraph 3",
        publish=True,
    )


@pytest.fixture
def draft_decision(editor):
    return services.record_decision(
        editor,
        number="2023/008",
        decided_on=dt.date(2023, 2, 10),
        title="DRAFT-DECISION not yet published",
        summary="Not yet public.",
    )
