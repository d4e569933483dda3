"""External funding won (Safer Streets) with its interventions and their progress, and
commissioned services: officers read them; an editor records progress."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from pcplan.grants.models import CommissionedService, ExternalBid, Intervention

pytestmark = pytest.mark.django_db


@pytest.fixture
def bid(opcc):
    bid = ExternalBid.objects.create(
        key="safer-streets-round-4",
        name="Safer Streets Fund, round 4",
        status=ExternalBid.Status.WON,
        amount_won=Decimal("634285.00"),
    )
    bid.partners.add(opcc)
    Intervention.objects.create(bid=bid, title="Video doorbells")
    return bid


def test_editor_records_progress_of_an_intervention(client, editor, bid):
    intervention = bid.interventions.get()
    client.force_login(editor)
    response = client.post(
        reverse("grants:intervention-edit", args=[bid.key, intervention.pk]),
        {"progress": "in-progress", "progress_note": "First 50 fitted."},
    )
    assert response.status_code == 302
    intervention.refresh_from_db()
    assert intervention.progress == Intervention.Progress.IN_PROGRESS
    assert intervention.history.first().history_user == editor
    page = client.get(reverse("grants:external-bid-detail", args=[bid.key])).content.decode()
    assert "First 50 fitted." in page
    assert "634285" in page


def test_a_contributor_cannot_record_progress(client, csp_user, bid):
    intervention = bid.interventions.get()
    client.force_login(csp_user)
    url = reverse("grants:intervention-edit", args=[bid.key, intervention.pk])
    assert client.post(url, {"progress": "done"}).status_code == 403
    intervention.refresh_from_db()
    assert intervention.progress == Intervention.Progress.NOT_KNOWN


def test_officers_read_a_commissioned_service(client, editor, opcc):
    CommissionedService.objects.create(key="victims", name="Victims' hub", provider=opcc)
    client.force_login(editor)
    home = client.get(reverse("grants:home")).content.decode()
    assert "Victims&#x27; hub" in home
    response = client.get(reverse("grants:service-detail", args=["victims"]))
    assert response.status_code == 200
    assert opcc.name in response.content.decode()
