"""The squashed migrations: the history they replace, how they run, and the old history for
tests that step through it (docs/DECISIONS.md, "Squashed migrations").

Each of pcplan's 11 apps with more than one migration has one squashed migration,
`00NN_squashed`, or two where its models and another app's point at each other both ways
(`00NN_squashed_part_2` holds the models that point at the other app's). They were written from
the models of 27 November 2026, each model created with all its fields (SquashedMigration).

Every squashed migration replaces this one list, REPLACED, the 61 old migrations of those apps,
rather than its own app's: the old apps depend on each other both ways (delivery and plans,
plans and performance; panel, partnerships, grants and transparency in a ring), and Django moves
every dependency on a replaced migration onto the migration replacing it, so per-app lists would
put the squashed migrations in a circle. With one list the old migrations' dependencies on each
other go, and the others (on auth, and the apps that point at the user: admin, accounts, demo,
otp_totp) land on core's squashed migration, core being the first of pcplan's apps Django reads.

Django then takes one of two paths:

- a new database, or one with every migration in REPLACED applied: the squashed migrations (on a
  new database they run, and each records REPLACED as applied);
- a database part-way through REPLACED: the old migrations from where it stopped, as before.

So keep the old files. A migration written after the squash depends on its app's last squashed
migration, never on a name in REPLACED (tests/core/test_squashed_migrations.py checks it). A
first `migrate` of a new database that fails part-way has recorded REPLACED as applied: start
again from an empty database.
"""

from __future__ import annotations

from django.db import migrations
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import CreateModel, RunPython
from django.db.migrations.state import ProjectState

REPLACED = [
    ("api", "0001_initial"),
    ("api", "0002_search_index"),
    ("api", "0003_search_papers"),
    ("core", "0001_initial"),
    ("core", "0002_alter_historicaluser_role_alter_user_role"),
    ("core", "0003_office_profile"),
    ("core", "0004_office_profile_help_texts"),
    ("core", "0005_public_version"),
    ("core", "0006_background_jobs"),
    ("core", "0007_versions_and_stopped_workers"),
    ("delivery", "0001_initial"),
    ("delivery", "0002_deliverable_published_by_and_publishable"),
    ("delivery", "0003_version_for_concurrent_edits"),
    ("delivery", "0004_update_proposals"),
    ("delivery", "0005_dependencies_and_risk"),
    ("delivery", "0006_edit_form_versions"),
    ("engagement", "0001_initial"),
    ("engagement", "0002_event_organisations"),
    ("engagement", "0003_edit_form_versions"),
    ("grants", "0001_initial"),
    ("grants", "0002_award_decision_services_returns_measures"),
    ("grants", "0003_service_return_reminders"),
    ("grants", "0004_edit_form_versions"),
    ("grants", "0005_action_form_versions"),
    ("panel", "0001_initial"),
    ("panel", "0002_agenda_item_exempt_paragraph"),
    ("panel", "0003_deliverable_links_in_history"),
    ("panel", "0004_agenda_reports_on_default_storage"),
    ("panel", "0005_meeting_body"),
    ("panel", "0006_meeting_body_required"),
    ("panel", "0007_submitter_contact_retention"),
    ("panel", "0008_meeting_versions"),
    ("panel", "0009_forward_plan_item_report"),
    ("panel", "0010_minutes_and_attendance_per_body"),
    ("panel", "0011_edit_form_versions"),
    ("panel", "0012_paper_text"),
    ("panel", "0013_action_form_versions"),
    ("partnerships", "0001_initial"),
    ("partnerships", "0002_local_issues_and_funded_posts"),
    ("partnerships", "0003_funded_posts_awards_and_unknown_areas"),
    ("partnerships", "0004_edit_form_versions"),
    ("performance", "0001_initial"),
    ("performance", "0002_national_measures"),
    ("performance", "0003_observation_area_from_office_profile_and_measure_link_history"),
    ("performance", "0004_stop_search_ethnicity_published_figures_populations"),
    ("performance", "0005_measure_versions"),
    ("performance", "0006_stop_search_district"),
    ("performance", "0007_map_points_kept_between_imports"),
    ("plans", "0001_initial"),
    ("plans", "0002_plan_area_help_text"),
    ("plans", "0003_key_objectives_shared_outcomes_pledges"),
    ("plans", "0004_edit_form_versions"),
    ("reports", "0001_initial"),
    ("reports", "0002_generated_report_publishable"),
    ("reports", "0003_board_report_named_by_the_office_profile"),
    ("reports", "0004_generated_report_theme_and_agenda_paper"),
    ("reports", "0005_update_request_last_reminded_on"),
    ("transparency", "0001_initial"),
    ("transparency", "0002_links_to_precepts_plan_steps_and_agendas"),
    ("transparency", "0003_edit_form_versions"),
    ("transparency", "0004_meeting_summaries"),
]


class OldMigrationLoader(MigrationLoader):
    """The migration graph as it was before the squash: the old migrations, without the
    squashed ones, for tests and checks that step through the old history (a plain loader
    with `replace_migrations=False` would hold both, and build states from both)."""

    def __init__(self, connection: BaseDatabaseWrapper | None) -> None:
        super().__init__(connection, replace_migrations=False)

    def load_disk(self) -> None:
        super().load_disk()
        gone = {k for k, m in self.disk_migrations.items() if m.replaces == REPLACED}
        # And every migration written after the squash: it depends on a squashed migration,
        # directly or through another, and was never part of the old history.
        while True:
            later = {
                key
                for key, migration in self.disk_migrations.items()
                if key not in gone and gone & set(migration.dependencies)
            }
            if not later:
                break
            gone |= later
        for key in gone:
            del self.disk_migrations[key]


def old_executor(connection: BaseDatabaseWrapper) -> MigrationExecutor:
    """A migration executor over the old migrations (OldMigrationLoader)."""
    executor = MigrationExecutor(connection)
    executor.loader = OldMigrationLoader(connection)
    return executor


class SquashedMigration(migrations.Migration):
    """A squashed migration: it replaces REPLACED, and makes each of its models' tables at once
    with all their columns (only CreateModel and RunPython operations).

    Django re-renders a changed model and every model related to it after each operation while
    the project state is rendered, which with every historical model pointing at the user is
    nearly all of them: that was 86% of a new database's `migrate`. Here the operations change
    the state first with nothing rendered, only the new models are then rendered, once, and
    each model's table is made from its state at the end of the migration, which for
    CreateModel alone is its state when created. RunPython runs last, with those models."""

    initial = True
    replaces = REPLACED

    def apply(
        self,
        project_state: ProjectState,
        schema_editor: BaseDatabaseSchemaEditor,
        collect_sql: bool = False,
    ) -> ProjectState:
        if collect_sql:
            return super().apply(project_state, schema_editor, collect_sql)
        for operation in self.operations:
            if not isinstance(operation, CreateModel | RunPython):
                raise TypeError(f"{self.app_label}.{self.name}: {operation.describe()}")
        # Not rendered: each state change below is then a change of a dictionary.
        rendered = project_state.__dict__.pop("apps", None)
        for operation in self.operations:
            operation.state_forwards(self.app_label, project_state)
        if rendered is not None:
            # The new models are rendered among the ones already rendered, which do not change
            # (as ProjectState._reload does for the models it reloads).
            project_state.__dict__["apps"] = rendered
            rendered.render_multiple(
                [
                    project_state.models[self.app_label, operation.name_lower]
                    for operation in self.operations
                    if isinstance(operation, CreateModel)
                ]
            )
        for operation in self.operations:
            operation.database_forwards(self.app_label, schema_editor, project_state, project_state)
        return project_state
