"""The reporting cycle in a browser (issue 18): a lead proposes completion with an update; the
editor accepts it; the public theme page shows it completed; the next Panel progress report
lists it under Completed; the report, generated for the next Panel meeting's agenda item,
becomes its paper and appears in the agenda pack with its page range."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from pcplan.delivery.models import Deliverable, Review, Update
from pcplan.delivery.rules import Status
from pcplan.panel.models import AgendaItem, Meeting
from tests.e2e.conftest import run_worker_for, sign_in, sign_out

pytestmark = pytest.mark.browser


@pytest.fixture
def next_meeting(demo_site):
    """The next Panel meeting, as the secretariat sets it up: agenda not yet published."""
    meeting = Meeting.objects.create(
        date=dt.date.today() + dt.timedelta(days=28), venue="Civic Suite, Huntingdon"
    )
    AgendaItem.objects.create(meeting=meeting, number=1, title="Apologies for Absence")
    AgendaItem.objects.create(
        meeting=meeting, number=9, title="Delivery of the Police and Crime Plan"
    )
    return meeting


UPDATE_TEXT = "The Serious Violence Strategy was signed off by all partners."


def test_a_proposed_completion_accepted_by_the_editor_reaches_the_public_and_the_panel(
    page, demo_site, next_meeting
):
    ours = Deliverable.objects.get(title="Serious Violence Strategy")  # led by the Constabulary
    plan_key = ours.theme.plan.key

    # The lead proposes completion with an update.
    sign_in(page, demo_site, "constabulary")
    page.goto(f"{demo_site}/staff/deliverables/{ours.pk}/")
    page.get_by_role("link", name="Add an update").click()
    page.get_by_label("Day").fill("20")
    page.get_by_label("Month").fill("4")
    page.get_by_label("Year").fill("2023")
    page.get_by_label("Update", exact=True).fill(UPDATE_TEXT)
    page.get_by_role("radio", name="Completed").check()
    page.get_by_label("Reason for the change").fill("Signed off at the partnership board.")
    page.get_by_role("button", name="Save update").click()
    assert page.get_by_text("Update saved as a draft").is_visible()
    ours.refresh_from_db()
    assert ours.status == Status.IN_PROGRESS  # nothing changes until an editor accepts
    page.goto(f"{demo_site}/staff/")
    sign_out(page)

    # The editor sees it waiting, and accepts it.
    sign_in(page, demo_site, "editor")
    page.get_by_role("link", name="awaiting your decision").click()
    page.get_by_role("link", name="Decide the update on Serious Violence Strategy").click()
    assert page.get_by_text("In progress now; proposed: Completed").is_visible()
    page.get_by_label("Comment for the author").fill("Thank you.")
    page.get_by_role("button", name="Accept and apply the change").click()
    assert page.get_by_text("Update accepted").is_visible()
    update = Update.objects.get(text=UPDATE_TEXT)
    assert update.review == Review.ACCEPTED and update.is_published
    ours.refresh_from_db()
    assert ours.status == Status.COMPLETED

    # The public theme page shows it completed.
    page.goto(f"{demo_site}/plans/{plan_key}/themes/{ours.theme.key}/")
    completed = page.locator("h2", has_text="Completed (")
    assert completed.count() == 1
    completed_titles = page.evaluate(
        """() => {
            const heading = [...document.querySelectorAll('h2')]
                .find(h => h.textContent.startsWith('Completed ('));
            const titles = [];
            for (let n = heading.nextElementSibling; n && n.tagName !== 'H2';
                 n = n.nextElementSibling) {
                n.querySelectorAll('h3').forEach(h => titles.push(h.textContent.trim()));
            }
            return titles;
        }"""
    )
    assert "Serious Violence Strategy" in completed_titles

    # The next Panel progress report lists it under Completed.
    page.goto(f"{demo_site}/staff/plans/{plan_key}/reports/new/")
    page.get_by_role("button", name="Preview").click()
    report = page.locator(".pcplan-report").inner_text()
    theme_section = report.split(f"{ours.theme.title} – Priorities for Action")[1]
    completed_list = theme_section.split("Completed deliverables / activities of note")[1]
    assert "Serious Violence Strategy" in completed_list.split("Current Deliverables")[0]
    # The preview scrolls into view.
    assert page.evaluate(
        """() => { const box = document.getElementById('preview').getBoundingClientRect();
                   return box.top >= 0 && box.top < window.innerHeight; }"""
    )

    # Generated for the next Panel meeting's agenda item, it becomes that item's paper.
    page.goto(f"{demo_site}/staff/plans/{plan_key}/reports/")
    page.get_by_role("link", name="Panel progress report").click()
    page.get_by_label(
        f"Meeting of {next_meeting.date:%-d %B %Y}, item 9: Delivery of the Police and Crime Plan"
    ).check()
    page.get_by_role("button", name="Continue").click()
    assert page.locator("[name=agenda_item]").input_value() == "9"
    assert page.locator("[name=meeting_date_day]").input_value() == str(next_meeting.date.day)
    assert page.locator("[name=meeting_date_year]").input_value() == str(next_meeting.date.year)
    page.get_by_role("button", name="Generate and save").click()
    # The demo plan's report is built by `pcplan worker`; its job page says when it is ready.
    page.get_by_text("The report is being generated").wait_for()
    run_worker_for(page)
    page.get_by_role("link", name="Open the report").click()
    page.get_by_text("The paper for item 9").wait_for()
    assert page.get_by_role("link", name="Open the report").is_visible()
    item = AgendaItem.objects.get(meeting=next_meeting, number=9)
    assert item.has_report
    sign_out(page)

    # The secretariat fills in the page ranges; the agenda pack includes the report.
    sign_in(page, demo_site, "secretariat")
    page.goto(f"{demo_site}/staff/panel/meetings/{next_meeting.pk}/")
    page.get_by_role("button", name="Fill in page ranges from the agenda pack").click()
    # Counting the pages builds the whole pack: `pcplan worker` does it; its job page says when.
    page.get_by_text("The page ranges are being filled in").wait_for()
    run_worker_for(page)
    page.get_by_text(re.compile(r"The page ranges? of \d+ papers? (was|were) filled in")).wait_for()
    item.refresh_from_db()
    assert item.first_page is not None
    # The pack with exempt papers is the worker's too: its page says it is being prepared.
    pack_url = f"{demo_site}/panel/meetings/{next_meeting.pk}/agenda-pack.pdf"
    page.goto(pack_url)
    page.get_by_text("The agenda pack with exempt papers is being prepared").wait_for()
    page.get_by_role("link", name="Back to the meeting").click()
    run_worker_for(page)
    pack = page.request.get(pack_url)
    assert pack.ok
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pack.body())).pages]
    assert item.page_range in pages[0]
    in_range = "".join(pages[item.first_page - 1 : item.last_page])
    assert "Serious Violence Strategy" in in_range
