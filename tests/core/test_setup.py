"""`pcplan setup PROFILE.yaml`: the office profile, atomic and idempotent.

The format is docs/profile-format.md."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pcplan.core.models import CommunitySafetyPartnership, District, Force, Office, Organisation
from pcplan.core.office import csp_areas, current_office, force_choices
from pcplan.core.profile import setup_from_text
from pcplan.plans.importer import ImportRefused
from tests.factories import OrganisationFactory

GOOD = textwrap.dedent(
    """\
    format: pcplan-office/1
    kind: mayor
    name: Mayor of Testshire
    holder_title: Deputy Mayor for Policing and Crime
    holder_short_title: Deputy Mayor
    office_name: Mayor's Office for Policing and Crime
    office_abbreviation: MOPC
    police_area: Testshire
    board_name: Policing Board
    contact_officer: Head of Policy, MOPC
    contact_details: policy@testshire.example 01234 567890
    forces:
      - id: testshire
        name: Testshire Police
    panel:
      name: Testshire Police and Crime Panel
      host_authority: Testshire Council
      contact: Democratic Services, Testshire Council
    csps:
      - name: North Testshire Community Safety Partnership
        organisation: north-csp
        districts: [Northtown, Upper Vale]
      - name: South Testshire Community Safety Partnership
        districts: [Southport]
    """
)


def refused(text: str) -> list[str]:
    with pytest.raises(ImportRefused) as error:
        setup_from_text(text, "office.yaml")
    return [str(p) for p in error.value.problems]


def history_rows() -> int:
    return sum(
        model.history.count() for model in (Office, Force, CommunitySafetyPartnership, District)
    )


@pytest.fixture
def north_csp(db):
    return OrganisationFactory(key="north-csp", name="North Testshire CSP")


@pytest.mark.django_db
def test_a_profile_file_sets_up_the_office_its_force_and_its_areas(north_csp):
    result = setup_from_text(GOOD, "office.yaml")

    assert result.changed
    office = current_office()
    assert office.kind == Office.Kind.MAYOR
    assert office.holder == "Deputy Mayor for Policing and Crime"
    assert office.panel_name == "Testshire Police and Crime Panel"
    assert office.panel_host_authority == "Testshire Council"
    assert force_choices() == [("testshire", "Testshire Police")]
    assert csp_areas() == {
        "North Testshire Community Safety Partnership": ["Northtown", "Upper Vale"],
        "South Testshire Community Safety Partnership": ["Southport"],
    }
    north = CommunitySafetyPartnership.objects.get(name__startswith="North")
    assert north.organisation == north_csp


@pytest.mark.django_db
def test_setting_up_the_same_profile_twice_changes_nothing_and_adds_no_history(north_csp):
    setup_from_text(GOOD, "office.yaml")
    before = history_rows()

    result = setup_from_text(GOOD, "office.yaml")

    assert not result.changed
    assert history_rows() == before


@pytest.mark.django_db
def test_the_file_is_the_whole_profile_so_what_it_leaves_out_is_removed(north_csp):
    setup_from_text(GOOD, "office.yaml")
    smaller = GOOD.replace("Upper Vale", "Southvale").replace(
        "  - name: South Testshire Community Safety Partnership\n    districts: [Southport]\n",
        "",
    )

    setup_from_text(smaller, "office.yaml")

    assert csp_areas() == {
        "North Testshire Community Safety Partnership": ["Northtown", "Southvale"]
    }
    assert not District.objects.filter(name__in=["Upper Vale", "Southport"]).exists()
    deleted = District.history.filter(history_type="-").values_list("name", flat=True)
    assert sorted(deleted) == ["Southport", "Upper Vale"]


@pytest.mark.django_db
def test_a_district_can_move_to_another_partnership(north_csp):
    setup_from_text(GOOD, "office.yaml")
    moved = GOOD.replace("[Northtown, Upper Vale]", "[Northtown]").replace(
        "[Southport]", "[Southport, Upper Vale]"
    )

    setup_from_text(moved, "office.yaml")

    assert District.objects.get(name="Upper Vale").csp.name.startswith("South")


@pytest.mark.django_db
def test_every_change_is_in_the_history_with_its_reason(north_csp):
    setup_from_text(GOOD, "office.yaml")
    setup_from_text(GOOD.replace("Policing Board", "Policing and Crime Board"), "office.yaml")

    latest = Office.history.first()
    assert latest is not None
    assert latest.board_name == "Policing and Crime Board"
    assert latest.history_change_reason == "Set up from a profile file"


@pytest.mark.django_db
def test_the_command_reports_what_it_set_up_and_then_that_it_is_up_to_date(
    north_csp, tmp_path: Path, capsys
):
    path = tmp_path / "office.yaml"
    path.write_text(GOOD, encoding="utf-8")

    call_command("setup", str(path))
    call_command("setup", str(path))

    out = capsys.readouterr().out
    assert f"{path}: office profile set up" in out
    assert f"{path}: office profile already up to date" in out


@pytest.mark.django_db
def test_the_command_refuses_a_bad_file_and_changes_nothing(north_csp, tmp_path: Path):
    setup_from_text(GOOD, "office.yaml")
    before = history_rows()
    path = tmp_path / "office.yaml"
    path.write_text(GOOD.replace("kind: mayor", "kind: sheriff"), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        call_command("setup", str(path))

    assert f"{path}:2: kind: 'sheriff' is not allowed" in str(error.value)
    assert "nothing was changed" in str(error.value)
    assert history_rows() == before
    assert current_office().kind == Office.Kind.MAYOR


@pytest.mark.django_db
def test_a_missing_file_is_refused():
    assert refused_file(Path("/nonexistent/office.yaml")) == [
        "/nonexistent/office.yaml: no such file"
    ]


def refused_file(path: Path) -> list[str]:
    from pcplan.core.profile import setup_from_file

    with pytest.raises(ImportRefused) as error:
        setup_from_file(path)
    return [str(p) for p in error.value.problems]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("office_abbreviation: MOPC", "office_abbreviation: MOPC\nmotto: Safe streets"),
            "office.yaml:8: motto: unknown field; expected one of:",
        ),
        (
            ("police_area: Testshire", "police_area: Testshire\nname: Another name"),
            "office.yaml:9: name: this key appears twice; give it once",
        ),
        (("name: Mayor of Testshire\n", ""), "office.yaml:1: the required field 'name' is missing"),
        (
            ("kind: mayor", "kind: sheriff"),
            "office.yaml:2: kind: 'sheriff' is not allowed: "
            "expected one of pcc, pfcc, mayor, board",
        ),
        (
            ("office_abbreviation: MOPC", "office_abbreviation: " + "M" * 21),
            "office.yaml:7: office_abbreviation: is 21 characters long; at most 20 are allowed",
        ),
        (
            (
                "    name: Testshire Police\n",
                "    name: Testshire Police\n  - id: testshire\n    name: Testshire Police again\n",
            ),
            "office.yaml:15: forces[1].id: the force 'testshire' is listed twice",
        ),
        (
            ("South Testshire Community", "North Testshire Community"),
            "office.yaml:23: csps[1].name: the partnership 'North Testshire Community Safety "
            "Partnership' is listed twice",
        ),
        (
            ("[Southport]", "[Southport, Northtown]"),
            "office.yaml:24: csps[1].districts[1]: the district 'Northtown' is already listed in "
            "'North Testshire Community Safety Partnership'",
        ),
        (
            ("[Northtown, Upper Vale]", "[Northtown, Northtown]"),
            "office.yaml:22: csps[0].districts[1]: the district 'Northtown' is already listed in "
            "this partnership",
        ),
        (
            ("organisation: north-csp", "organisation: Nowhere CSP"),
            "office.yaml:21: csps[0].organisation: 'Nowhere CSP' is not a key",
        ),
        (
            ("  - id: testshire", "  - id: Testshire Police"),
            "office.yaml:13: forces[0].id: 'Testshire Police' is not a key",
        ),
        (("[Southport]", "[]"), "office.yaml:24: csps[1].districts: list the districts"),
    ],
)
def test_a_bad_profile_is_refused_naming_file_line_and_path_and_nothing_is_written(
    north_csp, change, expected
):
    old, new = change
    assert old in GOOD

    problems = refused(GOOD.replace(old, new, 1))

    assert any(p.startswith(expected) for p in problems), problems
    assert not Office.objects.exists()
    assert not District.objects.exists()


@pytest.mark.django_db
def test_a_profile_without_forces_is_refused():
    text = "kind: pcc\nname: An office\nforces: []\n"
    assert refused(text) == [
        "office.yaml:3: forces: list at least one force (its data.police.uk id and name)"
    ]


@pytest.mark.django_db
def test_a_partnership_organisation_not_known_yet_is_created_with_the_partnerships_name(
    tmp_path,
):
    """A new office sets up its profile before its first plan lists its organisations."""
    path = tmp_path / "office.yaml"
    path.write_text(
        "kind: pcc\nname: Testshire Police and Crime Commissioner\n"
        "forces:\n  - id: testshire\n    name: Testshire Police\n"
        "csps:\n  - name: Northtown Community Safety Partnership\n"
        "    organisation: northtown-csp\n    districts: [Northtown]\n",
        encoding="utf-8",
    )
    call_command("setup", str(path))
    organisation = Organisation.objects.get(key="northtown-csp")
    assert organisation.name == "Northtown Community Safety Partnership"
    assert organisation.kind == Organisation.Kind.CSP
    assert CommunitySafetyPartnership.objects.get().organisation == organisation
    assert organisation.history.count() == 1

    call_command("setup", str(path))
    assert Organisation.objects.filter(key="northtown-csp").count() == 1
    assert organisation.history.count() == 1
