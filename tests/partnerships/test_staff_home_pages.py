"""The partnerships staff home lists its bodies a page at a time, and each CSP's last scrutiny
as one date, however many bodies and scrutinies there are (issue 17)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pcplan.partnerships.models import Body, BodyKind, Scrutiny
from pcplan.partnerships.views import BODIES_PAGE_SIZE
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


def body_links(page: str) -> list[str]:
    return re.findall(r'href="/staff/partnerships/bodies/([\w-]+)/"', page)


def test_every_body_is_found_a_page_at_a_time_with_the_other_lists_pages_kept(client_for, editor):
    BodyFactory.create_batch(BODIES_PAGE_SIZE + 3)
    client = client_for(editor)
    url = reverse("partnerships:staff-home")
    first = client.get(url).content.decode()
    assert len(body_links(first)) == BODIES_PAGE_SIZE
    assert 'href="?bodies-page=2"' in first
    second = client.get(url, {"csps-page": "1", "bodies-page": "2"}).content.decode()
    assert len(body_links(second)) == 3
    assert 'href="?csps-page=1&amp;bodies-page=1"' in second
    shown = set(body_links(first)) | set(body_links(second))
    assert shown == set(Body.objects.values_list("key", flat=True))


def test_each_csp_shows_its_latest_scrutiny_without_reading_every_scrutiny(
    client_for, editor, built_staff_bodies
):
    csps = BodyFactory.create_batch(3, kind=BodyKind.CSP)
    for n, csp in enumerate(csps):
        for years_ago in range(5):
            Scrutiny.objects.create(
                body=csp, committee="Overview", held_on=dt.date(2025 - years_ago, 3, 1 + n)
            )
    client = client_for(editor)
    url = reverse("partnerships:staff-home")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).content.decode()
    for n in range(3):
        assert f"{1 + n} March 2025" in page
        assert f"{1 + n} March 2024" not in page
    # The latest date of each CSP's scrutinies, not every scrutiny read as a row.
    scrutiny_reads = [q["sql"] for q in queries if "partnerships_scrutiny" in q["sql"]]
    assert any("MAX(" in sql.upper() for sql in scrutiny_reads)
    assert not any('"partnerships_scrutiny"."committee"' in sql for sql in scrutiny_reads)
