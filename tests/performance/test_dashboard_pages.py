"""The dashboard lists its measures a page at a time, the chosen area kept in the page links:
the staff dashboard shows each measure in full, so its size grew with every measure (issue 17)."""

from __future__ import annotations

import re

import pytest

from pcplan.performance.models import Measure
from pcplan.performance.views import MEASURES_PAGE_SIZE

pytestmark = pytest.mark.django_db

STAFF = "/staff/performance/"


def sections(page: str) -> list[str]:
    """The measures shown in full on the staff dashboard."""
    return re.findall(r'<section [^>]*id="measure-([\w-]+)"', page)


def summary_rows(page: str) -> list[str]:
    return re.findall(r'id="summary-([\w-]+)"', page)


def test_every_measure_is_found_a_page_at_a_time_with_the_filter_kept(client_for, editor):
    for n in range(MEASURES_PAGE_SIZE + 2):
        Measure.objects.create(
            key=f"measure-{n:02d}",
            name=f"Measure {n:02d}",
            unit="crimes",
            direction=Measure.Direction.HIGHER_IS_BETTER,
            position=n,
        )
    rest = Measure.objects.count() - MEASURES_PAGE_SIZE  # the national measures are there too
    assert 2 <= rest <= MEASURES_PAGE_SIZE
    client = client_for(editor)
    first = client.get(STAFF).content.decode()
    assert len(sections(first)) == MEASURES_PAGE_SIZE
    assert len(summary_rows(first)) == MEASURES_PAGE_SIZE
    assert 'href="?page=2"' in first
    second = client.get(STAFF, {"area": "", "page": "2"}).content.decode()
    assert len(sections(second)) == rest and len(summary_rows(second)) == rest
    assert 'href="?area=&amp;page=1"' in second
    shown = set(sections(first)) | set(sections(second))
    assert shown == set(Measure.objects.values_list("key", flat=True))
