"""Fixtures for the reports: the demo plan as seed 002 agenda item 9 reports it."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.plans.models import Plan
from tests.demo_snapshot import load_demo_database

PREVIOUS_REPORT = dt.date(2022, 9, 14)  # the Panel meeting of seed 004
THIS_REPORT = dt.date(2023, 3, 15)  # seed 002, agenda item 9


@pytest.fixture
def demo_plan(db) -> Plan:
    load_demo_database()
    return Plan.objects.get(key="cambs-2021-24")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Generated files go to a temporary MEDIA_ROOT, never the working directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def office(db):
    """The office profile whose names and contact the report defaults print (the demo, where
    a test loads it, replaces it with its own)."""
    from tests.offices.profiles import seeds_office

    return seeds_office()
