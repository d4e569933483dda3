"""The Panel as Popolo / Open Civic Data JSON (issue 14 item 6)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.panel.models import PanelMember, Precept
from tests.api.conftest import SECRET

pytestmark = pytest.mark.django_db


def test_members_meetings_and_reported_precepts_read_as_popolo(client, planted_secrets):
    member = PanelMember.objects.create(
        name="Councillor Ann Smith",
        kind="councillor",
        authority="Fenland District Council",
        office="chair",
        start_date=dt.date(2022, 5, 1),
    )
    Precept.objects.create(
        financial_year_start=2023,
        notified_on=dt.date(2023, 1, 20),
        outcome=Precept.Outcome.NO_VETO,
        report_date=dt.date(2023, 2, 2),
    )
    Precept.objects.create(financial_year_start=2024, notified_on=dt.date(2024, 1, 20))
    response = client.get(reverse("api:popolo"))
    assert response.status_code == 200
    body = response.json()
    assert {"id": f"person-{member.pk}", "name": "Councillor Ann Smith"} in body["persons"]
    membership = next(m for m in body["memberships"] if m["person_id"] == f"person-{member.pk}")
    assert membership["organization_id"] == "panel"
    assert membership["role"] == "Chair"
    assert membership["on_behalf_of_id"] == "authority-fenland-district-council"
    assert {
        "id": "authority-fenland-district-council",
        "name": "Fenland District Council",
        "classification": "council",
    } in body["organizations"]
    assert body["events"][0]["start_date"].endswith("+00:00")
    assert [v["id"] for v in body["vote_events"]] == ["precept-2023"]
    assert body["vote_events"][0]["result"] == "fail"
    assert SECRET not in response.content.decode()
