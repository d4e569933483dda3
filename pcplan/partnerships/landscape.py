"""The partnership landscape as a tree (seed 004 §5.2), in groups the public can navigate.

Built from one query: each body under its parent, the top-level bodies in the group of their
kind. A body whose parent the public may not see is shown at the top of its own group, so
nothing public is lost and nothing unpublished is named.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pcplan.partnerships.models import Body, BodyKind

GROUPS: list[tuple[Promise, set[str]]] = [
    (
        _("Strategic system leadership"),
        {BodyKind.STRATEGIC_BOARD, BodyKind.CRIMINAL_JUSTICE_BOARD, BodyKind.SCRUTINY_PANEL},
    ),
    (_("Delivery groups"), {BodyKind.DELIVERY_GROUP, BodyKind.CRIMINAL_JUSTICE_SUB_GROUP}),
    (_("Local and area-wide linkages"), {BodyKind.NETWORK}),
    (_("Local delivery"), {BodyKind.CSP, BodyKind.PROBLEM_SOLVING_GROUP}),
]


@dataclass
class Node:
    body: Body
    children: list[Node] = field(default_factory=list)


@dataclass
class Group:
    title: Promise
    nodes: list[Node]


def landscape(bodies: QuerySet[Body]) -> list[Group]:
    listed = list(bodies.order_by("position", "name"))
    nodes = {b.pk: Node(b) for b in listed}
    tops: dict[str, list[Node]] = defaultdict(list)
    for body in listed:
        parent = nodes.get(body.parent_id) if body.parent_id else None
        if parent is not None:
            parent.children.append(nodes[body.pk])
        else:
            tops[body.kind].append(nodes[body.pk])
    groups = []
    for title, kinds in GROUPS:
        members = [n for kind in BodyKind.values if kind in kinds for n in tops[kind]]
        if members:
            groups.append(
                Group(title, sorted(members, key=lambda n: (n.body.position, n.body.name)))
            )
    return groups


# --- the same tree drawn as a diagram (server-rendered SVG; the nested lists are its text) ---

DIAGRAM_WIDTH = 800
ROW = 36
BOX_HEIGHT = 28
INDENT = 28


@dataclass
class Box:
    x: int
    y: int
    width: int
    body: Body

    @property
    def text_x(self) -> int:
        return self.x + 8

    @property
    def text_y(self) -> int:
        return self.y + 19


@dataclass
class Line:
    x1: int
    y1: int
    x2: int
    y2: int


@dataclass
class Heading:
    y: int
    title: Promise


@dataclass
class Diagram:
    height: int
    headings: list[Heading] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)


def diagram(groups: list[Group]) -> Diagram:
    """Lay the landscape out as an indented tree: each group under its heading, each body a
    box one row down and one step in from the body it reports to, joined by an elbow line."""
    drawn = Diagram(height=0)
    y = 0

    def place(node: Node, depth: int) -> int:
        nonlocal y
        x = depth * INDENT
        top = y
        drawn.boxes.append(Box(x, top, DIAGRAM_WIDTH - x - 1, node.body))
        y += ROW
        for child in node.children:
            child_top = place(child, depth + 1)
            elbow_x = x + INDENT // 2
            drawn.lines.append(
                Line(elbow_x, top + BOX_HEIGHT, elbow_x, child_top + BOX_HEIGHT // 2)
            )
            drawn.lines.append(
                Line(elbow_x, child_top + BOX_HEIGHT // 2, x + INDENT, child_top + BOX_HEIGHT // 2)
            )
        return top

    for group in groups:
        y += 8
        drawn.headings.append(Heading(y + 18, group.title))
        y += ROW
        for node in group.nodes:
            place(node, 0)
    drawn.height = y
    return drawn
