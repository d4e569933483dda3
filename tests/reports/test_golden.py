"""Golden test: the demo report of 15 March 2023 is seed 002 agenda item 9, section 5."""

from __future__ import annotations

import pytest

from pcplan.reports.progress import build_progress_report
from tests.demo.test_demo import EXPECTED
from tests.reports.conftest import PREVIOUS_REPORT, THIS_REPORT


@pytest.mark.django_db
def test_the_demo_report_lists_the_deliverables_of_seed_002_item_9_under_each_heading(
    demo_plan,
):
    report = build_progress_report(demo_plan, THIS_REPORT, PREVIOUS_REPORT)

    assert [t.title for t in report.themes] == list(EXPECTED)
    for theme in report.themes:
        for heading, expected in EXPECTED[theme.title].items():
            got = [e.title for e in getattr(theme, heading)]
            assert len(got) == len(expected), f"{theme.title}: {heading}: {got}"
            for title, wanted in zip(got, expected, strict=True):
                # The DA/SV strategy's title runs on in plain text in the seed.
                assert title.startswith(wanted), f"{theme.title}: {heading}: {title}"


@pytest.mark.django_db
def test_every_deliverable_of_the_demo_report_has_its_update_from_the_seed(demo_plan):
    report = build_progress_report(demo_plan, THIS_REPORT, PREVIOUS_REPORT)

    entries = [e for t in report.themes for e in t.entries]
    assert all(e.update_text for e in entries)
    hourglass = next(e for e in entries if e.title == "Support for Hourglass")
    assert "Twelve of the 16 tasks completed" in hourglass.update_text
