"""The public engagement pages show published records and counts only: no draft, and none of
the personal details of people who raised concerns, on any of them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.core.publishing import set_published
from pcplan.engagement import surveys
from pcplan.engagement.models import Concern, Consultation, Event, Finding
from pcplan.plans.lifecycle import PlanStatus
from tests.engagement.conftest import PLANTED
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(editor, consultation, theme, concern):
    """A published consultation with responses and a finding; a concern with a published
    anonymised example; a published event; and drafts of each beside them."""
    set_published(editor, consultation, True)
    csv = "District,Issues\nCambridge,Bike theft; Visibility\nFenland,Rural crime\n"
    surveys.apply(
        editor, consultation, "x.csv", csv.encode(), {"area": "District", "issues": "Issues"}
    )
    shown = DeliverableFactory(theme=theme, title="Cycle crime officer", is_published=True)
    hidden = DeliverableFactory(theme=theme, title="SECRET draft deliverable", is_published=False)
    finding = Finding.objects.create(
        consultation=consultation,
        area="Cambridge",
        you_said="Bike theft is the top issue in Cambridge",
        we_did="A dedicated cycle crime officer; thefts down 60%",
        theme=theme,
    )
    finding.deliverables.set([shown, hidden])
    set_published(editor, finding, True)
    Finding.objects.create(
        consultation=consultation, you_said="SECRET unpublished finding", we_did="nothing"
    )
    Consultation.objects.create(
        key="draft-survey",
        title="SECRET draft survey",
        purpose=Consultation.Purpose.TOPIC,
        opens_on=dt.date(2023, 1, 1),
    )
    concern.public_example = "A resident reported bike theft; patrols were increased."
    concern.example_is_published = True
    concern.save()
    Concern.objects.create(
        received_on=dt.date(2023, 1, 5),
        raised_by=Concern.RaisedBy.BUSINESS,
        raiser_name="Another Planted Person",
        topic=Concern.Topic.ASB,
        summary="SECRET staff-only summary",
        public_example="SECRET example not published",
    )
    event = Event.objects.create(
        title="District Day in Fenland",
        kind=Event.Kind.DISTRICT_DAY,
        date=dt.date(2023, 1, 17),
        place="March",
        attended_by="SECRET attendee list",
        issues_raised="SECRET issues raised",
    )
    set_published(editor, event, True)
    Event.objects.create(
        title="SECRET draft event", kind=Event.Kind.OTHER, date=dt.date(2023, 2, 1)
    )
    return consultation


def public_urls(consultation: Consultation) -> list[str]:
    return [
        reverse("engagement:public-home"),
        reverse("engagement:you-said-we-did"),
        reverse("engagement:public-concerns"),
        reverse("engagement:public-consultation", args=[consultation.key]),
        reverse("engagement:public-consultations-download", args=["csv"]),
    ]


def test_no_public_page_shows_personal_details_or_drafts(client, published):
    for url in public_urls(published):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.getvalue().decode()
        for value in (*PLANTED, "Another Planted Person"):
            assert value not in body, (url, value)
        assert "SECRET" not in body, url


def test_a_draft_consultation_has_no_public_page(client, published):
    response = client.get(reverse("engagement:public-consultation", args=["draft-survey"]))
    assert response.status_code == 404


def test_you_said_we_did_links_the_public_deliverables_it_informed(client, published):
    body = client.get(reverse("engagement:you-said-we-did")).content.decode()
    assert "Bike theft is the top issue in Cambridge" in body
    assert "Cycle crime officer" in body
    assert "Crime Prevention" in body


def test_a_theme_of_a_plan_not_yet_issued_is_not_named(client, editor, published):
    draft_plan = PlanFactory(key="next-plan", status=PlanStatus.DRAFTING)
    draft_theme = ThemeFactory(plan=draft_plan, title="SECRET next theme")
    Finding.objects.filter(is_published=True).update(theme=draft_theme)
    body = client.get(reverse("engagement:you-said-we-did")).content.decode()
    assert "SECRET next theme" not in body
    assert "Bike theft is the top issue in Cambridge" in body


def test_the_public_sees_counts_and_the_published_example_only(client, published):
    body = client.get(reverse("engagement:public-concerns")).content.decode()
    assert "2 concerns raised" in body
    assert "Bike theft" in body and "Anti-social behaviour" in body
    assert "patrols were increased" in body


def test_the_consultation_page_shows_counts_and_top_issues_by_area(client, published):
    body = client.get(
        reverse("engagement:public-consultation", args=[published.key])
    ).content.decode()
    assert "2 responses" in body
    assert "Rural crime (1 response)" in body
