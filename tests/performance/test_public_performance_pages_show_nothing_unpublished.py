"""The public performance pages, each measure's page, its CSV, stop and search and trends show
no unpublished measure or its figures, even after staff have viewed (and cached) them; the
import builds the public figures so that the first visitor does not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pcplan.performance.importer import import_police_data
from pcplan.performance.models import Measure, Observation, PublishedFigure

PUBLIC_PAGES = ["/performance/", "/performance/stop-and-search/", "/performance/trends/"]


@pytest.fixture
def draft(db):
    measure = Measure.objects.create(
        key="secret-draft",
        name="SECRET draft measure",
        unit="things",
        direction=Measure.Direction.HIGHER_IS_BETTER,
        is_summed=False,
    )
    Observation.objects.create(
        measure=measure, granularity="year", period_start=dt.date(2023, 4, 1), value=1
    )
    PublishedFigure.objects.create(
        measure=measure,
        period_label="Year ending June 2019",
        period_start=dt.date(2018, 7, 1),
        period_end=dt.date(2019, 6, 30),
        value=Decimal(5),
        source="SECRET source",
        source_date=dt.date(2019, 10, 1),
        is_baseline=True,
    )
    return measure


@pytest.mark.django_db
def test_no_public_page_shows_an_unpublished_measure_even_after_staff_saw_it(
    client, client_for, editor, draft, police_files, national_measures
):
    import_police_data([police_files])
    staff = client_for(editor)
    assert "SECRET draft measure" in staff.get("/staff/performance/").content.decode()
    staff.logout()
    for url in PUBLIC_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "SECRET" not in response.content.decode(), url
    assert client.get(f"/performance/measures/{draft.key}/").status_code == 404
    assert client.get(f"/performance/{draft.key}.csv").status_code == 404


@pytest.mark.django_db
def test_the_import_builds_the_public_figures_before_anyone_asks(
    client, police_files, national_measures, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        import_police_data([police_files])
    with CaptureQueriesContext(connection) as served:
        response = client.get("/performance/")
    assert response.status_code == 200
    # Only the office profile, the version stamp and the session: no aggregate is read.
    assert not any("performance_policemonthlycrime" in q["sql"] for q in served.captured_queries)
