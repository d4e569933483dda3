"""The Panel progress report's content (seed 002 agenda item 9, 15 March 2023)."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.delivery.rules import Status
from pcplan.reports.progress import (
    Heading,
    ReportError,
    build_progress_report,
    heading_for,
)
from tests.factories import DeliverableFactory, ThemeFactory, UpdateFactory

SINCE = dt.date(2022, 9, 14)
AS_OF = dt.date(2023, 3, 15)


def titles(entries):
    return [e.title for e in entries]


def test_a_deliverable_completed_and_added_in_the_same_period_is_reported_as_completed():
    """Seed 002 item 9 §4.5: "recently completed deliverables" and "new deliverables" are both
    relative to the previous report; completion is the news, so it wins."""
    assert heading_for(
        Status.COMPLETED, dt.date(2022, 10, 1), dt.date(2023, 1, 1), SINCE, AS_OF
    ) == (Heading.COMPLETED)


def test_a_deliverable_completed_before_the_previous_report_is_left_out():
    assert heading_for(Status.COMPLETED, dt.date(2021, 11, 29), SINCE, SINCE, AS_OF) is None


def test_a_deliverable_added_after_the_report_date_is_left_out():
    assert heading_for(Status.IN_PROGRESS, dt.date(2023, 3, 16), None, SINCE, AS_OF) is None


def test_a_deliverable_completed_after_the_report_date_is_still_current_on_it():
    heading = heading_for(
        Status.COMPLETED, dt.date(2021, 11, 29), dt.date(2023, 4, 1), SINCE, AS_OF
    )
    assert heading == Heading.CURRENT


def test_a_deliverable_added_on_the_report_date_is_new_and_one_added_on_the_previous_is_not():
    assert heading_for(Status.NOT_STARTED, AS_OF, None, SINCE, AS_OF) == Heading.NEW
    assert heading_for(Status.NOT_STARTED, SINCE, None, SINCE, AS_OF) == Heading.CURRENT


@pytest.mark.django_db
def test_the_report_lists_each_theme_under_section_5_with_its_three_headings(plan):
    theme = ThemeFactory(plan=plan, title="Crime Prevention", position=1)
    DeliverableFactory(
        theme=theme, title="Old and done", status=Status.COMPLETED, completed_on=dt.date(2022, 1, 1)
    )
    DeliverableFactory(
        theme=theme, title="Done lately", status=Status.COMPLETED, completed_on=dt.date(2023, 1, 10)
    )
    DeliverableFactory(theme=theme, title="Carrying on")
    DeliverableFactory(theme=theme, title="Fresh", added_on=dt.date(2022, 12, 1))
    DeliverableFactory(theme=theme, title="Not yet", added_on=dt.date(2023, 4, 1))
    DeliverableFactory(theme=theme, title="Draft", is_published=False)

    report = build_progress_report(plan, AS_OF, SINCE)

    [section] = report.themes
    assert section.number == "5.1"
    assert titles(section.completed) == ["Done lately"]
    assert titles(section.current) == ["Carrying on"]
    assert titles(section.new) == ["Fresh"]
    assert report.headings() == [
        "1. PURPOSE",
        "2. RECOMMENDATIONS",
        "3. TERMS OF REFERENCE",
        "4. BACKGROUND",
        f"5. {plan.title.upper()} THEMES",
        "6. MONITORING DELIVERY OF THE PLAN",
        "7. BACKGROUND DOCUMENTS",
    ]


@pytest.mark.django_db
def test_a_theme_with_no_deliverables_is_still_reported_with_its_aim_and_no_lists(plan):
    ThemeFactory(plan=plan, title="Ethical Policing", aim="We will act with integrity.")

    report = build_progress_report(plan, AS_OF, SINCE)

    [section] = report.themes
    assert section.aim == "We will act with integrity."
    assert section.lists() == []


@pytest.mark.django_db
def test_each_deliverable_shows_its_latest_published_update_up_to_the_report_date(theme):
    d = DeliverableFactory(theme=theme, title="Serious Violence Strategy")
    UpdateFactory(deliverable=d, date=dt.date(2022, 12, 1), text="Older.")
    UpdateFactory(deliverable=d, date=dt.date(2023, 3, 1), text="Latest on the day.")
    UpdateFactory(deliverable=d, date=dt.date(2023, 3, 10), text="Unpublished.", is_published=False)
    UpdateFactory(deliverable=d, date=dt.date(2023, 3, 16), text="After the report date.")

    report = build_progress_report(theme.plan, AS_OF, SINCE)

    [entry] = report.themes[0].current
    assert entry.update_text == "Latest on the day."
    assert entry.update_date == dt.date(2023, 3, 1)


@pytest.mark.django_db
def test_a_report_date_on_or_before_the_previous_report_is_refused(plan):
    with pytest.raises(ReportError, match="must be after the previous report date"):
        build_progress_report(plan, SINCE, AS_OF)


@pytest.mark.django_db
def test_the_default_words_are_those_of_seed_002_agenda_item_9(plan):
    report = build_progress_report(plan, AS_OF, SINCE)

    assert report.fields.panel_name == "Cambridgeshire Police and Crime Panel"
    assert report.fields.report_of == "Cambridgeshire Police and Crime Commissioner"
    assert report.fields.contact_officer == "Jack Hudson, Head of Business Development, OPCC"
    assert report.title == (
        "Delivery of the Police and Crime Commissioner’s Police and Crime Plan 2021-24 – "
        "Progress Report"
    )
    assert report.fields.recommendation == (
        "The Panel is recommended to note the contents of this report."
    )
    assert report.sections[2].paragraphs[0].text.startswith("Item 6 – to review or scrutinise")
    assert report.title.endswith("– Progress Report")


def make_plan_with(theme, n: int) -> None:
    for i in range(n):
        d = DeliverableFactory(theme=theme, title=f"Deliverable {i}")
        UpdateFactory(deliverable=d, date=dt.date(2023, 1, 1))


@pytest.mark.django_db
@pytest.mark.parametrize("n", [5, 500])
def test_the_number_of_queries_does_not_depend_on_the_number_of_deliverables(
    theme, django_assert_max_num_queries, n
):
    make_plan_with(theme, n)
    plan = theme.plan
    with django_assert_max_num_queries(5):
        report = build_progress_report(plan, AS_OF, SINCE)
    assert len(report.themes[0].current) == n
