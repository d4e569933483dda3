"""Browser journey: a member of the public asks the Panel a question, the secretariat accepts
it, and it appears on the meeting page. The public meeting pages pass axe-core."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.panel.models import AgendaItem, Meeting
from tests.e2e.conftest import axe_violations, sign_in, sign_out

pytestmark = pytest.mark.browser


def describe(violations):
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}" for v in violations)


@pytest.fixture
def coming_meeting(demo_site):
    meeting = Meeting.objects.create(
        date=dt.date.today() + dt.timedelta(days=21),
        venue="Civic Suite, Huntingdonshire District Council, Huntingdon",
        status=Meeting.Status.AGENDA_PUBLISHED,
        agenda_published_on=dt.date.today(),
    )
    AgendaItem.objects.create(meeting=meeting, number=1, title="Public Questions and Statements")
    return meeting


def test_a_public_question_is_accepted_and_appears_on_the_meeting_page(
    page, demo_site, coming_meeting
):
    question = "How many neighbourhood officers will Wisbech have next year?"
    page.goto(f"{demo_site}/panel/")
    page.get_by_role("link", name=f"{coming_meeting.date:%A %-d %B %Y}").click()
    page.get_by_role("link", name="Ask a question or make a statement").click()
    page.get_by_label("Question", exact=True).check()
    page.get_by_label("Your name").fill("Pat Resident")
    page.get_by_label("Email address or telephone number").fill("pat@example.org")
    page.get_by_label("Your question or statement").fill(question)
    page.get_by_role("button", name="Send").click()
    assert page.get_by_role("heading", name="Submission received").is_visible()

    sign_in(page, demo_site, "secretariat")
    page.goto(f"{demo_site}/staff/panel/")
    page.get_by_role("link", name="Question from Pat Resident").first.click()
    page.get_by_label("Accept").check()
    page.get_by_role("button", name="Save decision").click()
    assert page.get_by_text("Question from Pat Resident decided").is_visible()
    sign_out(page)

    page.goto(f"{demo_site}/panel/meetings/{coming_meeting.pk}/")
    assert page.get_by_text(question).is_visible()
    assert page.get_by_text("pat@example.org").count() == 0


def test_the_public_meeting_pages_have_no_serious_accessibility_violations(
    page, demo_site, coming_meeting
):
    march = Meeting.objects.get(date=dt.date(2023, 3, 15))
    february = Meeting.objects.get(date=dt.date(2023, 2, 1))
    for meeting in (march, february, coming_meeting):
        page.goto(f"{demo_site}/panel/meetings/{meeting.pk}/")
        violations = axe_violations(page)
        assert violations == [], describe(violations)
    for path in (
        "/panel/",
        "/panel/forward-plan/",
        "/panel/recommendations/",
        f"/panel/meetings/{coming_meeting.pk}/questions/new/",
    ):
        page.goto(f"{demo_site}{path}")
        violations = axe_violations(page)
        assert violations == [], f"{path}: {describe(violations)}"
