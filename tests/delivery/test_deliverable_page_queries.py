"""A deliverable's staff page reads each thing once (issue 17: 24 queries, p95 174 ms on
PostgreSQL at the demo ×10, against a target of 150 ms)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pcplan.core.periods import QuarterSpan
from pcplan.delivery.models import Deliverable, Task
from tests.factories import DeliverableFactory, OrganisationFactory, UpdateFactory

pytestmark = pytest.mark.django_db

# Was 25 here: the dependencies were read three times (the late flag, the RAG rating, the
# list), the tasks twice (the count done, the list), and the session was written back on every
# request (three statements). Now 19: the session, user and authenticator; the deliverable; its
# updates (count, page); its partners, dependencies, dependents and tasks (one each); whether
# it is public; its history (6: its records, two link tables, the names of organisations and
# deliverables, the updates' records); the signed-in user's organisation for the menu; the
# measures it evidences. (The session is renewed at most once a minute: the first request.)
DELIVERABLE_PAGE_QUERIES = 19


def deliverable_with_everything(theme, editor) -> Deliverable:
    late = DeliverableFactory.create(
        theme=theme, title="Late one", target=QuarterSpan.parse("Q4 2022/23")
    )
    dependent = DeliverableFactory.create(theme=theme, title="Waits for it")
    deliverable = DeliverableFactory.create(theme=theme, title="Street lighting review")
    deliverable.partners.set([OrganisationFactory.create(key=f"partner-{n}") for n in range(3)])
    deliverable.depends_on.set([late])
    dependent.depends_on.set([deliverable])
    for n in range(4):
        Task.objects.create(deliverable=deliverable, position=n, title=f"Task {n}", done=n < 3)
    for n in range(3):
        UpdateFactory.create(deliverable=deliverable, text=f"Update {n}")
    return deliverable


def test_the_deliverable_page_reads_dependencies_and_tasks_once(
    client_for, editor, theme, built_staff_bodies
):
    deliverable = deliverable_with_everything(theme, editor)
    client = client_for(editor)
    url = reverse("delivery:deliverable-detail", args=[deliverable.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "3 of 4 tasks completed." in page
    assert "Late one" in page and "Waits for it" in page
    assert len(queries) == DELIVERABLE_PAGE_QUERIES, "\n".join(
        q["sql"][:120] for q in queries.captured_queries
    )
