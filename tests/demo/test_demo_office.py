"""The demo's office profile: the seeds' office, loaded from its data file like `pcplan setup`."""

from __future__ import annotations

import pytest

from pcplan.core.models import CommunitySafetyPartnership, Force, Office
from pcplan.core.office import csp_areas, current_office
from pcplan.demo.loader import OFFICE_FILE, demo_files
from tests.demo_snapshot import load_demo_database


@pytest.fixture
def demo(db):
    load_demo_database()


def test_the_office_file_is_not_read_as_a_plan():
    assert OFFICE_FILE.is_file()
    assert OFFICE_FILE not in demo_files()


@pytest.mark.django_db
def test_the_demo_office_is_the_seeds_commissioner_panel_force_and_board(demo):
    office = current_office()
    assert office.kind == Office.Kind.PCC
    assert office.holder == "Police and Crime Commissioner"
    assert office.holder_short == "Commissioner"
    assert office.panel_name == "Cambridgeshire Police and Crime Panel"
    assert office.board_name == "Business Coordination Board"
    assert office.contact_officer == "Jack Hudson, Head of Business Development, OPCC"
    assert office.contact_details == "cambs-pcc@cambs.police.uk 0300 333 3456"
    assert list(Force.objects.values_list("police_uk_id", flat=True)) == ["cambridgeshire"]


@pytest.mark.django_db
def test_the_six_csps_each_cover_their_district_and_are_the_plans_organisations(demo):
    assert csp_areas() == {
        "Cambridge City Community Safety Partnership": ["Cambridge"],
        "East Cambridgeshire Community Safety Partnership": ["East Cambridgeshire"],
        "Fenland Community Safety Partnership": ["Fenland"],
        "Huntingdonshire Community Safety Partnership": ["Huntingdonshire"],
        "Safer Peterborough Partnership": ["Peterborough"],
        "South Cambridgeshire Community Safety Partnership": ["South Cambridgeshire"],
    }
    for csp in CommunitySafetyPartnership.objects.select_related("organisation"):
        assert csp.organisation is not None
        assert csp.organisation.name == csp.name
