"""Email updates: double opt-in, one-click unsubscribe without signing in, unguessable links,
and a digest of only what was published in the subscriber's scope."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pcplan.core.publishing import set_published
from pcplan.engagement import subscriptions
from pcplan.engagement.models import Event, Subscription
from tests.factories import DeliverableFactory, UpdateFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db

ADDRESS = "planted.subscriber@example.org"


def sign_up(client, **extra):
    return client.post(reverse("engagement:subscribe"), {"email": ADDRESS, **extra})


def test_signing_up_sends_only_the_confirmation(client):
    response = sign_up(client, kinds=["events"], areas=["Fenland"])
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert (subscription.kinds, subscription.areas) == (["events"], ["Fenland"])
    assert len(mail.outbox) == 1
    assert subscription.confirm_token in mail.outbox[0].body
    assert subscription.unsubscribe_token not in mail.outbox[0].body


def test_an_unconfirmed_address_gets_no_digest(client, editor):
    sign_up(client)
    mail.outbox.clear()
    Subscription.objects.update(last_sent_at=timezone.now() - dt.timedelta(days=1))
    event = Event.objects.create(title="District Day", kind="district-day", date=dt.date.today())
    set_published(editor, event, True)
    assert subscriptions.send_digests() == 0
    assert mail.outbox == []


def test_a_confirmed_subscriber_gets_what_was_published_in_scope_with_an_unsubscribe_link(
    client, editor, theme
):
    sign_up(client, kinds=["delivery", "events"], areas=["Fenland"])
    subscription = Subscription.objects.get()
    page = client.get(reverse("engagement:subscription-confirm", args=[subscription.confirm_token]))
    assert page.status_code == 200
    client.post(reverse("engagement:subscription-confirm", args=[subscription.confirm_token]))
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    Subscription.objects.update(confirmed_at=timezone.now() - dt.timedelta(days=1))
    mail.outbox.clear()
    in_scope = Event.objects.create(
        title="District Day in Fenland", kind="district-day", date=dt.date.today(), area="Fenland"
    )
    out_of_scope = Event.objects.create(
        title="District Day in Cambridge",
        kind="district-day",
        date=dt.date.today(),
        area="Cambridge",
    )
    Event.objects.create(title="Draft event", kind="other", date=dt.date.today(), area="Fenland")
    for event in (in_scope, out_of_scope):
        set_published(editor, event, True)
    deliverable = DeliverableFactory(theme=theme, title="Cycle crime officer")
    update = UpdateFactory(deliverable=deliverable, text="Officer in post", is_published=False)
    set_published(editor, update, True)
    assert subscriptions.send_digests() == 1
    message = mail.outbox[0]
    assert "District Day in Fenland" in message.body
    assert "District Day in Cambridge" not in message.body
    assert "Draft event" not in message.body
    assert "Cycle crime officer" in message.body
    assert subscription.unsubscribe_token in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    mail.outbox.clear()
    assert subscriptions.send_digests() == 0  # nothing new since


def test_unsubscribing_works_without_signing_in_and_deletes_the_address(client):
    sign_up(client)
    token = Subscription.objects.get().unsubscribe_token
    response = client.post(reverse("engagement:unsubscribe", args=[token]))
    assert response.status_code == 200
    assert not Subscription.objects.filter(email=ADDRESS).exists()


def test_unsubscribe_and_confirm_links_cannot_be_guessed(client):
    sign_up(client)
    subscription = Subscription.objects.get()
    assert len(subscription.unsubscribe_token) >= 43  # 256 random bits
    assert subscription.unsubscribe_token != subscription.confirm_token
    for name in ("unsubscribe", "subscription-confirm"):
        response = client.post(reverse(f"engagement:{name}", args=["guessed-token"]))
        assert response.status_code == 404
    assert Subscription.objects.filter(confirmed_at__isnull=True).count() == 1


def test_signing_up_again_cannot_change_a_confirmed_subscribers_choices(client):
    sign_up(client, kinds=["events"])
    Subscription.objects.update(confirmed_at=timezone.now())
    sign_up(client, kinds=["meetings"])
    assert Subscription.objects.get().kinds == ["events"]


def test_a_bad_address_is_refused_with_the_govuk_message(client):
    response = client.post(reverse("engagement:subscribe"), {"email": "not-an-address"})
    assert response.status_code == 400
    assert "Enter an email address in the correct format" in response.content.decode()
    assert not Subscription.objects.exists()


def test_no_public_page_shows_a_subscribers_address(client, consultation, editor):
    sign_up(client)
    set_published(editor, consultation, True)
    for url in (
        reverse("engagement:public-home"),
        reverse("engagement:you-said-we-did"),
        reverse("engagement:public-concerns"),
        reverse("engagement:public-consultation", args=[consultation.key]),
        reverse("engagement:subscribe"),
        reverse("engagement:subscription-sent"),
    ):
        assert ADDRESS not in client.get(url).content.decode(), url


def test_a_bot_filling_the_honeypot_gets_no_email(client):
    response = sign_up(client, website="http://spam.example")
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_sign_ups_from_one_address_are_rate_limited(client, settings):
    settings.PCPLAN_PUBLIC_FORM_LIMIT = 2
    for n in range(2):
        client.post(reverse("engagement:subscribe"), {"email": f"person{n}@example.org"})
    response = client.post(reverse("engagement:subscribe"), {"email": "person9@example.org"})
    assert response.status_code == 429
    assert Subscription.objects.count() == 2
    assert len(mail.outbox) == 2


def test_the_sign_up_form_as_served_passes_the_honeypot(client):
    data = served_form(client.get(reverse("engagement:subscribe")).content.decode(), action="")
    assert data["website"] == ""
    data["email"] = ADDRESS
    assert client.post(reverse("engagement:subscribe"), data).status_code == 302
    assert Subscription.objects.count() == 1


def _award(fund, recipient, reference, *, area=None, published=True):
    from decimal import Decimal

    from pcplan.grants.models import Award

    award = Award.objects.create(
        reference=reference,
        fund=fund,
        recipient=recipient,
        area=area,
        purpose=f"Purpose of {reference}",
        amount=Decimal("2500.00"),
        decision_date=dt.date.today(),
    )
    award.stamp_publication(published, None)
    award.save()
    return award


def test_the_digest_lists_newly_published_grants_in_the_subscribers_scope(client, theme):
    from pcplan.core.models import CommunitySafetyPartnership
    from pcplan.grants.models import Fund
    from tests.factories import OrganisationFactory

    sign_up(client, kinds=["grants"], areas=["Fenland"])
    subscription = Subscription.objects.get()
    assert subscription.kinds == ["grants"]
    subscription.themes.set([theme])
    Subscription.objects.update(confirmed_at=timezone.now() - dt.timedelta(days=1))
    mail.outbox.clear()
    fund = Fund.objects.create(key="safer", name="Safer Communities Fund")
    fund.themes.add(theme)
    other_fund = Fund.objects.create(key="other", name="Fund of another theme")
    fenland = CommunitySafetyPartnership.objects.get(name="Fenland")
    cambridge = CommunitySafetyPartnership.objects.get(name="Cambridge")
    _award(fund, OrganisationFactory(name="Fenland Youth Club"), "in-area", area=fenland)
    _award(fund, OrganisationFactory(name="Countywide Charity"), "whole-area")
    _award(fund, OrganisationFactory(name="Cambridge Bike Hub"), "other-area", area=cambridge)
    _award(other_fund, OrganisationFactory(name="Off Theme Trust"), "other-theme")
    _award(fund, OrganisationFactory(name="Undecided Draft Org"), "draft", published=False)

    assert subscriptions.send_digests() == 1
    body = mail.outbox[0].body
    assert "Fenland Youth Club, Safer Communities Fund: £2,500.00 (Fenland)" in body
    assert "Countywide Charity" in body
    assert reverse("grants:register") in body
    for absent in ("Cambridge Bike Hub", "Off Theme Trust", "Undecided Draft Org"):
        assert absent not in body
    mail.outbox.clear()
    assert subscriptions.send_digests() == 0  # nothing new since


def test_a_grant_published_before_the_last_digest_is_not_sent_again(client):
    from pcplan.grants.models import Fund
    from tests.factories import OrganisationFactory

    sign_up(client, kinds=["grants"])
    Subscription.objects.update(confirmed_at=timezone.now() - dt.timedelta(days=2))
    fund = Fund.objects.create(key="safer", name="Safer Communities Fund")
    _award(fund, OrganisationFactory(name="Earlier Award Org"), "earlier")
    Subscription.objects.update(last_sent_at=timezone.now())
    mail.outbox.clear()
    assert subscriptions.send_digests() == 0
    assert mail.outbox == []
