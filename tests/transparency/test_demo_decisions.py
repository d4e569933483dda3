"""The demo's decisions come from the data file (issue 13 item 8), once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured

from pcplan.transparency.demo import load_inspections, load_transparency_demo
from pcplan.transparency.models import Decision, Inspection

pytestmark = pytest.mark.django_db


def test_the_demo_records_the_boards_approval_of_the_draft_plan_on_12_october_2021():
    load_transparency_demo()
    decision = Decision.objects.get(decided_on=dt.date(2021, 10, 12))
    assert decision.title == "Approval of the draft Police and Crime Plan"
    assert decision.decision_maker == "Business Coordination Board"
    assert decision.is_published and decision.published_at is not None
    assert decision.financial_implications == "Not stated in the source report."
    assert decision.history.first().history_change_reason == "Published"


def test_loading_the_demo_twice_adds_nothing():
    load_transparency_demo()
    count = Decision.objects.count()
    assert count == 2
    assert load_transparency_demo() == []
    assert Decision.objects.count() == count


def test_the_demo_invents_no_inspection_the_seeds_do_not_name():
    load_transparency_demo()
    assert not Inspection.objects.exists()


def test_an_inspections_file_loads_once_with_its_graded_areas(tmp_path):
    path = tmp_path / "inspections.yaml"
    path.write_text(
        "inspections:\n"
        "- title: PEEL 2021/22\n"
        "  kind: peel\n"
        "  published_on: '2022-06-01'\n"
        "  graded_areas:\n"
        "  - {area: Preventing crime, grade: good}\n"
    )
    assert len(load_inspections(path)) == 1
    assert load_inspections(path) == []
    inspection = Inspection.objects.get()
    assert inspection.graded_areas.get().grade == "good"
    assert inspection.comments_due == dt.date(2022, 7, 26)


def test_a_bad_inspections_file_is_refused_with_its_line(tmp_path):
    path = tmp_path / "inspections.yaml"
    path.write_text("inspections: [\n")
    with pytest.raises(ImproperlyConfigured, match="inspections.yaml:"):
        load_inspections(path)
    assert not Inspection.objects.exists()
