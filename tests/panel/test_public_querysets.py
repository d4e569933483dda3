"""The Panel's public rules, tested once: `Meeting.objects.public()` and its siblings are what
the Panel's public pages, the API, the feeds, Popolo and search read (issue 14)."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.panel.models import (
    AgendaItem,
    Meeting,
    MinuteItem,
    PanelMember,
    Precept,
    Recommendation,
)

pytestmark = pytest.mark.django_db


def meeting(status, *, minutes_published=False, day=15):
    return Meeting.objects.create(
        date=dt.date(2023, 3, day), status=status, minutes_published=minutes_published
    )


def test_every_scheduled_meeting_and_every_member_is_public():
    scheduled = meeting(Meeting.Status.SCHEDULED)
    PanelMember.objects.create(name="A Member", kind="councillor", start_date=dt.date(2022, 1, 1))
    assert list(Meeting.objects.public()) == [scheduled]
    assert PanelMember.objects.public().count() == 1


def test_agenda_items_are_public_once_the_agenda_is_and_exempt_papers_never():
    early = meeting(Meeting.Status.SCHEDULED, day=1)
    published = meeting(Meeting.Status.AGENDA_PUBLISHED, day=2)
    AgendaItem.objects.create(meeting=early, number=1, title="Not yet")
    listed = AgendaItem.objects.create(meeting=published, number=1, title="Open")
    exempt = AgendaItem.objects.create(meeting=published, number=2, title="Shut", is_exempt=True)
    assert set(AgendaItem.objects.public()) == {listed, exempt}
    assert list(AgendaItem.objects.with_public_papers()) == [listed]


def test_minutes_are_public_once_published_and_exempt_minutes_never():
    draft = meeting(Meeting.Status.HELD, day=1)
    published = meeting(Meeting.Status.MINUTES_APPROVED, minutes_published=True, day=2)
    MinuteItem.objects.create(meeting=draft, number=1, title="Draft")
    public = MinuteItem.objects.create(meeting=published, number=2, title="Public")
    MinuteItem.objects.create(meeting=published, number=3, title="Exempt", is_exempt=True)
    assert list(MinuteItem.objects.public()) == [public]
    assert list(published.minute_items.public()) == [public]


def test_recommendations_are_public_and_precepts_once_the_panel_reports():
    held = meeting(Meeting.Status.HELD)
    rec = Recommendation.objects.create(
        meeting=held, text="Do it", made_on=held.date, response_due=dt.date(2023, 5, 1)
    )
    Precept.objects.create(financial_year_start=2023, notified_on=dt.date(2023, 1, 20))
    reported = Precept.objects.create(
        financial_year_start=2024,
        notified_on=dt.date(2024, 1, 20),
        report_date=dt.date(2024, 2, 8),
    )
    assert list(Recommendation.objects.public()) == [rec]
    assert list(Precept.objects.public()) == [reported]
