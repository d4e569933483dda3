"""`pcplan import-plan`: atomic, located error messages, idempotent (docs/import-format.md)."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pcplan.core.models import Organisation
from pcplan.core.publishing import set_published
from pcplan.delivery.models import Deliverable, Update
from pcplan.plans.importer import ImportRefused, import_plan_file, import_plan_text
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Plan, Theme

GOOD = textwrap.dedent(
    """\
    format: pcplan-plan/1
    organisations:
      - key: opcc
        name: Office of the Police and Crime Commissioner
        kind: opcc
      - key: cambridgeshire-constabulary
        name: Cambridgeshire Constabulary
        kind: police
    plan:
      key: test-plan
      title: Police and Crime Plan 2021-24
      area: Cambridgeshire and Peterborough
      elected_on: 2021-05-06
      lifecycle:
        - status: drafting
          date: 2021-05-13
        - status: consultation
          date: 2021-06-30
      statutory_elements:
        objectives: The five themes.
    themes:
      - key: crime-prevention
        title: Crime Prevention
        aim: We will work in partnership.
        priorities:
          - Tackle the root causes of crime.
    deliverables:
      - key: police-race-action-plan
        theme: crime-prevention
        title: Police Race Action Plan
        lead: opcc
        partners: [cambridgeshire-constabulary]
        status: in-progress
        target: 2022/23 Q3/Q4
        added_on: 2021-11-29
        published: true
        updates:
          - date: 2023-03-15
            text: Activities ongoing.
            published: true
      - key: youth-listening-project
        theme: crime-prevention
        title: Youth listening project
        status: completed
        target: Q4 2022-23
        added_on: 2021-11-29
        completed_on: 2023-03-15
    """
)


def snapshot() -> tuple[int, ...]:
    """Counts of everything an import writes, to show a refused import wrote nothing."""
    return (
        Organisation.objects.count(),
        Plan.objects.count(),
        Theme.objects.count(),
        Deliverable.objects.count(),
        Update.objects.count(),
        Plan.history.count(),
        Deliverable.history.count(),
    )


def refused(text: str) -> str:
    before = snapshot()
    with pytest.raises(ImportRefused) as caught:
        import_plan_text(text, "plan.yaml")
    assert snapshot() == before, "a refused import must change nothing"
    return str(caught.value)


@pytest.mark.django_db
def test_a_good_file_imports_the_plan_themes_and_deliverables():
    result = import_plan_text(GOOD, "plan.yaml")
    plan = Plan.objects.get(key="test-plan")
    assert plan.status == PlanStatus.CONSULTATION
    assert [c.status for c in plan.status_changes.all()] == ["drafting", "consultation"]
    assert plan.themes.get().priorities.get().text == "Tackle the root causes of crime."
    race = Deliverable.objects.get(key="police-race-action-plan")
    assert race.lead.key == "opcc"
    assert [p.key for p in race.partners.all()] == ["cambridgeshire-constabulary"]
    assert (race.target_start, race.target_end) == (dt.date(2022, 10, 1), dt.date(2023, 3, 31))
    assert race.updates.get().is_published
    assert Deliverable.objects.get(key="youth-listening-project").completed_on == dt.date(
        2023, 3, 15
    )
    assert result.created["deliverables"] == 2


@pytest.mark.django_db
def test_reimporting_the_same_file_changes_nothing():
    import_plan_text(GOOD, "plan.yaml")
    before = snapshot()
    result = import_plan_text(GOOD, "plan.yaml")
    assert not result.changed
    assert snapshot() == before


@pytest.mark.django_db
def test_reimporting_a_changed_file_updates_only_what_changed():
    import_plan_text(GOOD, "plan.yaml")
    result = import_plan_text(GOOD.replace("status: in-progress", "status: on-hold"), "plan.yaml")
    assert result.updated["deliverables"] == 1
    assert result.updated["plans"] == 0
    assert Deliverable.objects.get(key="police-race-action-plan").status == "on-hold"


@pytest.mark.django_db
def test_bad_yaml_is_refused_with_its_line():
    message = refused(GOOD.replace("title: Crime Prevention", "title: [Crime Prevention"))
    assert message.startswith("plan.yaml:")
    assert "not valid YAML" in message


@pytest.mark.django_db
def test_an_empty_file_is_refused():
    assert "empty" in refused("")


@pytest.mark.django_db
def test_an_unknown_theme_is_refused_naming_line_path_and_known_themes():
    message = refused(
        GOOD.replace(
            "theme: crime-prevention\n    title: Police", "theme: crime-prevent\n    title: Police"
        )
    )
    line = GOOD.splitlines().index("    theme: crime-prevention") + 1
    assert f"plan.yaml:{line}: deliverables[0].theme: unknown theme 'crime-prevent'" in message
    assert "crime-prevention" in message


@pytest.mark.django_db
def test_a_bad_quarter_is_refused_with_the_accepted_forms():
    message = refused(GOOD.replace("target: 2022/23 Q3/Q4", "target: Q5 2022/23"))
    assert "deliverables[0].target" in message
    assert "'Q5 2022/23'" in message
    assert "Q4 2022/23" in message  # says what was expected


@pytest.mark.django_db
def test_a_duplicate_deliverable_is_refused():
    message = refused(GOOD.replace("key: youth-listening-project", "key: police-race-action-plan"))
    assert (
        "deliverables[1].key: the deliverable 'police-race-action-plan' is listed twice" in message
    )


@pytest.mark.django_db
def test_a_missing_required_field_is_refused():
    message = refused(
        GOOD.replace("    added_on: 2021-11-29\n    published: true\n", "    published: true\n")
    )
    assert "deliverables[0]: the required field 'added_on' is missing" in message


@pytest.mark.django_db
def test_an_unknown_field_is_refused():
    message = refused(GOOD.replace("    lead: opcc\n", "    leader: opcc\n"))
    assert "deliverables[0].leader: unknown field" in message


@pytest.mark.django_db
def test_a_key_given_twice_in_a_mapping_is_refused():
    message = refused(GOOD.replace("    lead: opcc\n", "    lead: opcc\n    lead: opcc\n"))
    assert "deliverables[0].lead: this key appears twice" in message


@pytest.mark.django_db
def test_a_wrong_format_version_is_refused():
    assert "format: expected 'pcplan-plan/1'" in refused(
        GOOD.replace("pcplan-plan/1", "pcplan-plan/9")
    )


@pytest.mark.django_db
def test_a_bad_date_is_refused():
    message = refused(
        GOOD.replace("added_on: 2021-11-29\n    published", "added_on: 29/11/2021\n    published")
    )
    assert "deliverables[0].added_on: '29/11/2021' is not a date: expected YYYY-MM-DD" in message


@pytest.mark.django_db
def test_an_unknown_status_is_refused_listing_the_statuses():
    message = refused(GOOD.replace("status: in-progress", "status: ongoing"))
    assert "deliverables[0].status: 'ongoing' is not allowed" in message
    assert "in-progress" in message


@pytest.mark.django_db
def test_an_unknown_organisation_is_refused():
    message = refused(GOOD.replace("    lead: opcc\n", "    lead: probation\n"))
    assert "deliverables[0].lead: unknown organisation 'probation'" in message


@pytest.mark.django_db
def test_a_completed_deliverable_without_completion_date_is_refused():
    message = refused(GOOD.replace("    completed_on: 2023-03-15\n", ""))
    assert "a completed deliverable needs 'completed_on'" in message


@pytest.mark.django_db
def test_a_lifecycle_that_skips_a_step_is_refused():
    message = refused(GOOD.replace("status: consultation", "status: issued"))
    assert "plan.lifecycle[1].status: A plan cannot move from Drafting to Issued" in message


@pytest.mark.django_db
def test_every_problem_in_a_file_is_reported_at_once():
    bad = GOOD.replace("status: in-progress", "status: ongoing").replace(
        "target: 2022/23 Q3/Q4", "target: soon"
    )
    message = refused(bad)
    assert "status" in message and "target" in message


@pytest.mark.django_db
def test_a_database_failure_half_way_leaves_nothing_behind(monkeypatch):
    """Atomic: if writing fails after some rows were saved, every row is rolled back."""
    from pcplan.plans import importer

    def fail(*args, **kwargs):
        raise importer.IntegrityError("simulated failure after the plan was written")

    monkeypatch.setattr(importer, "_write_deliverable", fail)
    before = snapshot()
    with pytest.raises(ImportRefused, match="database refused"):
        import_plan_text(GOOD, "plan.yaml")
    assert snapshot() == before


@pytest.mark.django_db
def test_a_missing_file_is_refused(tmp_path: Path):
    with pytest.raises(ImportRefused, match="no such file"):
        import_plan_file(tmp_path / "nope.yaml")


@pytest.mark.django_db
def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Caf\xe9".encode("latin-1"))
    with pytest.raises(ImportRefused, match="not UTF-8"):
        import_plan_file(path)


@pytest.mark.django_db
def test_a_byte_order_mark_is_accepted(tmp_path: Path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    import_plan_file(path)
    assert Plan.objects.filter(key="test-plan").exists()


@pytest.mark.django_db
def test_the_command_names_the_file_and_says_nothing_changed(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD.replace("status: in-progress", "status: ongoing"))
    with pytest.raises(CommandError) as caught:
        call_command("import_plan", str(path))
    assert "nothing was changed" in str(caught.value)
    assert f"{path}:" in str(caught.value)
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_an_empty_required_value_is_refused():
    message = refused(GOOD.replace("title: Police Race Action Plan", "title:"))
    assert "deliverables[0].title: must not be empty" in message


@pytest.mark.django_db
def test_an_impossible_date_is_refused_not_crashed_on():
    message = refused(
        GOOD.replace("added_on: 2021-11-29\n    published", "added_on: 2021-02-30\n    published")
    )
    assert "deliverables[0].added_on: cannot read '2021-02-30'" in message


@pytest.mark.django_db
def test_a_date_not_written_as_yyyy_mm_dd_is_refused():
    message = refused(
        GOOD.replace("added_on: 2021-11-29\n    published", "added_on: '20211129'\n    published")
    )
    assert "is not a date: expected YYYY-MM-DD" in message


@pytest.mark.django_db
def test_a_partner_that_is_not_a_key_is_refused():
    message = refused(
        GOOD.replace("partners: [cambridgeshire-constabulary]", "partners: [{key: x}]")
    )
    assert "deliverables[0].partners[0]: expected an organisation key" in message


@pytest.mark.django_db
def test_a_yaml_merge_key_is_refused():
    message = refused(GOOD.replace("    lead: opcc\n", "    <<: {lead: opcc}\n"))
    assert "merge keys" in message


@pytest.mark.django_db
def test_a_missing_field_is_reported_once():
    message = refused(
        GOOD.replace("    added_on: 2021-11-29\n    published: true\n", "    published: true\n")
    )
    assert message.count("'added_on' is missing") == 1


@pytest.mark.django_db
def test_a_repeated_yaml_key_does_not_hide_the_other_problems():
    bad = GOOD.replace("    lead: opcc\n", "    lead: opcc\n    lead: opcc\n").replace(
        "status: in-progress", "status: ongoing"
    )
    message = refused(bad)
    assert "appears twice" in message and "'ongoing' is not allowed" in message


@pytest.mark.django_db
def test_a_title_longer_than_the_database_allows_is_refused():
    message = refused(GOOD.replace("title: Police Race Action Plan", "title: " + "x" * 301))
    assert "is 301 characters long; at most 300 are allowed" in message


@pytest.mark.django_db
def test_the_same_task_or_update_twice_is_refused():
    tasks = GOOD.replace(
        "    completed_on: 2023-03-15\n",
        "    completed_on: 2023-03-15\n    tasks:\n      - title: Scope\n      - title: Scope\n",
    )
    assert "the task 'Scope' is listed twice" in refused(tasks)
    updates = GOOD.replace(
        "        published: true\n",
        "        published: true\n      - date: 2023-03-15\n        text: Activities ongoing.\n",
    )
    assert "the same update (date and text) is listed twice" in refused(updates)


@pytest.mark.django_db
def test_what_a_file_leaves_out_is_left_as_the_app_has_it(editor):
    """Re-importing must not undo work done in the app on fields the file does not state."""
    from pcplan.plans import services as plan_services

    import_plan_text(GOOD, "plan.yaml")
    youth = Deliverable.objects.get(
        key="youth-listening-project"
    )  # the file says nothing of publishing
    set_published(editor, youth, True)
    plan = Plan.objects.get(key="test-plan")
    plan_services.move_plan_status(
        editor, plan, status=PlanStatus.BOARD_APPROVED, date=dt.date(2021, 10, 12)
    )

    result = import_plan_text(GOOD, "plan.yaml")
    assert not result.changed
    youth.refresh_from_db()
    plan.refresh_from_db()
    assert youth.is_published
    assert plan.status == PlanStatus.BOARD_APPROVED  # the app moved further along the lifecycle
    assert plan.status_changes.count() == 3


@pytest.mark.django_db
def test_a_file_without_lifecycle_or_priorities_leaves_them_alone():
    import_plan_text(GOOD, "plan.yaml")
    bare = GOOD.replace(
        "      lifecycle:\n        - status: drafting\n          date: 2021-05-13\n"
        "        - status: consultation\n          date: 2021-06-30\n",
        "",
    ).replace("        priorities:\n          - Tackle the root causes of crime.\n", "")
    import_plan_text(bare, "plan.yaml")
    plan = Plan.objects.get(key="test-plan")
    assert plan.status == PlanStatus.CONSULTATION
    assert plan.status_changes.count() == 2
    assert plan.themes.get().priorities.count() == 1


@pytest.mark.django_db
def test_a_lifecycle_that_disagrees_with_the_recorded_one_replaces_it_and_says_so():
    import_plan_text(GOOD, "plan.yaml")
    result = import_plan_text(GOOD.replace("date: 2021-06-30", "date: 2021-07-01"), "plan.yaml")
    assert result.deleted["lifecycle steps"] == 2
    assert "2 replaced" in result.summary()
    assert Plan.objects.get().status_changes.last().date == dt.date(2021, 7, 1)


@pytest.mark.django_db
def test_imported_published_records_carry_a_publication_time():
    import_plan_text(GOOD, "plan.yaml")
    race = Deliverable.objects.get(key="police-race-action-plan")
    assert race.published_at is not None
    assert race.updates.get().published_at is not None


@pytest.mark.django_db
def test_several_files_are_imported_all_or_none(tmp_path: Path):
    from pcplan.plans.importer import import_plan_files

    good = tmp_path / "good.yaml"
    good.write_text(GOOD)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        GOOD.replace("test-plan", "other-plan").replace("status: in-progress", "status: x")
    )
    with pytest.raises(ImportRefused, match="bad.yaml"):
        import_plan_files([good, bad])
    assert not Plan.objects.exists()
