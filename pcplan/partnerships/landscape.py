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
