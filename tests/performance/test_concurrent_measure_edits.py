"""Two editors editing the same measure: the second, stale save is refused with what changed
(issue 15: optimistic concurrency on every edit form)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from pcplan.core.models import User
from pcplan.performance.models import Measure
from tests.factories import UserFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure() -> Measure:
    return Measure.objects.create(
        key="officer-numbers",
        name="Police officer numbers",
        unit="officers",
        direction=Measure.Direction.HIGHER_IS_BETTER,
        is_summed=False,
        baseline_value=Decimal("1500"),
    )


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def open_form(client: Client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return served_form(response.content.decode(), action="")


def test_a_stale_measure_form_is_refused_and_the_first_save_kept(editor, opcc, measure):
    second_editor = UserFactory(
        username="second-editor", role=User.Role.OPCC_EDITOR, organisation=opcc
    )
    url = reverse("performance:measure-edit", args=[measure.pk])
    first, second = signed_in(editor), signed_in(second_editor)
    first_form, second_form = open_form(first, url), open_form(second, url)
    assert first_form["version"] == "1"

    first_form["name"] = "Police officers in post"
    assert first.post(url, first_form).status_code == 302
    second_form["unit"] = "full-time equivalent officers"
    refused = second.post(url, second_form)

    assert refused.status_code == 400
    page = refused.content.decode()
    assert "There is a problem" in page
    assert f"This measure was changed by {editor} at " in page
    assert "Name is now: Police officers in post" in page
    measure.refresh_from_db()
    assert (measure.name, measure.unit) == ("Police officers in post", "officers")

    # Saving the form shown again, having seen the change, is a deliberate choice.
    again = served_form(page, action="")
    assert again["unit"] == "full-time equivalent officers"
    assert second.post(url, again).status_code == 302
    measure.refresh_from_db()
    assert measure.unit == "full-time equivalent officers"
    assert measure.version == 3
