"""Staff keep the bodies' members, the CSPs' yearly scrutiny and their documents; the CSP list
warns when a year has passed without scrutiny (SI 2009/942 reg. 5)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pcplan.partnerships.models import BodyKind, CspDocument, Membership, MembershipRole, Scrutiny
from tests.factories import BodyFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def fenland():
    return BodyFactory(key="fenland-csp", name="Fenland CSP", kind=BodyKind.CSP)


def post_served(client, url, **answers):
    data = served_form(client.get(url).content.decode())
    data.update(answers)
    return client.post(url, data)


def test_an_editor_adds_a_chair_with_the_dates_they_hold_the_chair(client_for, editor, fenland):
    client = client_for(editor)
    url = reverse("partnerships:membership-new", args=[fenland.key])
    response = post_served(
        client,
        url,
        person="A Chair",
        role=MembershipRole.CHAIR,
        starts_on_day="1",
        starts_on_month="4",
        starts_on_year="2022",
    )
    assert response.status_code == 302
    membership = Membership.objects.get(body=fenland)
    membership.refresh_from_db()
    assert membership.person == "A Chair" and membership.starts_on == dt.date(2022, 4, 1)
    assert membership.history.first().history_user == editor
    assert Membership.objects.chair_on(fenland, dt.date(2023, 1, 1)) == membership


def test_a_membership_naming_no_one_is_refused_with_a_message(client_for, editor, fenland):
    client = client_for(editor)
    url = reverse("partnerships:membership-new", args=[fenland.key])
    response = post_served(
        client, url, starts_on_day="1", starts_on_month="4", starts_on_year="2022"
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert "Enter the person, or choose their organisation" in response.content.decode()
    assert Membership.objects.count() == 0


def test_a_contributor_cannot_add_a_member(client_for, contributor, fenland):
    client = client_for(contributor)
    url = reverse("partnerships:membership-new", args=[fenland.key])
    response = client.post(url, {"person": "Someone", "role": "member"})
    assert response.status_code == 403
    assert Membership.objects.count() == 0


def test_the_public_is_sent_to_sign_in_for_staff_pages(client, fenland):
    response = client.get(reverse("partnerships:staff-body", args=[fenland.key]))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_a_csp_without_scrutiny_for_a_year_is_flagged_overdue(client_for, editor, fenland):
    Scrutiny.objects.create(
        body=fenland,
        committee="Overview and Scrutiny Committee",
        held_on=timezone.localdate() - dt.timedelta(days=400),
    )
    client = client_for(editor)
    home = client.get(reverse("partnerships:staff-home")).content.decode()
    assert "Overdue: more than a year" in home
    page = client.get(reverse("partnerships:staff-body", args=[fenland.key])).content.decode()
    assert "More than a year has passed" in page


def test_recording_a_scrutiny_clears_the_warning(client_for, editor, fenland):
    client = client_for(editor)
    today = timezone.localdate()
    url = reverse("partnerships:scrutiny-new", args=[fenland.key])
    response = post_served(
        client,
        url,
        committee="Overview and Scrutiny Committee",
        held_on_day=str(today.day),
        held_on_month=str(today.month),
        held_on_year=str(today.year),
    )
    assert response.status_code == 302
    scrutiny = Scrutiny.objects.get(body=fenland)
    scrutiny.refresh_from_db()
    assert scrutiny.held_on == today
    home = client.get(reverse("partnerships:staff-home")).content.decode()
    assert "Overdue: more than a year" not in home


def test_an_editor_adds_a_strategic_assessment_with_its_priorities(client_for, editor, fenland):
    client = client_for(editor)
    url = reverse("partnerships:document-new", args=[fenland.key])
    response = post_served(
        client,
        url,
        kind=CspDocument.Kind.STRATEGIC_ASSESSMENT,
        title="Strategic Assessment 2023",
        dated_day="1",
        dated_month="2",
        dated_year="2023",
        priorities="Anti-social behaviour\nFly tipping",
    )
    assert response.status_code == 302
    document = CspDocument.objects.get(body=fenland)
    assert document.priority_list == ["Anti-social behaviour", "Fly tipping"]
    page = client.get(reverse("partnerships:staff-body", args=[fenland.key])).content.decode()
    assert "Strategic Assessment 2023" in page and "Fly tipping" in page


def test_only_a_csp_has_scrutinies(client_for, editor):
    board = BodyFactory(key="board", name="A Board")
    client = client_for(editor)
    url = reverse("partnerships:scrutiny-new", args=[board.key])
    response = post_served(
        client,
        url,
        committee="A committee",
        held_on_day="1",
        held_on_month="1",
        held_on_year="2023",
    )
    assert response.status_code == 400
    assert "scrutinise CSPs only" in response.content.decode()
    assert Scrutiny.objects.count() == 0


def test_an_editor_withdraws_a_body_from_the_public_landscape(client_for, editor, fenland):
    client = client_for(editor)
    page = reverse("partnerships:staff-body", args=[fenland.key])
    action = reverse("partnerships:body-publish", args=[fenland.key])
    response = client.post(action, served_form(client.get(page).content.decode(), action))
    assert response.status_code == 302
    fenland.refresh_from_db()
    assert not fenland.is_published
    assert fenland.history.first().history_user == editor
    response = client.post(action, served_form(client.get(page).content.decode(), action))
    fenland.refresh_from_db()
    assert fenland.is_published and fenland.published_by == editor


def test_a_contributor_cannot_withdraw_a_body(client_for, contributor, fenland):
    response = client_for(contributor).post(
        reverse("partnerships:body-publish", args=[fenland.key])
    )
    assert response.status_code == 403
    fenland.refresh_from_db()
    assert fenland.is_published


def test_the_body_page_shows_who_added_a_member_in_its_audit_history(client_for, editor, fenland):
    client = client_for(editor)
    url = reverse("partnerships:membership-new", args=[fenland.key])
    post_served(
        client,
        url,
        person="A Chair",
        role=MembershipRole.CHAIR,
        starts_on_day="1",
        starts_on_month="4",
        starts_on_year="2022",
    )
    page = client.get(reverse("partnerships:staff-body", args=[fenland.key])).content.decode()
    assert "Membership of A Chair" in page
    assert str(editor) in page
