"""`pcplan --help` lists every command without starting Django, so it answers at once
(issue 16: under 0.5 s; Django's own listing imports every app and its models)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.core.management import ManagementUtility

from pcplan.cli import command_list

SCRIPT = """
import sys
from pcplan.cli import main
main(["pcplan", "--help"])
print(",".join(m for m in ("django.db.models", "django.apps.registry") if m in sys.modules),
      file=sys.stderr)
"""


def test_the_quick_list_is_django_s_list_of_commands() -> None:
    assert command_list() == ManagementUtility(["pcplan", "help"]).main_help_text()


def test_pcplan_help_does_not_import_django_s_orm_or_apps(tmp_path: Path) -> None:
    env = {**os.environ, "PCPLAN_DATA_DIR": str(tmp_path)}
    for name in ("PCPLAN_DEBUG", "PCPLAN_TESTING", "SECRET_KEY", "SECRET_KEY_FILE"):
        env.pop(name, None)  # as a newcomer types it: production settings, no key yet
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "showmigrations" in result.stdout and "import_plan" in result.stdout
    assert result.stderr.strip() == ""


STARTED = """
import gc
import sys

from pcplan.cli import main

main(["pcplan", "showmigrations", "--list", "demo"])
print(gc.isenabled(), gc.get_freeze_count() > 10_000, file=sys.stderr)
"""


def test_a_command_starts_django_with_the_cycle_collector_paused_then_on(tmp_path: Path) -> None:
    """What loading the apps made is frozen, out of the collector's way; the collector is on
    again for the command itself."""
    env = {**os.environ, "PCPLAN_DATA_DIR": str(tmp_path), "PCPLAN_TESTING": "1"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", STARTED], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "True True"
