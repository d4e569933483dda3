"""Every list page reads a fixed number of SQL queries, however many rows it shows
(issue 14, Performance)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pcplan.api import urls as api_urls
from pcplan.grants.models import Award, Fund
from pcplan.panel.models import (
    AgendaItem,
    Meeting,
    MinuteItem,
    MinuteQuestion,
    PanelMember,
    Recommendation,
)
from pcplan.partnerships.models import BodyPriority
from pcplan.performance.models import (
    Observation,
    PoliceMonthlyCrime,
    PoliceMonthlyOutcome,
    PoliceMonthlyStopSearch,
)
from pcplan.transparency.models import Decision
from tests.factories import (
    BodyFactory,
    DeliverableFactory,
    MembershipFactory,
    OrganisationFactory,
    ThemeFactory,
    UpdateFactory,
)

pytestmark = pytest.mark.django_db


def grow(public_record, theme, start, times):
    """Add `times` more of every kind of public record."""
    meeting = public_record
    for n in range(start, start + times):
        new_theme = ThemeFactory(plan=theme.plan)
        deliverable = DeliverableFactory(theme=new_theme, lead=OrganisationFactory())
        deliverable.partners.add(OrganisationFactory(), OrganisationFactory())
        UpdateFactory(deliverable=deliverable)
        UpdateFactory(deliverable=deliverable, date=dt.date(2023, 4, 1))
        Observation.objects.create(
            measure_id=Observation.objects.values_list("measure_id", flat=True).first(),
            granularity="month",
            period_start=dt.date(2020, 1 + n % 12, 1),
            value=n,
            area=f"A{n}",
        )
        PanelMember.objects.create(
            name=f"Member {n}", kind="councillor", start_date=dt.date(2022, 1, 1)
        )
        other = Meeting.objects.create(
            date=dt.date(2022, 1, 1 + n), status=Meeting.Status.HELD, minutes_published=True
        )
        item = AgendaItem.objects.create(meeting=other, number=1, title=f"Item {n}")
        item.deliverables.add(deliverable)
        minute = MinuteItem.objects.create(meeting=other, number=1000 + n, title=f"Minute {n}")
        MinuteQuestion.objects.create(minute=minute, number=1, text="Q")
        rec = Recommendation.objects.create(
            meeting=meeting, text=f"Rec {n}", made_on=meeting.date, response_due=meeting.date
        )
        rec.deliverables.add(deliverable)
        Award.objects.create(
            reference=f"award-{n}",
            fund=Fund.objects.first(),
            recipient=deliverable.lead,
            purpose="Grant",
            area=None,
            is_published=True,
        )
        Decision.objects.create(
            decided_on=dt.date(2023, 1, 1), title=f"Decision {n}", summary="S", is_published=True
        )
        body = BodyFactory(parent=BodyFactory(), meetings_public=n % 2 == 0)
        body.deliverables.add(deliverable)
        BodyPriority.objects.create(body=body, title=f"Priority {n}")
        MembershipFactory(body=body, organisation=deliverable.lead, role="chair")
        PoliceMonthlyCrime.objects.create(
            force="a-force", month=dt.date(2022, 1 + n % 12, 1), crime_type="Robbery", count=n
        )
        PoliceMonthlyOutcome.objects.create(
            force="a-force", month=dt.date(2022, 1 + n % 12, 1), outcome_type="Caution", count=n
        )
        PoliceMonthlyStopSearch.objects.create(
            force="a-force", month=dt.date(2022, 1 + n % 12, 1), object_of_search="Weapons", count=n
        )


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, {"page_size": 200}).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "basename", [basename for _p, _v, basename in api_urls.public_router.registry]
)
def test_a_list_page_reads_the_same_number_of_queries_for_more_rows(
    client, public_record, theme, basename
):
    url = reverse(f"api:{basename}-list")
    grow(public_record, theme, 0, 2)
    few = queries(client, url)
    grow(public_record, theme, 2, 8)
    many = queries(client, url)
    assert many == few
    assert few <= 8
