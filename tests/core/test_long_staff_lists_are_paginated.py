"""Staff lists that grow without bound show a page at a time (issue 17): one row more than a
page gives two pages, the second holds the last row, and the page link keeps the rest of the
address (a list's filters, another list's page on the same page)."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone

from pcplan.accounts.models import SignInEvent
from pcplan.accounts.views import people
from pcplan.core.history import HISTORY_PAGE_SIZE
from pcplan.core.paging import PAGE_SIZE
from pcplan.delivery import views as delivery_views
from pcplan.engagement.models import CommsOutput, Concern
from pcplan.grants.models import Application, Fund
from pcplan.grants.views.staff import FUNDS_PAGE_SIZE
from pcplan.panel.models import Meeting
from pcplan.panel.views.staff_meetings import HOME_PAGE_SIZE as PANEL_HOME_PAGE_SIZE
from pcplan.partnerships.models import PANEL_KEY
from pcplan.performance.models import ImportRun
from pcplan.reports.models import GeneratedReport
from pcplan.transparency.models import Decision
from pcplan.transparency.views import decisions
from tests.factories import BodyFactory, DeliverableFactory, OrganisationFactory, UpdateFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@dataclass
class Long:
    url: str
    first: str  # found on page 1 only
    last: str  # found on page 2 only
    kept: str = ""  # the rest of the address, which page 2's link must keep
    param: str = "page"


def next_link(page: str, param: str) -> str:
    found = re.search(r'href="\?([^"]*)" rel="next"', page)
    assert found is not None, "no link to the next page"
    query = html.unescape(found[1])
    assert f"{param}=2" in query.split("&")
    return "?" + query


def reads_in_two_pages(client, long: Long) -> None:
    address = long.url + (f"?{long.kept}" if long.kept else "")
    first = client.get(address)
    assert first.status_code == 200
    page_one = first.content.decode()
    assert long.first in page_one
    assert long.last not in page_one
    link = next_link(page_one, long.param)
    for part in filter(None, long.kept.split("&")):
        assert part in link.lstrip("?").split("&"), f"{part} lost from the page link"
    second = client.get(long.url + link)
    assert second.status_code == 200
    page_two = second.content.decode()
    assert long.last in page_two
    assert long.first not in page_two
    assert 'rel="next"' not in page_two


def concerns() -> Long:
    rows = Concern.objects.bulk_create(
        Concern(
            received_on=TODAY - dt.timedelta(days=n),
            raised_by="resident",
            topic="asb",
            summary=f"Concern {n}",
        )
        for n in range(PAGE_SIZE + 1)
    )
    edit = "engagement:concern-edit"
    return Long(
        reverse("engagement:concerns"),
        first=reverse(edit, args=[rows[0].pk]) + '"',
        last=reverse(edit, args=[rows[-1].pk]) + '"',
    )


def communications_output() -> Long:
    rows = CommsOutput.objects.bulk_create(
        CommsOutput(date=TODAY - dt.timedelta(days=n), kind="press-release", title=f"Release {n}")
        for n in range(PAGE_SIZE + 1)
    )
    edit = "engagement:output-edit"
    start = (TODAY - dt.timedelta(days=300)).isoformat()
    return Long(
        reverse("engagement:output"),
        first=reverse(edit, args=[rows[0].pk]) + '"',
        last=reverse(edit, args=[rows[-1].pk]) + '"',
        kept=f"start={start}&end={TODAY.isoformat()}",
    )


def police_data_imports() -> Long:
    for n in range(PAGE_SIZE + 1):  # one at a time: each its own start time
        ImportRun.objects.create(rows=100 + n)
    return Long(
        reverse("performance:import-runs"),
        first=f">{100 + PAGE_SIZE}</td>",
        last=">100</td>",
    )


def sign_in_record() -> Long:
    for n in range(people.RECORD_ROWS + 1):
        SignInEvent.objects.create(kind="signed-in", username=f"person-{n:03d}")
    return Long(
        reverse("accounts:people"),
        first=f">person-{people.RECORD_ROWS:03d}<",
        last=">person-000<",
    )


def generated_reports(plan) -> Long:
    rows = GeneratedReport.objects.bulk_create(
        GeneratedReport(
            plan=plan,
            format="html",
            as_of=TODAY,
            since=TODAY,
            panel_name="Police and Crime Panel",
            meeting_date=TODAY,
            report_of="The Commissioner",
            contact_officer="The Chief Executive",
            purpose="To update the Panel.",
            recommendation="To note.",
            terms_of_reference="To review.",
            file=f"reports/{n}.html",
        )
        for n in range(PAGE_SIZE + 1)
    )
    detail = "reports:report-detail"
    return Long(
        reverse("reports:report-list", args=[plan.key]),
        first=reverse(detail, args=[rows[-1].pk]) + '"',
        last=reverse(detail, args=[rows[0].pk]) + '"',
    )


def panel_meetings() -> Long:
    panel = BodyFactory.create(key=PANEL_KEY, name="Police and Crime Panel")
    rows = Meeting.objects.bulk_create(
        Meeting(body=panel, date=TODAY - dt.timedelta(days=7 * n))
        for n in range(PANEL_HOME_PAGE_SIZE + 1)
    )
    meeting = "panel:staff-meeting"
    return Long(
        reverse("panel:staff-home"),
        first=reverse(meeting, args=[rows[0].pk]) + '"',
        last=reverse(meeting, args=[rows[-1].pk]) + '"',
    )


def a_body_meetings() -> Long:
    body = BodyFactory.create(key="high-harms-board", name="High Harms Board")
    rows = Meeting.objects.bulk_create(
        Meeting(body=body, date=TODAY - dt.timedelta(days=7 * n)) for n in range(PAGE_SIZE + 1)
    )
    meeting = "panel:meeting"
    return Long(
        reverse("partnerships:staff-body", args=[body.key]),
        first=reverse(meeting, args=[rows[0].pk]) + '"',
        last=reverse(meeting, args=[rows[-1].pk]) + '"',
        kept="history-page=1",
        param="meetings-page",
    )


def bids() -> Long:
    fund = Fund.objects.create(key="safer-communities-fund", name="Safer Communities Fund")
    organisation = OrganisationFactory.create()
    rows = Application.objects.bulk_create(
        Application(fund=fund, organisation=organisation, title=f"Bid {n}", amount=100)
        for n in range(PAGE_SIZE + 1)
    )
    detail = "grants:application-detail"
    return Long(
        reverse("grants:home"),
        first=reverse(detail, args=[rows[-1].pk]) + '"',
        last=reverse(detail, args=[rows[0].pk]) + '"',
    )


def funds() -> Long:
    for n in range(FUNDS_PAGE_SIZE + 1):
        Fund.objects.create(key=f"fund-{n:03d}", name=f"Fund {n:03d}")
    detail = "grants:fund-detail"
    return Long(
        reverse("grants:home"),
        first=reverse(detail, args=["fund-000"]) + '"',
        last=reverse(detail, args=[f"fund-{FUNDS_PAGE_SIZE:03d}"]) + '"',
        kept="page=1",
        param="funds-page",
    )


def a_fund_bids() -> Long:
    long = bids()
    long.url = reverse("grants:fund-detail", args=["safer-communities-fund"])
    long.kept = "awards-page=1"
    long.param = "bids-page"
    return long


def decisions_register() -> Long:
    rows = [
        Decision.objects.create(
            decided_on=TODAY - dt.timedelta(days=n), title=f"Decision {n}", summary="Agreed."
        )
        for n in range(decisions.PAGE_SIZE + 1)
    ]
    detail = "transparency:staff-decision"
    return Long(
        reverse("transparency:staff-decisions"),
        first=reverse(detail, args=[rows[0].pk]) + '"',
        last=reverse(detail, args=[rows[-1].pk]) + '"',
    )


def a_deliverable_updates(theme) -> Long:
    deliverable = DeliverableFactory.create(theme=theme)
    rows = [
        UpdateFactory.create(deliverable=deliverable, date=TODAY - dt.timedelta(days=n))
        for n in range(delivery_views.UPDATES_PAGE_SIZE + 1)
    ]
    return Long(
        reverse("delivery:deliverable-detail", args=[deliverable.pk]),
        first=f'id="update-{rows[0].pk}"',
        last=f'id="update-{rows[-1].pk}"',
        kept="history-page=1",
        param="updates-page",
    )


def a_deliverable_history(theme) -> Long:
    deliverable = DeliverableFactory.create(theme=theme, title="Title at first")
    for n in range(HISTORY_PAGE_SIZE):  # the creation and this many changes
        deliverable.title = f"Title number {n:03d}"
        deliverable.save()
    return Long(
        reverse("delivery:deliverable-detail", args=[deliverable.pk]),
        first=f"{HISTORY_PAGE_SIZE - 2:03d} → Title number {HISTORY_PAGE_SIZE - 1:03d}",
        last="Deliverable: Created",
        kept="updates-page=1",
        param="history-page",
    )


# Each long list, named as the test's id says, and how to fill it past one page.
LONG_LISTS = {
    "the concerns case log": lambda theme: concerns(),
    "communications output within the period asked for": lambda theme: communications_output(),
    "police data imports": lambda theme: police_data_imports(),
    "the sign-in record": lambda theme: sign_in_record(),
    "a plan's generated reports": lambda theme: generated_reports(theme.plan),
    "the Panel's meetings": lambda theme: panel_meetings(),
    "a body's meetings, keeping its history's page": lambda theme: a_body_meetings(),
    "bids": lambda theme: bids(),
    "funds, keeping the bids' page": lambda theme: funds(),
    "a fund's bids, keeping its awards' page": lambda theme: a_fund_bids(),
    "the staff decisions register": lambda theme: decisions_register(),
    "a deliverable's updates, keeping its history's page": a_deliverable_updates,
    "a deliverable's audit history, keeping its updates' page": a_deliverable_history,
}


@pytest.mark.parametrize("fill", LONG_LISTS.values(), ids=LONG_LISTS.keys())
def test_a_long_staff_list_reads_in_two_pages_and_the_link_keeps_the_address(
    client, administrator, theme, fill
):
    client.force_login(administrator)
    reads_in_two_pages(client, fill(theme))
