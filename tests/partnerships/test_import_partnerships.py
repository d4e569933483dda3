"""`pcplan import-partnerships FILE` (docs/partnerships-format.md): the demo's landscape from
seeds 004 and 002 item 7; a bad file is refused with its line and nothing is saved; importing
the same file again adds nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pcplan.core.models import Organisation
from pcplan.partnerships.demo import DATA_FILE
from pcplan.partnerships.models import (
    Body,
    BodyKind,
    BodyPriority,
    Membership,
    MembershipRole,
    PartnerOrganisation,
)
from tests.demo_snapshot import load_demo_database

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    load_demo_database()


def counts() -> dict[str, int]:
    return {
        "bodies": Body.objects.count(),
        "priorities": BodyPriority.objects.count(),
        "memberships": Membership.objects.count(),
        "partners": PartnerOrganisation.objects.count(),
        "organisations": Organisation.objects.count(),
        "history": Body.history.count() + Membership.history.count(),
    }


def test_the_demo_holds_every_body_named_in_seed_004_and_seed_002_item_7(demo):
    names = set(Body.objects.values_list("name", flat=True))
    for name in [
        "Countywide High Harms Board (Community Safety Strategic Board)",
        "Health & Wellbeing Board",
        "Criminal Justice Board for Cambridgeshire and Peterborough",
        "Safeguarding Boards",
        "Integrated Care System Board",
        "Public Service Board",
        "Mental Health Delivery Board",
        "Domestic Abuse / Sexual Violence Strategic Board",
        "CCJB Rehabilitation & Resettlement Group",
        "Strategic Child Exploitation Group",
        "PREVENT Board",
        "Vision Zero Partnership Board",
        "Drug & Alcohol Misuse Delivery Board",
        "Youth Justice Management Board",
        "Organised Crime & Modern Day Slavery Delivery Group",
        "PCC / Community Safety Partnership Chairs Meeting",
        "Community Safety Officer Group",
        "Cambridge City Community Safety Partnership",
        "East Cambridgeshire Community Safety Partnership",
        "Fenland Community Safety Partnership",
        "Huntingdonshire Community Safety Partnership",
        "Safer Peterborough Partnership",
        "South Cambridgeshire Community Safety Partnership",
        "Business Coordination Board",
    ]:
        assert name in names, name
    cjb = Body.objects.get(key="criminal-justice-board")
    assert cjb.children.count() == 7  # seed 004 §6.3
    assert Body.objects.filter(kind=BodyKind.CSP, csp__isnull=False).count() == 6
    # The Commissioner chaired the CJB on the day of seed 004 (§6.2).
    chair = Membership.objects.chair_on(cjb, dt.date(2022, 9, 14))
    assert chair is not None and chair.person.startswith("Darryl Preston")


def test_the_demo_high_harms_board_has_the_four_priorities_and_the_commissioner_as_chair(demo):
    harms = Body.objects.get(key="countywide-high-harms-board")
    assert [p.title for p in harms.priorities.all()] == [
        "Drug Strategy",
        "Serious Violence",
        "Violence Against Women & Girls",
        "Serious & Organised Crime",
    ]
    chair = Membership.objects.chair_on(harms, dt.date(2023, 3, 15))
    assert chair is not None and "Police and Crime Commissioner" in chair.person
    assert harms.memberships.filter(role=MembershipRole.SENIOR_RESPONSIBLE_OWNER).exists()
    assert harms.deliverables.filter(title="Drug strategy implementation").exists()
    assert harms.measures.filter(key="reduce-serious-violence").exists()


def test_importing_the_demo_file_again_adds_nothing(demo):
    before = counts()
    call_command("import_partnerships", str(DATA_FILE), verbosity=0)
    assert counts() == before


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "partnerships.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """format: pcplan-partnerships/1
bodies:
  - key: board
    name: A Board
    kind: strategic-board
"""


def test_a_bad_kind_is_refused_with_its_line_and_nothing_is_saved(db, tmp_path):
    path = write(
        tmp_path,
        GOOD
        + """  - key: group
    name: A Group
    kind: committee
""",
    )
    with pytest.raises(CommandError) as refused:
        call_command("import_partnerships", str(path), verbosity=0)
    message = str(refused.value)
    assert "partnerships.yaml:8" in message
    assert "bodies[1].kind" in message
    assert "'committee' is not allowed" in message
    assert Body.objects.count() == 0


def test_an_unknown_parent_and_an_unknown_organisation_are_named(db, tmp_path):
    path = write(
        tmp_path,
        GOOD
        + """    parent: nowhere
    members:
      - organisation: no-such-organisation
        role: chair
        from: 2022-01-01
""",
    )
    with pytest.raises(CommandError) as refused:
        call_command("import_partnerships", str(path), verbosity=0)
    message = str(refused.value)
    assert "no body has the key 'nowhere'" in message
    assert "no organisation has the key 'no-such-organisation'" in message
    assert Body.objects.count() == 0


def test_parents_that_go_round_in_a_loop_are_refused(db, tmp_path):
    path = write(
        tmp_path,
        """format: pcplan-partnerships/1
bodies:
  - key: a
    name: A
    kind: strategic-board
    parent: b
  - key: b
    name: B
    kind: delivery-group
    parent: a
""",
    )
    with pytest.raises(CommandError, match="loop"):
        call_command("import_partnerships", str(path), verbosity=0)
    assert Body.objects.count() == 0


def test_a_membership_that_ends_before_it_starts_is_refused(db, tmp_path):
    path = write(
        tmp_path,
        GOOD
        + """    members:
      - person: Someone
        from: 2022-01-01
        until: 2021-01-01
""",
    )
    with pytest.raises(CommandError, match="ends before it starts"):
        call_command("import_partnerships", str(path), verbosity=0)
    assert Membership.objects.count() == 0


def test_a_new_organisation_with_its_roles_is_created_once(db, tmp_path):
    path = write(
        tmp_path,
        """format: pcplan-partnerships/1
organisations:
  - key: fire-service
    name: A Fire and Rescue Service
    kind: other
    roles: [responsible-authority]
    email: copies@fire.example
""",
    )
    call_command("import_partnerships", str(path), verbosity=0)
    call_command("import_partnerships", str(path), verbosity=0)
    partner = PartnerOrganisation.objects.get(organisation__key="fire-service")
    assert partner.responsible_authority and not partner.chief_constable
    assert partner.email == "copies@fire.example"
    assert Organisation.objects.filter(key="fire-service").count() == 1
