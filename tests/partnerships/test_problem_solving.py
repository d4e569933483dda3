"""Problem solving (issue 11 item 5): the local issues a CSP's Problem Solving Group works on,
with the public concerns they answer, and the posts the office funds in the CSPs (seed 002
item 7 §5.3); and the staff form for a body's own fields."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from pcplan.core.models import CommunitySafetyPartnership, Office, Organisation
from pcplan.engagement.models import Concern
from pcplan.partnerships.models import Body, BodyKind, FundedPost, LocalIssue
from tests.factories import BodyFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def psg(db):
    office = Office.objects.create()
    area = CommunitySafetyPartnership.objects.create(office=office, name="Fenland")
    csp = BodyFactory(key="fenland-csp", name="Fenland CSP", kind=BodyKind.CSP, csp=area)
    return BodyFactory(
        key="wisbech-psg", name="Wisbech PSG", kind=BodyKind.PROBLEM_SOLVING_GROUP, parent=csp
    )


def concern(area: str, topic: str) -> Concern:
    return Concern.objects.create(
        received_on=dt.date(2023, 1, 10),
        raised_by=Concern.RaisedBy.RESIDENT,
        raiser_name="Private Person",
        area=area,
        topic=topic,
        summary="Bikes taken from the station",
    )


def post_served(client, url, **answers):
    data = served_form(client.get(url).content.decode(), action="")
    data.update(answers)
    return client.post(url, data)


def test_an_editor_records_a_local_issue_answering_the_areas_concerns(client_for, editor, psg):
    here = concern("Fenland", Concern.Topic.BIKE_THEFT)
    elsewhere = concern("Huntingdonshire", Concern.Topic.BIKE_THEFT)
    client = client_for(editor)
    url = reverse("partnerships:local-issue-new", args=[psg.key])
    form = client.get(url).content.decode()
    assert f'value="{here.pk}"' in form and f'value="{elsewhere.pk}"' not in form
    assert "Private Person" not in form
    response = post_served(
        client,
        url,
        title="Bike theft at the station",
        opened_on_day="1",
        opened_on_month="2",
        opened_on_year="2023",
        concerns=[str(here.pk)],
    )
    assert response.status_code == 302, response.content.decode()
    issue = LocalIssue.objects.get()
    assert issue.body == psg and issue.status == LocalIssue.Status.OPEN
    assert list(issue.concerns.all()) == [here]
    assert issue.history.first().history_user == editor

    # Resolved later: the form is served with what was saved, and the date is required.
    edit = reverse("partnerships:local-issue-edit", args=[psg.key, issue.pk])
    refused = post_served(client, edit, status=LocalIssue.Status.RESOLVED)
    assert refused.status_code == 400
    assert "Enter the date the issue was closed" in refused.content.decode()
    done = post_served(
        client,
        edit,
        status=LocalIssue.Status.RESOLVED,
        closed_on_day="1",
        closed_on_month="6",
        closed_on_year="2023",
    )
    assert done.status_code == 302
    issue.refresh_from_db()
    assert issue.closed_on == dt.date(2023, 6, 1) and list(issue.concerns.all()) == [here]
    page = client.get(reverse("partnerships:staff-body", args=[psg.key])).content.decode()
    assert "Bike theft at the station" in page and "Resolved" in page


def test_local_issues_belong_to_csps_and_problem_solving_groups_only(client_for, editor):
    board = BodyFactory(key="harms-board")
    response = post_served(
        client_for(editor),
        reverse("partnerships:local-issue-new", args=[board.key]),
        title="Fly tipping",
        opened_on_day="1",
        opened_on_month="2",
        opened_on_year="2023",
    )
    assert response.status_code == 400
    assert LocalIssue.objects.count() == 0


def test_a_contributor_may_not_record_issues(client_for, contributor, psg):
    response = client_for(contributor).get(reverse("partnerships:local-issue-new", args=[psg.key]))
    assert response.status_code == 403


def test_an_editor_records_a_funded_post_to_march_2025(client_for, editor, psg):
    council = Organisation.objects.create(key="fdc", name="Fenland District Council")
    csp = psg.parent
    client = client_for(editor)
    response = post_served(
        client,
        reverse("partnerships:funded-post-new", args=[csp.key]),
        title="Problem solving co-ordinator",
        host=str(council.pk),
        funded_from_day="1",
        funded_from_month="4",
        funded_from_year="2022",
        funded_until_day="31",
        funded_until_month="3",
        funded_until_year="2025",
        amount="45000.00",
    )
    assert response.status_code == 302, response.content.decode()
    post = FundedPost.objects.get()
    assert post.host == council and post.amount == Decimal("45000.00")
    assert list(FundedPost.objects.funded_on(dt.date(2025, 3, 31))) == [post]
    assert not FundedPost.objects.funded_on(dt.date(2025, 4, 1)).exists()
    assert post.ends_within(dt.date(2025, 1, 1), 90)
    page = client.get(reverse("partnerships:staff-body", args=[csp.key])).content.decode()
    assert "Problem solving co-ordinator" in page and "31 March 2025" in page


def test_a_funded_post_ending_before_it_starts_is_refused(client_for, editor, psg):
    response = post_served(
        client_for(editor),
        reverse("partnerships:funded-post-new", args=[psg.key]),
        title="Officer",
        funded_from_day="1",
        funded_from_month="4",
        funded_from_year="2025",
        funded_until_day="31",
        funded_until_month="3",
        funded_until_year="2025",
    )
    assert response.status_code == 400
    assert "The funding must end on or after it starts" in response.content.decode()


def test_an_editor_edits_a_bodys_own_fields(client_for, editor, psg):
    client = client_for(editor)
    url = reverse("partnerships:body-edit", args=[psg.key])
    response = post_served(
        client, url, purpose="Tackles local issues in Wisbech.", meetings_public=""
    )
    assert response.status_code == 302, response.content.decode()
    psg.refresh_from_db()
    assert psg.purpose == "Tackles local issues in Wisbech." and psg.parent.key == "fenland-csp"
    assert psg.history.first().history_user == editor


def test_a_body_may_not_report_to_a_group_under_it(client_for, editor, psg):
    csp = psg.parent
    response = post_served(
        client_for(editor), reverse("partnerships:body-edit", args=[csp.key]), parent=str(psg.pk)
    )
    assert response.status_code == 400
    assert Body.objects.get(pk=csp.pk).parent is None
