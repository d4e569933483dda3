"""grants 0002 moves the awards' own decision fields into decision records, keeping the data,
and back again."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("grants", "0001_initial")]
AFTER = [("grants", "0002_award_decision_services_returns_measures")]


@pytest.mark.django_db(transaction=True)
def test_award_decisions_become_decision_records_and_come_back():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    organisation = old.get_model("core", "Organisation").objects.create(key="csp", name="A CSP")
    fund = old.get_model("grants", "Fund").objects.create(key="scf", name="Safer Fund")
    award = old.get_model("grants", "Award")

    def make(reference, **fields):
        return award.objects.create(
            reference=reference,
            fund=fund,
            recipient=organisation,
            purpose=f"Purpose {reference}",
            amount=Decimal("100.00"),
            **fields,
        )

    decided = {"decision_date": dt.date(2022, 7, 1), "decision_maker": "Commissioner"}
    make("one", decision_number="2022/1", is_published=True, reasons="Good.", **decided)
    make("two", decision_number="2022/1", **decided)  # the same decision, not published
    make("own", decision_number="", **decided)
    make("undated", decision_number="2022/9", decision_maker="Deputy")
    make("none", decision_number="")

    executor = MigrationExecutor(connection)
    try:
        executor.migrate(AFTER)
        new = executor.loader.project_state(AFTER).apps
        awards = {a.reference: a for a in new.get_model("grants", "Award").objects.all()}
        shared = awards["one"].decision
        assert shared == awards["two"].decision
        assert (shared.number, shared.decided_on, shared.decision_maker, shared.kind) == (
            "2022/1",
            dt.date(2022, 7, 1),
            "Commissioner",
            "grant",
        )
        assert shared.reasons == "Good."
        assert shared.is_published  # one of its awards is on the register
        assert awards["own"].decision.number == ""
        assert awards["own"].decision != shared
        assert awards["undated"].decision is None
        assert "Decision 2022/9 by Deputy" in awards["undated"].source_note
        assert awards["none"].decision is None
        assert new.get_model("transparency", "Decision").objects.count() == 2

        executor = MigrationExecutor(connection)
        executor.migrate(BEFORE)
        back = executor.loader.project_state(BEFORE).apps
        numbers = {
            a.reference: (a.decision_number, a.decision_maker)
            for a in back.get_model("grants", "Award").objects.all()
        }
        assert numbers["one"] == ("2022/1", "Commissioner")
        assert numbers["two"] == ("2022/1", "Commissioner")
        assert back.get_model("transparency", "Decision").objects.count() == 0
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
