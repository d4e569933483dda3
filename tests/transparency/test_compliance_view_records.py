"""The compliance view shows the records themselves (issue 13 item 2: "a statutory checklist
that scores itself, item by item"): under each item, the live records it is filled from, each
with its title, date and a link to its staff page, and the publication last recorded for it;
in a fixed number of queries, however many records there are."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pcplan.core.publishing import set_published
from pcplan.panel.models import Meeting
from pcplan.transparency import services
from pcplan.transparency.models import Decision, Inspection, MeetingSummary, SpecifiedPublication
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def add_records(editor, n: int, start: int) -> None:
    """`n` published decisions, HMICFRS reports and minutes of meetings held in private."""
    board = BodyFactory.create(meetings_public=False)
    for i in range(start, start + n):
        services.record_decision(
            editor,
            decided_on=TODAY() - dt.timedelta(days=i),
            title=f"Decision {i}",
            summary="Agreed.",
            publish=True,
        )
        services.save_inspection(
            editor,
            Inspection(
                title=f"Report {i}",
                kind=Inspection.Kind.THEMATIC,
                published_on=TODAY() - dt.timedelta(days=i),
            ),
        )
        meeting = Meeting.objects.create(body=board, date=TODAY() - dt.timedelta(days=i))
        summary = services.save_meeting_summary(
            editor, MeetingSummary(meeting=meeting, title=f"Private matters {i}", summary="S")
        )
        set_published(editor, summary, True)
    services.record_publication(
        editor,
        SpecifiedPublication(
            item_key="gifts-hospitality",
            published_on=TODAY() - dt.timedelta(days=start),
            title=f"Gifts and hospitality register {start}",
            url=f"https://example.org/gifts-{start}.pdf",
        ),
    )


def compliance_page(client) -> tuple[str, int]:
    url = reverse("transparency:compliance")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_each_item_lists_its_records_with_links_to_their_staff_pages(client_for, editor):
    add_records(editor, 1, 1)
    html, _ = compliance_page(client_for(editor))
    decision = Decision.objects.get(title="Decision 1")
    inspection = Inspection.objects.get(title="Report 1")
    summary = MeetingSummary.objects.get(title="Private matters 1")
    for url in [
        reverse("transparency:staff-decision", args=[decision.pk]),
        reverse("transparency:staff-inspection", args=[inspection.pk]),
        reverse("transparency:meeting-summary-edit", args=[summary.pk]),
    ]:
        assert f'href="{url}"' in html, url
    for title in ["Decision 1", "Report 1", "Private matters 1"]:
        assert title in html
    assert "Gifts and hospitality register 1" in html
    assert "https://example.org/gifts-1.pdf" in html
    yesterday = TODAY() - dt.timedelta(days=1)
    assert f"({yesterday:%-d %B %Y})" in html


def test_the_compliance_view_costs_the_same_queries_as_the_records_grow(client_for, editor):
    client = client_for(editor)
    add_records(editor, 2, 1)
    _, few = compliance_page(client)
    add_records(editor, 8, 10)
    html, many = compliance_page(client)
    assert many == few
    assert "Private matters 17" in html  # the latest published
