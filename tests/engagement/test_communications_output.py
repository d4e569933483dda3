"""The Panel report's output figures are counted from records, never typed (seed 002 item 6
§5.4)."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.engagement.models import CommsOutput, Event
from pcplan.engagement.summary import output_figures

pytestmark = pytest.mark.django_db


def test_output_is_counted_by_kind_channel_and_theme_within_the_period(theme):
    CommsOutput.objects.create(
        date=dt.date(2022, 3, 1), kind=CommsOutput.Kind.PRESS_RELEASE, title="A", theme=theme
    )
    for n in range(3):
        CommsOutput.objects.create(
            date=dt.date(2022, 6, 1),
            kind=CommsOutput.Kind.SOCIAL_POST,
            channel="Facebook",
            title=f"P{n}",
        )
    CommsOutput.objects.create(
        date=dt.date(2023, 3, 1), kind=CommsOutput.Kind.PRESS_RELEASE, title="Outside"
    )
    Event.objects.create(
        title="Round table", kind=Event.Kind.ROUND_TABLE, date=dt.date(2022, 11, 1)
    )
    Event.objects.create(
        title="District Day",
        kind=Event.Kind.DISTRICT_DAY,
        date=dt.date(2023, 1, 17),
        place="Fenland",
    )
    figures = output_figures(dt.date(2022, 3, 1), dt.date(2023, 2, 28))
    assert figures.by_kind == [("Press release", 1), ("Social media post", 3)]
    assert ("Facebook", 3) in figures.by_channel
    assert ("Crime Prevention", 1) in figures.by_theme
    assert (figures.events, figures.district_days) == (1, 1)
    assert figures.district_day_places == ["Fenland"]


def test_the_output_page_shows_the_figures_for_the_chosen_period(client_for, editor):
    CommsOutput.objects.create(
        date=dt.date(2022, 4, 1), kind=CommsOutput.Kind.STATEMENT, title="Statement"
    )
    response = client_for(editor).get(
        "/staff/engagement/output/",
        {
            "start_day": "1",
            "start_month": "3",
            "start_year": "2022",
            "end_day": "28",
            "end_month": "2",
            "end_year": "2023",
        },
    )
    assert response.status_code == 200
    assert "1 × Response or statement" in response.content.decode()
