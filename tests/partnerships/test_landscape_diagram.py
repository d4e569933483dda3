"""The public landscape drawn as a diagram (issue 11 item 1): server-rendered SVG with the same
bodies as the nested lists, each joined to the body it reports to, and nothing unpublished."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from pcplan.partnerships.landscape import BOX_HEIGHT, INDENT, diagram, landscape
from pcplan.partnerships.models import Body, BodyKind
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(db):
    cjb = BodyFactory(
        key="cjb", name="Criminal Justice Board", kind=BodyKind.CRIMINAL_JUSTICE_BOARD
    )
    mappa = BodyFactory(
        key="mappa",
        name="MAPPA Board",
        kind=BodyKind.CRIMINAL_JUSTICE_SUB_GROUP,
        parent=cjb,
        meetings_public=False,
    )
    BodyFactory(key="draft", name="DRAFT group", parent=cjb, is_published=False)
    BodyFactory(key="fenland", name="Fenland CSP", kind=BodyKind.CSP)
    return cjb, mappa


def test_each_body_is_a_box_joined_to_the_body_it_reports_to(tree):
    cjb, mappa = tree
    drawn = diagram(landscape(Body.objects.public()))
    boxes = {box.body.key: box for box in drawn.boxes}
    assert set(boxes) == {"cjb", "mappa", "fenland"}
    parent, child = boxes["cjb"], boxes["mappa"]
    assert child.x == parent.x + INDENT and child.y > parent.y
    # The elbow runs down from the parent's box and across to the child's.
    assert any(
        line.y1 == parent.y + BOX_HEIGHT and line.y2 == child.y + BOX_HEIGHT // 2
        for line in drawn.lines
    )
    assert any(line.x2 == child.x for line in drawn.lines)
    assert drawn.height >= max(box.y for box in drawn.boxes) + BOX_HEIGHT


def test_the_public_page_draws_the_same_bodies_as_it_lists(client, tree):
    page = client.get(reverse("partnerships:landscape")).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg
    drawn = re.findall(r"<text [^>]*font-size=\"14\"[^>]*>([^<]*)</text>", svg)
    assert [name.split(" (")[0] for name in drawn] == [
        "Criminal Justice Board",
        "MAPPA Board",
        "Fenland CSP",
    ]
    assert "DRAFT" not in page
    assert "MAPPA Board (meets in private)" in svg
