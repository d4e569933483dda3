"""The public partnership landscape (seed 004 §5.2) as nested lists, and a body's page: nothing
unpublished, and of a private body nothing but its name, place and priorities."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.core.publishing import set_published
from pcplan.partnerships.models import Body, BodyKind, BodyPriority, MembershipRole
from pcplan.plans.lifecycle import PlanStatus
from tests.factories import (
    BodyFactory,
    DeliverableFactory,
    MembershipFactory,
    PlanFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def landscape():
    cjb = BodyFactory(
        key="criminal-justice-board",
        name="Criminal Justice Board",
        kind=BodyKind.CRIMINAL_JUSTICE_BOARD,
        terms_of_reference="Public terms of reference",
    )
    MembershipFactory(
        body=cjb,
        person="Public Chair",
        role=MembershipRole.CHAIR,
        starts_on=dt.date(2021, 5, 13),
    )
    MembershipFactory(body=cjb, person="PERSONAL member name", starts_on=dt.date(2021, 5, 13))
    sub = BodyFactory(
        key="mappa-board",
        name="MAPPA Board",
        kind=BodyKind.CRIMINAL_JUSTICE_SUB_GROUP,
        parent=cjb,
        meetings_public=False,
        terms_of_reference="PRIVATE terms of reference",
    )
    BodyPriority.objects.create(body=sub, title="Managing violent and sexual offenders")
    MembershipFactory(
        body=sub,
        person="PRIVATE chair name",
        role=MembershipRole.CHAIR,
        starts_on=dt.date(2021, 1, 1),
    )
    BodyFactory(key="draft-group", name="DRAFT group", parent=cjb, is_published=False)
    BodyFactory(key="fenland-csp", name="Fenland CSP", kind=BodyKind.CSP)
    return cjb, sub


def test_the_landscape_nests_each_body_under_the_body_it_reports_to(client, landscape):
    response = client.get(reverse("partnerships:landscape"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Strategic system leadership" in html and "Local delivery" in html
    board = html.index("Criminal Justice Board")
    sub = html.index("MAPPA Board")
    assert board < sub
    # The sub-group is inside the board's list item, in a nested list.
    assert html[board:sub].count("<ul") == 1
    assert "meets in private" in html[sub:]


def test_an_unpublished_body_appears_on_no_public_page(client, landscape):
    cjb, _sub = landscape
    for url in [
        reverse("partnerships:landscape"),
        reverse("partnerships:body", args=[cjb.key]),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert "DRAFT" not in response.content.decode()
    assert client.get(reverse("partnerships:body", args=["draft-group"])).status_code == 404


def test_a_private_bodys_page_shows_its_priorities_but_not_its_members_or_terms(client, landscape):
    _cjb, sub = landscape
    response = client.get(reverse("partnerships:body", args=[sub.key]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Managing violent and sexual offenders" in html
    assert "This body meets in private" in html
    assert "PRIVATE" not in html


def test_a_public_bodys_page_names_its_chair_but_members_only_by_organisation(client, landscape):
    cjb, _sub = landscape
    response = client.get(reverse("partnerships:body", args=[cjb.key]))
    html = response.content.decode()
    assert "Public Chair" in html
    assert "Public terms of reference" in html
    assert "PERSONAL" not in html
    assert "MAPPA Board" in html  # its sub-group, linked


def test_withdrawing_a_body_takes_it_off_the_landscape(client, landscape, editor):
    cjb, _sub = landscape
    set_published(editor, cjb, False)
    cjb.refresh_from_db()
    assert not cjb.is_published and cjb.history.first().history_user == editor
    html = client.get(reverse("partnerships:landscape")).content.decode()
    assert "Criminal Justice Board" not in html
    # Its published sub-group is still listed, at the top of its own group.
    assert "MAPPA Board" in html
    assert client.get(reverse("partnerships:body", args=[cjb.key])).status_code == 404
    assert Body.objects.public().filter(key=cjb.key).count() == 0


def test_a_public_body_lists_only_public_deliverables_it_relates_to(client, landscape):
    cjb, sub = landscape
    shown = DeliverableFactory(
        theme=ThemeFactory(plan=PlanFactory(key="issued")), title="Public deliverable"
    )
    draft_plan = PlanFactory(key="draft", status=PlanStatus.SENT_TO_PANEL)
    hidden = DeliverableFactory(
        theme=ThemeFactory(plan=draft_plan), title="SECRET deliverable", is_published=True
    )
    cjb.deliverables.set([shown, hidden])
    sub.deliverables.set([shown])
    html = client.get(reverse("partnerships:body", args=[cjb.key])).content.decode()
    assert "Public deliverable" in html
    assert "SECRET" not in html
    private_page = client.get(reverse("partnerships:body", args=[sub.key])).content.decode()
    assert "Public deliverable" not in private_page


def test_a_csps_problem_solving_group_is_listed_under_its_csp(client):
    csp = BodyFactory(key="a-csp", name="A CSP", kind=BodyKind.CSP)
    BodyFactory(
        key="a-psg",
        name="A Problem Solving Group",
        kind=BodyKind.PROBLEM_SOLVING_GROUP,
        parent=csp,
        meetings_public=False,
    )
    html = client.get(reverse("partnerships:landscape")).content.decode()
    assert html.index("A CSP") < html.index("A Problem Solving Group")
    assert html[html.index("A CSP") : html.index("A Problem Solving Group")].count("<ul") == 1
    assert "Local delivery" in html
