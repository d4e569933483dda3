"""Commissioned services and external funding bids kept through staff forms (GOV.UK
pattern, posted back as served): a service's contract, measures and quarterly returns; a
Safer Streets style bid with its partners, interventions, deliverables and measures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from pcplan.grants import rules, services
from pcplan.grants.models import CommissionedService, ExternalBid, ServiceReturn
from pcplan.performance.models import Measure
from tests.factories import DeliverableFactory
from tests.htmlforms import date_fields, post_as_served, served_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure(db):
    return Measure.objects.create(
        key="victim-satisfaction", name="Victim satisfaction", unit="%", direction="higher"
    )


def test_editor_adds_a_commissioned_service_through_the_form(client, editor, opcc, measure):
    client.force_login(editor)
    response = post_as_served(
        client,
        reverse("grants:service-create"),
        {
            "name": "Victim and Witness Hub",
            "key": "victim-hub",
            "provider": str(opcc.pk),
            "contract_value": "812345.67",
            "measures": [str(measure.pk)],
            **date_fields("starts_on", dt.date(2023, 4, 1)),
            **date_fields("ends_on", dt.date(2024, 3, 31)),
            **date_fields("renewal_on", dt.date(2023, 10, 1)),
        },
    )
    assert response.status_code == 302
    service = CommissionedService.objects.get()
    assert response["Location"] == reverse("grants:service-detail", args=["victim-hub"])
    assert service.contract_value == Decimal("812345.67")
    assert list(service.measures.all()) == [measure]
    assert service.history.first().history_user == editor

    # Changed through the same form, as served: only the renewal date moves.
    response = post_as_served(
        client,
        reverse("grants:service-edit", args=["victim-hub"]),
        date_fields("renewal_on", dt.date(2023, 12, 1)),
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.renewal_on == dt.date(2023, 12, 1)
    assert service.contract_value == Decimal("812345.67")
    assert list(service.measures.all()) == [measure]


def test_a_contract_ending_before_it_starts_is_refused(client, editor):
    client.force_login(editor)
    response = post_as_served(
        client,
        reverse("grants:service-create"),
        {
            "name": "Hub",
            "key": "hub",
            **date_fields("starts_on", dt.date(2023, 4, 1)),
            **date_fields("ends_on", dt.date(2023, 3, 31)),
        },
    )
    assert response.status_code == 400
    assert "must end on or after it starts" in response.content.decode()
    assert CommissionedService.objects.count() == 0


def test_a_contributor_cannot_add_or_edit_a_service(client, csp_user):
    CommissionedService.objects.create(key="hub", name="Hub")
    client.force_login(csp_user)
    assert client.get(reverse("grants:service-create")).status_code == 403
    assert client.post(reverse("grants:service-edit", args=["hub"]), {"name": "x"}).status_code == (
        403
    )


def test_quarters_run_with_the_financial_year():
    assert rules.quarter_ends(dt.date(2023, 4, 1), dt.date(2024, 3, 31)) == [
        dt.date(2023, 6, 30),
        dt.date(2023, 9, 30),
        dt.date(2023, 12, 31),
        dt.date(2024, 3, 31),
    ]
    assert rules.quarter_ends(dt.date(2023, 5, 15), dt.date(2023, 7, 1)) == [
        dt.date(2023, 6, 30),
        dt.date(2023, 9, 30),
    ]
    assert rules.service_return_due(dt.date(2023, 12, 31)) == dt.date(2024, 1, 31)


def test_quarterly_returns_are_scheduled_recorded_and_overdue_the_day_after(client, editor):
    service = CommissionedService.objects.create(
        key="hub", name="Hub", starts_on=dt.date(2023, 4, 1), ends_on=dt.date(2024, 3, 31)
    )
    client.force_login(editor)
    page = client.get(reverse("grants:service-detail", args=["hub"])).content.decode()
    url = reverse("grants:service-schedule-returns", args=["hub"])
    assert url in page
    client.post(url, served_form(page, url))
    client.post(url)  # scheduling again adds nothing
    returns = list(service.returns.all())
    assert [r.due_on for r in returns] == [
        dt.date(2023, 7, 30),
        dt.date(2023, 10, 30),
        dt.date(2024, 1, 31),
        dt.date(2024, 4, 30),
    ]
    first = returns[0]
    assert list(ServiceReturn.objects.overdue(dt.date(2023, 7, 30))) == []
    assert list(ServiceReturn.objects.overdue(dt.date(2023, 7, 31))) == [first]

    response = post_as_served(
        client,
        reverse("grants:service-return-record", args=["hub", first.pk]),
        {
            **date_fields("received_on", dt.date(2023, 8, 2)),
            "spend_to_date": "50123.45",
            "activity": "212 victims supported.",
            "outcomes": "Satisfaction 84%.",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.received_on == dt.date(2023, 8, 2)
    assert first.spend_to_date == Decimal("50123.45")
    assert first.history.first().history_user == editor
    assert not first.is_overdue(dt.date(2023, 9, 1))
    page = client.get(reverse("grants:service-detail", args=["hub"])).content.decode()
    assert "Satisfaction 84%." in page


def test_overdue_service_returns_show_on_the_officers_home(client, editor):
    service = CommissionedService.objects.create(key="hub", name="Victims hub")
    ServiceReturn.objects.create(
        service=service, period_ends_on=dt.date(2020, 6, 30), due_on=dt.date(2020, 7, 30)
    )
    client.force_login(editor)
    page = client.get(reverse("grants:home")).content.decode()
    assert "Overdue quarterly returns" in page
    assert "Victims hub" in page


def test_scheduling_needs_the_contract_dates(client, editor):
    service = CommissionedService.objects.create(key="hub", name="Hub")
    client.force_login(editor)
    response = client.post(reverse("grants:service-schedule-returns", args=["hub"]), follow=True)
    assert "Set the contract" in response.content.decode()
    assert service.returns.count() == 0


def test_editor_records_a_safer_streets_bid_with_interventions(client, editor, opcc, csp, measure):
    deliverable = DeliverableFactory(title="Target hardening in hot spots")
    client.force_login(editor)
    response = post_as_served(
        client,
        reverse("grants:external-bid-create"),
        {
            "name": "Safer Streets Fund, round 5",
            "key": "safer-streets-5",
            "funder": "home-office",
            "status": "bid",
            "period": "15 months",
            "areas": "Town centre",
            "partners": [str(opcc.pk), str(csp.pk)],
            "deliverables": [str(deliverable.pk)],
            "measures": [str(measure.pk)],
            **date_fields("announced_on", dt.date(2023, 9, 1)),
        },
    )
    assert response.status_code == 302
    bid = ExternalBid.objects.get()
    assert set(bid.partners.all()) == {opcc, csp}
    assert list(bid.deliverables.all()) == [deliverable]
    assert list(bid.measures.all()) == [measure]
    assert bid.history.first().history_user == editor

    # Won: the award recorded on the same form, as served.
    response = post_as_served(
        client,
        reverse("grants:external-bid-edit", args=["safer-streets-5"]),
        {"status": "won", "amount_won": "634285.00"},
    )
    assert response.status_code == 302
    bid.refresh_from_db()
    assert bid.status == ExternalBid.Status.WON
    assert bid.amount_won == Decimal("634285.00")
    assert set(bid.partners.all()) == {opcc, csp}
    assert list(bid.measures.all()) == [measure]

    response = post_as_served(
        client,
        reverse("grants:intervention-add", args=["safer-streets-5"]),
        {"title": "Video doorbells", "progress": "planned"},
    )
    assert response.status_code == 302
    page = client.get(reverse("grants:external-bid-detail", args=["safer-streets-5"]))
    text = page.content.decode()
    assert "Video doorbells" in text
    assert "Victim satisfaction" in text
    assert bid.interventions.get().history.first().history_user == editor


def test_a_contributor_cannot_record_a_bid(client, csp_user):
    client.force_login(csp_user)
    assert client.get(reverse("grants:external-bid-create")).status_code == 403
    assert client.post(reverse("grants:external-bid-create"), {"name": "x"}).status_code == 403
    assert ExternalBid.objects.count() == 0


def test_bid_measures_are_saved_through_the_service(fund, csp_user, measure):
    application = services.submit_application(
        csp_user,
        fund,
        title="Taxi marshals",
        amount=Decimal("100"),
        measures=[measure],
        on=dt.date(2022, 6, 1),
    )
    assert list(application.measures.all()) == [measure]
