"""Personal data of people who raise concerns or subscribe reaches no public route (issue 12,
"Rules to get right": test every public route with a known personal value planted).

Every route of pcplan's URL configuration the public may ask for (read from the URL
configuration, as tests/partnerships/test_private_meetings_on_no_public_route.py reads it, so
a route added later is checked too) is read anonymously with a concern's name, email, phone
and address and a subscriber's address planted, each parameter filled with the planted
records; none may show them. The API has no engagement endpoint; its routes are checked for
published records only by tests/api/test_published_only.py."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from pcplan.core.publishing import set_published
from pcplan.engagement import surveys
from pcplan.engagement.models import Event, Subscription
from tests.engagement.conftest import PLANTED
from tests.partnerships.test_private_meetings_on_no_public_route import PARAMETER, public_routes

pytestmark = pytest.mark.django_db

SUBSCRIBER = "planted.route.subscriber@example.org"


def test_no_public_route_shows_a_concern_raisers_or_a_subscribers_details(
    client, editor, consultation, concern
):
    set_published(editor, consultation, True)
    surveys.apply(
        editor,
        consultation,
        "x.csv",
        b"District,Issues\nCambridge,Bike theft\n",
        {"area": "District", "issues": "Issues"},
    )
    concern.public_example = "A resident reported bike theft; patrols were increased."
    concern.example_is_published = True
    concern.closed_on = dt.date(2022, 11, 1)
    concern.save()
    event = Event.objects.create(
        title="District Day in Cambridge",
        kind=Event.Kind.DISTRICT_DAY,
        date=dt.date(2022, 10, 3),
        attended_by=f"{PLANTED[0]} and neighbours",
    )
    set_published(editor, event, True)
    Subscription.objects.create(email=SUBSCRIBER, confirmed_at=timezone.now())
    values = {"key": consultation.key, "pk": str(concern.pk), "fmt": "csv", "year": "2022"}
    checked = 0
    for route in public_routes():
        url = "/" + PARAMETER.sub(lambda m: values.get(m["name"], "1"), route)
        if "search" in route:
            url += "?q=bike"
        response = client.get(url)
        assert response.status_code < 500, url
        content = b"".join(response.streaming_content) if response.streaming else response.content
        for value in (*PLANTED, SUBSCRIBER):
            assert value.encode() not in content, (url, value)
        checked += 1
    assert checked > 40
