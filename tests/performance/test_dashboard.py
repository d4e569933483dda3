"""The performance dashboard: charts with their tables, baselines, judgements, areas, CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pcplan.core import pagecache
from pcplan.core.models import Force, Office
from pcplan.performance.importer import import_police_data
from pcplan.performance.models import Measure, Observation, PoliceMonthlyCrime
from pcplan.performance.rules import add_months
from tests.performance.conftest import FIXTURES

PUBLIC = "/performance/"
STAFF = "/staff/performance/"


def load_months(n: int, *, force: str = "cambridgeshire") -> None:
    """n months of street-level aggregates in two districts, 10 burglaries a month each."""
    rows = []
    for i in range(n):
        month = add_months(dt.date(2023, 1, 1), i)
        for lsoa, name, district in [
            ("E01017972", "Cambridge 007A", "Cambridge"),
            ("E01015647", "Peterborough 021F", "Peterborough"),
        ]:
            for crime_type, count in [("Burglary", 10), ("Anti-social behaviour", 4)]:
                rows.append(
                    PoliceMonthlyCrime(
                        force=force,
                        month=month,
                        lsoa_code=lsoa,
                        lsoa_name=name,
                        district=district,
                        crime_type=crime_type,
                        last_outcome_category="" if crime_type.startswith("Anti") else "Court",
                        count=count,
                    )
                )
    PoliceMonthlyCrime.objects.bulk_create(rows)


@pytest.fixture
def neighbourhood_crime(national_measures):
    measure = Measure.objects.get(key="reduce-neighbourhood-crime")
    measure.baseline_value = Decimal("300")
    measure.save()
    return measure


@pytest.fixture
def draft_measure(db):
    return Measure.objects.create(
        key="officer-numbers",
        name="Police officer numbers",
        unit="officers",
        direction=Measure.Direction.HIGHER_IS_BETTER,
        is_summed=False,
        baseline_value=Decimal("1500"),
    )


@pytest.mark.django_db
def test_the_public_dashboard_shows_the_national_measures_with_trend_line_and_table(
    client, neighbourhood_crime
):
    load_months(14)
    response = client.get(PUBLIC)
    assert response.status_code == 200
    html = response.content.decode()
    for measure in Measure.objects.filter(is_national=True):
        assert measure.name.replace(",", "") in html.replace(",", "")
    # A trend line, drawn as SVG from figures computed beforehand; no image is rendered.
    assert "<polyline points=" in html
    assert 'aria-label="Trend from' in html
    assert "data:image/png" not in html
    # 20 burglaries a month: the 12-month total is 240 against a baseline of 300: -20%.
    assert "12 months to February 2024" in html
    assert "-20.0%" in html
    assert "Better than baseline" in html
    # The figures per month are on the measure's own page, with the same trend as a table.
    detail = client.get(f"/performance/measures/{neighbourhood_crime.key}/")
    assert detail.status_code == 200
    detail_html = detail.content.decode()
    assert "<caption" in detail_html and "February 2024</th>" in detail_html
    assert "Red dashed line: the baseline." in detail_html


@pytest.mark.django_db
def test_the_public_dashboard_never_shows_an_unpublished_local_measure(
    client, draft_measure, national_measures
):
    Observation.objects.create(
        measure=draft_measure, granularity="year", period_start=dt.date(2023, 4, 1), value=1600
    )
    html = client.get(PUBLIC).content.decode()
    assert "Police officer numbers" not in html
    assert client.get(f"/performance/{draft_measure.key}.csv").status_code == 404


@pytest.mark.django_db
def test_staff_see_unpublished_measures_marked_as_such(client_for, editor, draft_measure):
    Observation.objects.create(
        measure=draft_measure, granularity="year", period_start=dt.date(2023, 4, 1), value=1530
    )
    html = client_for(editor).get(STAFF).content.decode()
    assert "Police officer numbers" in html
    assert "Not published" in html
    # 1530 against 1500 is +2.0%: inside the no-change band.
    assert "2.0%" in html
    assert "No significant change" in html


@pytest.mark.django_db
def test_the_staff_dashboard_needs_a_sign_in(client):
    response = client.get(STAFF)
    assert response.status_code == 302


@pytest.mark.django_db
def test_filtering_by_csp_area_counts_only_that_districts_crimes(client, neighbourhood_crime):
    load_months(12)
    response = client.get(PUBLIC, {"area": "Cambridge"})
    html = response.content.decode()
    assert "Performance: Cambridge" in html
    # The force-wide baseline does not apply to one area and the baseline months are not loaded.
    series = response.context["dashboard"].series
    crime = next(s for s in series if s.measure.key == neighbourhood_crime.key)
    assert crime.current == Decimal(120)  # 10 a month in Cambridge
    assert crime.baseline is None
    assert "Not known" in html


@pytest.mark.django_db
def test_the_csv_download_has_the_same_numbers_as_the_table(client, neighbourhood_crime):
    load_months(13)
    response = client.get(f"/performance/{neighbourhood_crime.key}.csv", {"area": "Peterborough"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "Measure",
        "Area",
        "Period",
        "Period start",
        "Value",
        "12-month total",
        "Baseline",
    ]
    assert len(rows) == 1 + 13
    assert rows[1][1:6] == ["Peterborough", "January 2023", "2023-01-01", "10", ""]
    assert rows[12][5] == "120"
    assert rows[13][5] == "120"


@pytest.mark.django_db
def test_the_dashboard_shows_crime_types_and_outcomes_from_imported_files(client):
    import_police_data([FIXTURES])
    html = client.get(PUBLIC, {"force": "testshire"}).content.decode()
    assert "Crimes and anti-social behaviour by type" in html
    assert "Investigation complete; no suspect identified" in html
    assert "No outcome recorded (anti-social behaviour)" in html


@pytest.mark.django_db
def test_warming_the_figures_after_an_import_reads_the_data_version_once(client):
    """Nothing changes while the public figures are built after an import: one version read
    (four history tables), not one for each set of figures (issue 16)."""
    from pcplan.performance import figures

    import_police_data([FIXTURES])
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        figures.warm()
    reads = [q["sql"] for q in queries.captured_queries if "history_date" in q["sql"]]
    assert len(reads) == 4
    html = client.get(PUBLIC, {"force": "testshire"}).content.decode()
    assert "Crimes and anti-social behaviour by type" in html


@pytest.mark.django_db
def test_warming_a_forces_figures_reads_its_street_level_crimes_once(client):
    """The dashboard and the trends sum the same rows: one grouped read of them for both
    (four before: 0.27 s of a force's 0.42 s after a national import, issue 16)."""
    from pcplan.performance import figures

    import_police_data([FIXTURES])
    shown = client.get(PUBLIC, {"force": "testshire"}).content.decode()
    trends_shown = client.get("/performance/trends/", {"force": "testshire"}).content
    cache.clear()
    pagecache._recent.clear()
    with CaptureQueriesContext(connection) as queries:
        figures.warm()
    table = PoliceMonthlyCrime._meta.db_table
    reads = [q for q in queries.captured_queries if table in q["sql"] and "'testshire'" in q["sql"]]
    assert len(reads) == 1
    assert client.get(PUBLIC, {"force": "testshire"}).content.decode() == shown
    assert client.get("/performance/trends/", {"force": "testshire"}).content == trends_shown


@pytest.mark.django_db
def test_the_dashboard_query_count_does_not_depend_on_the_months_loaded(
    client, client_for, editor, neighbourhood_crime, draft_measure, django_assert_max_num_queries
):
    def count_queries(url: str, c) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert c.get(url, {"area": "Cambridge"}).status_code == 200
        return len(queries)

    # Aggregates written straight to the table change no data version: the caches are cleared
    # by hand so that each count measures building the figures, not reading them back.
    def forget_pages() -> None:
        cache.clear()
        pagecache._recent.clear()  # the pages this process kept, in front of the cache

    load_months(2)
    few_public = count_queries(PUBLIC, client)
    PoliceMonthlyCrime.objects.all().delete()
    load_months(36)
    forget_pages()
    with django_assert_max_num_queries(few_public):
        client.get(PUBLIC, {"area": "Cambridge"})
    forget_pages()
    assert count_queries(PUBLIC, client) == few_public
    staff = client_for(editor)
    staff.get(STAFF)  # the session's renewal, once a minute, is not what is counted
    many_staff = count_queries(STAFF, staff)
    PoliceMonthlyCrime.objects.all().delete()
    load_months(1)
    forget_pages()
    assert count_queries(STAFF, staff) == many_staff


@pytest.mark.django_db
def test_measures_appear_beside_the_themes_and_deliverables_they_evidence(
    client,
    client_for,
    editor,
    plan,
    theme,
    constabulary_deliverable,
    draft_measure,
    national_measures,
):
    from pcplan.plans.lifecycle import PlanStatus

    plan.status = PlanStatus.ISSUED
    plan.save()
    constabulary_deliverable.is_published = True
    constabulary_deliverable.save()
    national = Measure.objects.get(key="reduce-neighbourhood-crime")
    national.themes.add(theme)
    national.deliverables.add(constabulary_deliverable)
    draft_measure.deliverables.add(constabulary_deliverable)

    theme_html = client.get(f"/plans/{plan.key}/themes/{theme.key}/").content.decode()
    assert "How this is measured" in theme_html
    assert "Reduce neighbourhood crime" in theme_html
    public_html = client.get(
        f"/plans/{plan.key}/deliverables/{constabulary_deliverable.pk}/"
    ).content.decode()
    assert "Reduce neighbourhood crime" in public_html
    assert "Police officer numbers" not in public_html
    staff_html = (
        client_for(editor)
        .get(reverse("delivery:deliverable-detail", args=[constabulary_deliverable.pk]))
        .content.decode()
    )
    assert "Police officer numbers" in staff_html
    assert "Reduce neighbourhood crime" in staff_html


@pytest.mark.django_db
def test_after_an_import_the_profiles_forces_or_the_one_the_page_opens_on_are_built(office, client):
    """The profile names its forces: another force's figures are never shown, so not built
    (a national archive holds all 43). Before the profile names any, the page opens on the
    first force loaded: that one is built, and any other a visitor chooses on its first
    request, kept until the next change (issue 16: "computed at import time, or cached until
    the next import")."""
    from pcplan.performance import figures

    for force in ("testshire", "elsewhere"):
        PoliceMonthlyCrime.objects.create(
            force=force, month=dt.date(2024, 1, 1), crime_type="Burglary", count=3
        )

    def forces_read() -> set[str]:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            figures.warm()
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        return {force for force in ("testshire", "elsewhere") if f"'{force}'" in sql}

    Force.objects.all().delete()
    assert forces_read() == {"elsewhere"}
    assert "Burglary" in client.get(PUBLIC, {"force": "testshire"}).content.decode()
    Force.objects.create(office=Office.objects.get(), police_uk_id="testshire", name="Testshire")
    assert forces_read() == {"testshire"}
