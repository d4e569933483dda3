"""A forward-plan item can be for a report pcplan generates (issue 10 item 7: the Panel's
forward plan asks for "Commissioning and Grants" on 29 November 2023): the secretariat sets it
on the item's form, the forward plan links it, the grants page lists the items that ask for
it, and migration panel/0009 linked the items that named grants, once, and goes back."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pcplan.panel import services
from pcplan.panel.models import ForwardPlanItem, Meeting
from pcplan.reports import meeting_reports
from pcplan.reports.meeting_reports import COMMISSIONING_AND_GRANTS
from tests.htmlforms import post_as_served, served_form
from tests.old_migrations import (
    migrate,
    migrate_from_nothing_to,
    migrate_to_the_end,
    on_sqlite_only,
)

pytestmark = pytest.mark.django_db


def test_every_report_in_the_registry_links_to_pages_that_exist():
    for report in meeting_reports.REPORTS.values():
        assert report.staff_url.startswith("/staff/")
        assert not report.public_url.startswith("/staff/")
    assert dict(meeting_reports.choices())[COMMISSIONING_AND_GRANTS] == "Commissioning and Grants"


def test_the_secretariat_plans_an_item_for_the_grants_report_on_the_form(
    client_for, secretariat, next_meeting
):
    client = client_for(secretariat)
    url = reverse("panel:planned-item-new", args=[next_meeting.pk])
    served = client.get(url).content.decode()
    assert "Which report generated here from live data is it for? (optional)" in served
    data = served_form(served, action="")
    assert data["report"] == ""  # "None" is chosen until the secretariat picks a report
    data.update(title="Commissioning and Grants", report=COMMISSIONING_AND_GRANTS)
    assert client.post(url, data).status_code == 302
    item = ForwardPlanItem.objects.get()
    assert item.report == COMMISSIONING_AND_GRANTS
    assert item.history.get().history_change_reason == "Added to the forward plan"


def test_the_secretariat_links_an_existing_item_on_its_change_form(
    client_for, secretariat, next_meeting
):
    item = services.plan_item(secretariat, next_meeting, title="Grants update")
    client = client_for(secretariat)
    staff_page = client.get(reverse("panel:staff-meeting", args=[next_meeting.pk]))
    url = reverse("panel:planned-item-edit", args=[item.pk])
    assert url in staff_page.content.decode()
    data = served_form(client.get(url).content.decode(), action="")
    assert data["title"] == "Grants update"
    data["report"] = COMMISSIONING_AND_GRANTS
    assert client.post(url, data).status_code == 302
    item.refresh_from_db()
    assert (item.title, item.report) == ("Grants update", COMMISSIONING_AND_GRANTS)
    # Posted back unchanged, the link stays.
    assert post_as_served(client, url, {}).status_code == 302
    item.refresh_from_db()
    assert item.report == COMMISSIONING_AND_GRANTS
    changed = item.history.filter(history_change_reason="Forward plan item changed")
    assert changed.count() == 2


def test_a_report_not_in_the_registry_is_refused_and_nothing_is_saved(
    client_for, secretariat, next_meeting
):
    item = services.plan_item(secretariat, next_meeting, title="Grants update")
    client = client_for(secretariat)
    url = reverse("panel:planned-item-edit", args=[item.pk])
    data = served_form(client.get(url).content.decode(), action="")
    data.update(title="Renamed", report="budget-monitoring")
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Choose a report from the list, or none." in page
    item.refresh_from_db()
    assert (item.title, item.report) == ("Grants update", "")


def test_only_the_secretariat_changes_a_forward_plan_item(client_for, editor, next_meeting):
    item = ForwardPlanItem.objects.create(meeting=next_meeting, title="Grants update")
    response = client_for(editor).post(
        reverse("panel:planned-item-edit", args=[item.pk]),
        {"title": "Grants update", "report": COMMISSIONING_AND_GRANTS},
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.report == ""


def test_the_public_forward_plan_links_the_report_to_the_records_it_is_built_from(
    client, next_meeting
):
    ForwardPlanItem.objects.create(
        meeting=next_meeting, title="Commissioning and Grants", report=COMMISSIONING_AND_GRANTS
    )
    ForwardPlanItem.objects.create(meeting=next_meeting, title="Grants in another sense")
    # The worst value the column holds: a key the registry no longer has, as long as it goes.
    ForwardPlanItem.objects.create(meeting=next_meeting, title="Retired report", report="x" * 40)
    page = client.get(reverse("panel:forward-plan")).content.decode()
    assert "Retired report" in page
    assert "the “Commissioning and Grants” report, generated from" in page
    assert page.count(f'href="{reverse("grants:register")}">the grants register</a>') == 1
    assert page.count("report, generated from") == 1
    assert reverse("grants:home") not in page  # staff pages are not offered to the public


def test_the_staff_meeting_page_offers_the_report_only_to_those_who_may_generate_it(
    client_for, administrator, secretariat, next_meeting
):
    ForwardPlanItem.objects.create(
        meeting=next_meeting, title="Commissioning and Grants", report=COMMISSIONING_AND_GRANTS
    )
    url = reverse("panel:staff-meeting", args=[next_meeting.pk])
    page = client_for(administrator).get(url).content.decode()
    assert f'href="{reverse("grants:home")}"' in page
    assert "Generate the “Commissioning and Grants” report" in page
    page = client_for(secretariat).get(url).content.decode()
    assert reverse("grants:home") not in page
    assert "the “Commissioning and Grants” report, generated by the office" in page


def test_the_grants_page_lists_the_items_that_ask_for_its_report(client_for, editor):
    today = timezone.localdate()
    coming = Meeting.objects.create(date=today + dt.timedelta(days=30))
    held = Meeting.objects.create(date=today - dt.timedelta(days=300))
    ForwardPlanItem.objects.create(
        meeting=coming, title="Commissioning and Grants", report=COMMISSIONING_AND_GRANTS
    )
    ForwardPlanItem.objects.create(
        meeting=held, title="Grants and commissioning", report=COMMISSIONING_AND_GRANTS
    )
    ForwardPlanItem.objects.create(meeting=coming, title="Grants named, report not asked for")
    page = client_for(editor).get(reverse("grants:home")).content.decode()
    assert f"Commissioning and Grants, {coming.date:%-d %B %Y}" in page
    assert f"Grants and commissioning, {held.date:%-d %B %Y}" in page
    assert page.index("Commissioning and Grants,") < page.index("Grants and commissioning,")
    assert reverse("panel:meeting", args=[coming.pk]) in page
    assert "Grants named, report not asked for" not in page


# --- migration panel/0009 --------------------------------------------------------------------

# Partnerships stays at its newest: the bodies' table keeps the columns it has now.
NEWEST_PARTNERSHIPS = ("partnerships", "0004_edit_form_versions")
BEFORE = [("panel", "0008_meeting_versions"), NEWEST_PARTNERSHIPS]
AFTER = [("panel", "0009_forward_plan_item_report"), NEWEST_PARTNERSHIPS]
REASON = "Linked to the Commissioning and Grants report (panel migration 0009)"


def linked(apps):
    Item = apps.get_model("panel", "ForwardPlanItem")
    History = apps.get_model("panel", "HistoricalForwardPlanItem")
    return (
        dict(Item.objects.values_list("title", "report")),
        list(History.objects.filter(history_change_reason=REASON).values_list("title", "report")),
    )


@on_sqlite_only
@pytest.mark.django_db(transaction=True)
def test_the_migration_links_items_naming_grants_once_and_goes_back():
    try:
        old = migrate_from_nothing_to(BEFORE)
        body = old.get_model("partnerships", "Body").objects.create(
            key="police-and-crime-panel", name="Police and Crime Panel", kind="scrutiny-panel"
        )
        meeting = old.get_model("panel", "Meeting").objects.create(
            date=dt.date(2023, 11, 29), body=body
        )
        Item = old.get_model("panel", "ForwardPlanItem")
        Item.objects.create(meeting=meeting, title="Commissioning and Grants", position=3)
        Item.objects.create(meeting=meeting, title="Public Questions", position=2)

        items, history = linked(migrate(AFTER))
        assert items == {
            "Commissioning and Grants": COMMISSIONING_AND_GRANTS,
            "Public Questions": "",
        }
        assert history == [("Commissioning and Grants", COMMISSIONING_AND_GRANTS)]

        old = migrate(BEFORE)
        History = old.get_model("panel", "HistoricalForwardPlanItem")
        assert not History.objects.filter(history_change_reason=REASON).exists()

        # Forward again: the item is linked once, with one history row, as the first time.
        assert linked(migrate(AFTER)) == (items, history)
    finally:
        migrate_to_the_end()
