"""Abuse (issue 15, item 6: "the public question form took 100 submissions in 1.2 s"): the form
is rate-limited per address and carries a honeypot field that bots fill and people never see."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pcplan.panel.models import PublicSubmission
from tests.htmlforms import served_form
from tests.panel.conftest import held_meeting, next_meeting  # noqa: F401 - fixtures


def question(n: int) -> dict[str, str]:
    return {
        "kind": "question",
        "name": "A Resident",
        "contact": "a@example.org",
        "text": f"Question number {n}?",
    }


@pytest.fixture
def url(next_meeting):  # noqa: F811 - the fixture imported above
    return reverse("panel:question-new", args=[next_meeting.pk])


def test_a_person_posting_the_form_as_served_is_not_caught_by_the_honeypot(client, url):
    data = served_form(client.get(url).content.decode(), action="")
    assert data["website"] == ""
    data.update(question(1))
    response = client.post(url, data)
    assert response.status_code == 302
    assert PublicSubmission.objects.count() == 1


def test_a_bot_filling_the_honeypot_is_quietly_refused(client, url):
    response = client.post(url, {**question(1), "website": "http://spam.example"})
    assert response.status_code == 200
    assert "Submission received" in response.content.decode()
    assert not PublicSubmission.objects.exists()


def test_an_address_is_limited_to_five_submissions_an_hour(client, url):
    for n in range(5):
        assert client.post(url, question(n)).status_code == 302
    response = client.post(url, question(6))
    assert response.status_code == 429
    assert "Too many submissions" in response.content.decode()
    assert "Wait 60 minutes" in response.content.decode()
    assert PublicSubmission.objects.count() == 5


def test_another_address_is_not_held_back(client, url):
    for n in range(6):
        client.post(url, question(n))
    response = client.post(url, question(7), REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 302
    assert PublicSubmission.objects.count() == 6


def test_the_limit_is_a_setting(client, url, settings):
    settings.PCPLAN_PUBLIC_FORM_LIMIT = 1
    assert client.post(url, question(1)).status_code == 302
    assert client.post(url, question(2)).status_code == 429
