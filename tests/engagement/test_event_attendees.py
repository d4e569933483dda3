"""Who attended an event is recorded as organisations: chosen on the event form, kept in the
audit trail, and named on the public pages once the event is published (never before)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.core.models import Organisation
from pcplan.core.publishing import set_published
from pcplan.engagement.models import Event
from tests.factories import OrganisationFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies(db):
    return (
        OrganisationFactory(name="Fenland Community Safety Partnership", kind="csp"),
        OrganisationFactory(name="Fenland District Council", kind="local-authority"),
    )


def test_an_officer_records_the_organisations_that_attended(client_for, editor, bodies):
    csp, council = bodies
    client = client_for(editor)
    page = client.get(reverse("engagement:event-new")).content.decode()
    assert "Fenland District Council" in page
    data = served_form(page, action="")
    data.update(
        title="District Day in Fenland",
        kind=Event.Kind.DISTRICT_DAY,
        date_day="17",
        date_month="1",
        date_year="2023",
        organisations=[str(csp.pk), str(council.pk)],
    )
    response = client.post(reverse("engagement:event-new"), data)
    assert response.status_code == 302, response.content.decode()
    event = Event.objects.get()
    assert set(event.organisations.all()) == {csp, council}
    saved = event.history.first()  # the save and then the links, both audited
    assert saved.history_user == editor
    assert {link.organisation for link in saved.organisations.all()} == {csp, council}

    url = reverse("engagement:event-edit", args=[event.pk])
    data = served_form(client.get(url).content.decode(), action="")
    assert set(data["organisations"]) == {str(csp.pk), str(council.pk)}
    data["organisations"] = [str(csp.pk)]
    assert client.post(url, data).status_code == 302
    assert list(event.organisations.all()) == [csp]
    latest = event.history.first()
    assert [link.organisation for link in latest.organisations.all()] == [csp]
    assert latest.history_user == editor
    # the earlier list stays in the audit trail
    assert saved.organisations.count() == 2
    detail = client.get(reverse("engagement:event", args=[event.pk])).content.decode()
    assert "Fenland Community Safety Partnership" in detail


def test_the_public_sees_who_attended_only_once_the_event_is_published(client, editor, bodies):
    csp, _council = bodies
    secret = Organisation.objects.create(key="secret-body", name="SECRET body at a draft")
    shown = Event.objects.create(
        title="Rural crime round table",
        kind=Event.Kind.ROUND_TABLE,
        date=dt.date(2022, 11, 1),
        attended_by="SECRET staff-only notes",
    )
    shown.organisations.set([csp])
    set_published(editor, shown, True)
    draft = Event.objects.create(
        title="SECRET draft event", kind=Event.Kind.OTHER, date=dt.date(2023, 2, 1)
    )
    draft.organisations.set([secret])

    body = client.get(reverse("engagement:public-home")).content.decode()
    assert "Attended by: Fenland Community Safety Partnership" in body
    assert "SECRET" not in body

    set_published(editor, shown, False)
    body = client.get(reverse("engagement:public-home")).content.decode()
    assert "Fenland Community Safety Partnership" not in body
