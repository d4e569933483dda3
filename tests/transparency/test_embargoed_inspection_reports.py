"""An HMICFRS report shared with the office before its publication date (under embargo) is on
the staff pages only: never on the specified-information page, the public calendar feed or an
annual report, until the day HMICFRS publishes it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pcplan.transparency.annual_report import build_content
from pcplan.transparency.models import Inspection

pytestmark = pytest.mark.django_db


@pytest.fixture
def embargoed():
    return Inspection.objects.create(
        title="EMBARGOED PEEL report",
        kind=Inspection.Kind.PEEL,
        published_on=timezone.localdate() + dt.timedelta(days=3),
    )


def test_the_public_pages_and_feed_do_not_show_it(client, embargoed):
    for url in [
        reverse("transparency:specified-information"),
        reverse("transparency:calendar-ics"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"EMBARGOED" not in response.content, url


def test_the_annual_report_does_not_include_it(embargoed):
    content = build_content(embargoed.published_on.year - 1)
    content_next = build_content(embargoed.published_on.year)
    for c in (content, content_next):
        assert not any("EMBARGOED" in i for s in c.sections for i in s.items)


def test_the_staff_see_it_and_its_comments_due_date(client_for, editor, embargoed):
    html = client_for(editor).get(reverse("transparency:staff-calendar")).content.decode()
    assert "EMBARGOED PEEL report" in html
    page = client_for(editor).get(reverse("transparency:staff-inspections")).content.decode()
    assert "EMBARGOED PEEL report" in page


def test_it_shows_publicly_from_its_publication_day(client, embargoed):
    embargoed.published_on = timezone.localdate()
    embargoed.save()
    html = client.get(reverse("transparency:specified-information")).content.decode()
    assert "EMBARGOED PEEL report" in html
