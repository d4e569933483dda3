"""The draft plan in consultation (issue 13 item 6; seed 003): shown publicly as a draft,
clearly marked, with the consultation's dates and how to respond, never its unpublished
deliverables; the Panel's review (agenda item, recommendations) is recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.engagement.models import Consultation
from pcplan.panel.models import AgendaItem, Meeting, Recommendation
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Priority
from pcplan.transparency.models import PlanReview
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    plan = PlanFactory(
        key="pcp-2013-16", title="Police and Crime Plan 2013-16", status=PlanStatus.CONSULTATION
    )
    theme = ThemeFactory(plan=plan, key="victims", title="Victims", aim="Put victims first.")
    Priority.objects.create(theme=theme, text="Support victims of domestic abuse.")
    DeliverableFactory(theme=theme, title="SECRET deliverable", is_published=True)
    return plan


def test_a_plan_in_consultation_is_shown_as_a_draft_with_how_to_respond(client, draft):
    PlanReview.objects.create(
        plan=draft,
        consultation_opens=dt.date(2021, 6, 30),
        consultation_closes=dt.date(2021, 7, 30),
        how_to_respond="Complete the survey at https://example.org/survey",
    )
    response = client.get(reverse("transparency:draft-plan", args=[draft.key]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Draft for consultation" in html
    assert "30 June 2021" in html and "30 July 2021" in html
    assert "https://example.org/survey" in html
    assert "Support victims of domestic abuse." in html
    assert "SECRET" not in html
    assert draft.title in client.get(reverse("transparency:draft-plans")).content.decode()


def test_the_drafts_dates_come_from_the_engagement_consultation_on_the_plan(client, draft):
    PlanReview.objects.create(
        plan=draft,
        consultation_opens=dt.date(2021, 1, 1),
        consultation_closes=dt.date(2021, 1, 2),
    )
    Consultation.objects.create(
        key="plan-2021",
        title="Police and Crime Plan consultation",
        purpose=Consultation.Purpose.PLAN,
        plan=draft,
        opens_on=dt.date(2021, 6, 30),
        closes_on=dt.date(2021, 7, 30),
        is_published=True,
    )
    html = client.get(reverse("transparency:draft-plan", args=[draft.key])).content.decode()
    assert "The consultation runs from 30 June 2021 to 30 July 2021." in html
    assert "1 January 2021" not in html


def test_an_unpublished_consultation_does_not_give_the_drafts_dates(client, draft):
    Consultation.objects.create(
        key="plan-2021",
        title="Police and Crime Plan consultation",
        purpose=Consultation.Purpose.PLAN,
        plan=draft,
        opens_on=dt.date(2021, 6, 30),
        closes_on=dt.date(2021, 7, 30),
    )
    html = client.get(reverse("transparency:draft-plan", args=[draft.key])).content.decode()
    assert "30 June 2021" not in html


@pytest.mark.parametrize("status", [PlanStatus.DRAFTING, PlanStatus.BOARD_APPROVED])
def test_a_plan_not_in_consultation_has_no_public_draft_page(client, draft, status):
    draft.status = status
    draft.save()
    assert client.get(reverse("transparency:draft-plan", args=[draft.key])).status_code == 404
    assert draft.title not in client.get(reverse("transparency:draft-plans")).content.decode()


def test_an_editor_records_the_panels_review_of_the_draft(client_for, editor, draft):
    meeting = Meeting.objects.create(date=dt.date(2013, 3, 21), venue="Council Chamber")
    item = AgendaItem.objects.create(meeting=meeting, number=5, title="Draft Police and Crime Plan")
    recommendation = Recommendation.objects.create(
        meeting=meeting,
        text="Include a measure of victim satisfaction.",
        made_on=dt.date(2013, 3, 21),
        response_due=dt.date(2013, 3, 28),
    )
    client = client_for(editor)
    url = reverse("transparency:plan-review-new")
    data = served_form(client.get(url).content.decode(), action="")
    data.update(
        {
            "plan": str(draft.pk),
            "kind": "draft",
            "agenda_item": str(item.pk),
            "recommendations": [str(recommendation.pk)],
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    review = PlanReview.objects.get()
    review.refresh_from_db()
    assert review.agenda_item == item
    assert list(review.recommendations.all()) == [recommendation]
    assert review.history.first().history_user == editor


def test_only_the_office_records_reviews(client_for, panel_member):
    assert client_for(panel_member).get(reverse("transparency:plan-review-new")).status_code == 403
