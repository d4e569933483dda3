"""Migration grants/0002 (docs/DECISIONS.md, issue 10): the awards' decision numbers and makers
move into decision records in the decision register, one per number, and come back when the
migration is reversed. Only the rows it reads are built, with the models as they were."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.old_migrations import (
    migrate,
    migrate_from_nothing_to,
    migrate_to_the_end,
    on_sqlite_only,
)

TRANSPARENCY = ("transparency", "0002_links_to_precepts_plan_steps_and_agendas")
BEFORE = [("grants", "0001_initial"), TRANSPARENCY]
AFTER = [("grants", "0002_award_decision_services_returns_measures"), TRANSPARENCY]
MIGRATED = "grants migration 0002"
PUBLISHED_AT = dt.datetime(2022, 7, 10, 9, 0, tzinfo=dt.UTC)


def build_awards(apps):
    """Two awards under one number (one published), an award whose number is already in the
    register, one decided without a number, one with a number and maker but no date, and one
    never decided."""
    recipient = apps.get_model("core", "Organisation").objects.create(
        key="a-csp", name="A Community Safety Partnership", kind="csp"
    )
    fund = apps.get_model("grants", "Fund").objects.create(
        key="safer-communities-fund", name="Safer Communities Fund"
    )
    apps.get_model("transparency", "Decision").objects.create(
        number="2022/020",
        decided_on=dt.date(2022, 8, 1),
        title="Grants of August",
        summary="Recorded by hand before the migration.",
        decision_maker="The office holder",
        is_published=True,
    )
    Award = apps.get_model("grants", "Award")

    def award(reference, **fields):
        return Award.objects.create(
            reference=reference,
            fund=fund,
            recipient=recipient,
            purpose=f"Purpose of {reference}",
            amount=Decimal("1500.00"),
            **fields,
        )

    decided = {"decision_date": dt.date(2022, 7, 1), "decision_maker": "The office holder"}
    award(
        "shared-published",
        decision_number="2022/010",
        reasons="Meets the criteria.",
        is_published=True,
        published_at=PUBLISHED_AT,
        **decided,
    )
    award("shared-draft", decision_number="2022/010", **decided)
    award(
        "already-registered",
        decision_number="2022/020",
        decision_date=dt.date(2022, 8, 1),
        decision_maker="The deputy",
    )
    award("no-number", decision_date=dt.date(2022, 9, 1), decision_maker="The deputy")
    award(
        "no-date",
        decision_number="2021/099",
        decision_maker="The office holder",
        source_note="Seed 004 §7.2.",
    )
    award("undecided")


@on_sqlite_only
@pytest.mark.django_db(transaction=True)
def test_award_decisions_move_into_the_decision_register_and_back_again():
    try:
        build_awards(migrate_from_nothing_to(BEFORE))

        new = migrate(AFTER)
        Award = new.get_model("grants", "Award")
        Decision = new.get_model("transparency", "Decision")
        awards = {a.reference: a for a in Award.objects.select_related("decision")}
        shared = awards["shared-published"].decision
        # One decision record per number, shared by the awards made under it.
        assert awards["shared-draft"].decision_id == shared.pk
        assert (shared.number, shared.decided_on, shared.decision_maker) == (
            "2022/010",
            dt.date(2022, 7, 1),
            "The office holder",
        )
        assert (shared.kind, shared.source, shared.reasons) == (
            "grant",
            MIGRATED,
            "Meets the criteria.",
        )
        assert shared.title == (
            "Grant to A Community Safety Partnership from the Safer Communities Fund"
        )
        assert shared.summary.startswith("A grant of £1,500.00 to A Community Safety Partnership")
        # Published with its published award, when the award was.
        assert shared.is_published and shared.published_at == PUBLISHED_AT
        # A number already in the register is that decision, not a second record of it: the
        # register's record stands, maker included, where the award named another.
        registered = awards["already-registered"].decision
        assert (registered.title, registered.source) == ("Grants of August", "")
        assert registered.decision_maker == "The office holder"
        assert Decision.objects.filter(number="2022/020").count() == 1
        # An award decided without a number has a decision of its own, unpublished with it.
        own = awards["no-number"].decision
        assert (own.number, own.decided_on, own.decision_maker) == (
            "",
            dt.date(2022, 9, 1),
            "The deputy",
        )
        assert not own.is_published
        # A number and maker without a date cannot be a decision record: they are kept in the
        # award's source note.
        assert awards["no-date"].decision is None
        assert awards["no-date"].source_note == (
            "Seed 004 §7.2. Decision 2021/099 by The office holder; its date is not recorded."
        )
        assert awards["undecided"].decision is None
        assert Decision.objects.filter(source=MIGRATED).count() == 2

        back = migrate(BEFORE)
        Award = back.get_model("grants", "Award")
        Decision = back.get_model("transparency", "Decision")
        numbers = {
            a.reference: (a.decision_number, a.decision_maker, a.decision_date)
            for a in Award.objects.all()
        }
        assert numbers == {
            "shared-published": ("2022/010", "The office holder", dt.date(2022, 7, 1)),
            "shared-draft": ("2022/010", "The office holder", dt.date(2022, 7, 1)),
            # From the register's record of decision 2022/020.
            "already-registered": ("2022/020", "The office holder", dt.date(2022, 8, 1)),
            "no-number": ("", "The deputy", dt.date(2022, 9, 1)),
            # Going back leaves the number and maker in the source note, where they went.
            "no-date": ("", "", None),
            "undecided": ("", "", None),
        }
        assert "Decision 2021/099" in Award.objects.get(reference="no-date").source_note
        # Only the decisions the migration made are removed; the register's own stays.
        assert list(Decision.objects.values_list("number", flat=True)) == ["2022/020"]
    finally:
        # The whole schema again for the tests after this one.
        migrate_to_the_end()
