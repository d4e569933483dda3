"""Commands that move data skip Django's system checks when typed on the command line: the
checks import every URL module, view and template library, 44% of `pcplan import-police-data`
on one force-month (issue 16: one force-month in under 1 s beyond the command's start-up).
`pcplan check` still runs them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.checks.registry import registry
from django.core.management import ManagementUtility, get_commands, load_command_class

from pcplan.core.commands import DataCommand

DATA_COMMANDS = {
    "import_police_data",
    "import_comms_output",
    "import_grants",
    "import_partnerships",
    "import_plan",
    "export_plan",
    "send_decision_digest",
    "send_engagement_digest",
    "send_grant_return_reminders",
    "send_update_reminders",
    "erase_expired_personal_data",
    "forget_old_sign_ins",
    "index_documents",
}


def test_every_data_command_is_a_data_command() -> None:
    commands = get_commands()
    for name in DATA_COMMANDS:
        assert isinstance(load_command_class(commands[name], name), DataCommand), name


@pytest.mark.django_db
def test_an_import_typed_on_the_command_line_runs_no_system_check(
    police_files: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[str] = []

    def spy(app_configs: Any = None, **kwargs: Any) -> list[Any]:
        ran.append("checked")
        return []

    registry.register(spy)
    try:
        month = police_files / "2024-01" / "2024-01-testshire-street.csv"
        ManagementUtility(
            ["pcplan", "import_police_data", "--verbosity", "0", str(month)]
        ).execute()
        assert ran == []
        ManagementUtility(["pcplan", "check"]).execute()
        assert ran == ["checked"]  # the same check runs where checks are wanted
    finally:
        registry.registered_checks.discard(spy)
