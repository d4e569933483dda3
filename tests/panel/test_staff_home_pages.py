"""The Panel's staff home lists its meetings, members and substitutes a page at a time, each
under its own page number with the others' kept (issue 17)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from pcplan.panel.models import Meeting, PanelMember
from pcplan.panel.views.staff_meetings import HOME_PAGE_SIZE

pytestmark = pytest.mark.django_db

START = dt.date(2022, 7, 20)


def member_links(page: str) -> list[str]:
    return re.findall(r'href="/staff/panel/members/(\d+)/edit/"', page)


def meeting_links(page: str) -> list[str]:
    return re.findall(r'href="/staff/panel/meetings/(\d+)/"', page)


def test_every_member_substitute_and_meeting_is_found_a_page_at_a_time(client_for, secretariat):
    members = [
        PanelMember.objects.create(name=f"Councillor {n:03d}", kind="councillor", start_date=START)
        for n in range(HOME_PAGE_SIZE + 1)
    ]
    substitutes = [
        PanelMember.objects.create(name=f"Substitute {n:03d}", kind="substitute", start_date=START)
        for n in range(HOME_PAGE_SIZE + 2)
    ]
    meetings = [
        Meeting.objects.create(date=START + dt.timedelta(days=n), venue="Town Hall")
        for n in range(HOME_PAGE_SIZE + 3)
    ]
    client = client_for(secretariat)
    url = reverse("panel:staff-home")
    first = client.get(url).content.decode()
    assert len(member_links(first)) == 2 * HOME_PAGE_SIZE
    assert len(meeting_links(first)) == HOME_PAGE_SIZE
    assert 'href="?members-page=2"' in first and 'href="?substitutes-page=2"' in first
    second = client.get(
        url, {"page": "2", "members-page": "2", "substitutes-page": "2"}
    ).content.decode()
    assert len(member_links(second)) == 1 + 2
    assert len(meeting_links(second)) == 3
    assert 'href="?page=2&amp;substitutes-page=2&amp;members-page=1"' in second
    shown = set(member_links(first)) | set(member_links(second))
    assert shown == {str(m.pk) for m in members + substitutes}
    shown = set(meeting_links(first)) | set(meeting_links(second))
    assert shown == {str(m.pk) for m in meetings}
