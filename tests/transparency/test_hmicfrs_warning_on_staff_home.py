"""The 56-day HMICFRS warning on the staff home (issue 13 item 4; Police Act 1996 s.55(5A)):
how many comments are overdue and how many are due within the warning period, linked to the
inspections, counted by the database as the date rule counts them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pcplan.transparency.deadlines import CommentsStatus, hmicfrs_comments_status
from pcplan.transparency.models import Inspection

pytestmark = pytest.mark.django_db


def report(days_ago, *, answered=False, title="PEEL"):
    today = timezone.localdate()
    return Inspection.objects.create(
        title=title,
        kind=Inspection.Kind.THEMATIC,
        published_on=today - dt.timedelta(days=days_ago),
        comments_published_on=today if answered else None,
    )


@pytest.fixture
def reports():
    # Day 1 is the day of publication: the 56th day is 55 days after it.
    return {
        "overdue": report(56),
        "last-day": report(55),
        "warned": report(41),
        "not-yet": report(40),
        "answered": report(70, answered=True),
        "embargoed": report(-3),
    }


def test_the_database_counts_agree_with_the_date_rule_for_every_day():
    today = timezone.localdate()
    for days_ago in range(-5, 80):
        Inspection.objects.all().delete()
        inspection = report(days_ago)
        status = hmicfrs_comments_status(inspection.published_on, None, today)
        assert Inspection.objects.comments_overdue(today).exists() == (
            status == CommentsStatus.OVERDUE
        ), days_ago
        assert Inspection.objects.comments_due_soon(today).exists() == (
            status == CommentsStatus.DUE_SOON
        ), days_ago
        assert Inspection.objects.comments_warning_counts(today) == (
            int(status == CommentsStatus.OVERDUE),
            int(status == CommentsStatus.DUE_SOON),
        ), days_ago


def test_an_editors_home_warns_of_overdue_and_due_comments_with_a_link(client_for, editor, reports):
    response = client_for(editor).get(reverse("core:staff-home"))
    html = response.content.decode()
    assert "1 set of comments on an HMICFRS report is overdue." in html
    assert "2 more are due within 14 days." in html
    assert reverse("transparency:staff-inspections") in html


def test_no_warning_when_nothing_is_due(client_for, editor):
    report(10)
    report(100, answered=True)
    html = client_for(editor).get(reverse("core:staff-home")).content.decode()
    assert 'id="hmicfrs-comments"' not in html


def test_a_contributor_sees_no_warning(client_for, contributor, reports):
    html = client_for(contributor).get(reverse("core:staff-home")).content.decode()
    assert 'id="hmicfrs-comments"' not in html


def test_the_home_page_asks_the_same_number_of_queries_at_one_and_at_twenty_reports(
    client_for, editor, built_staff_bodies
):
    client = client_for(editor)
    report(50)
    client.get(reverse("core:staff-home"))  # the session's renewal, once a minute, is not counted
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("core:staff-home"))
    for n in range(19):
        report(45 + n % 20)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("core:staff-home"))
    assert len(many) == len(few)
