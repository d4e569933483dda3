"""Heavy libraries are imported where they are used, so a worker's first request and every
small `pcplan` command start fast (issue 17: matplotlib was loaded with the URLconf)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("matplotlib", "weasyprint", "duckdb")
# These two commands read police data files with DuckDB, so loading them loads it.
COMMANDS_THAT_READ_POLICE_DATA = {"demo", "import_police_data"}

SCRIPT = f"""
import sys

import django

django.setup()
from django.core.management import ManagementUtility, get_commands, load_command_class
from django.urls import get_resolver

get_resolver().url_patterns  # imports every view of every app
ManagementUtility(["pcplan", "help"]).main_help_text()  # what `pcplan help` prints
for name, app in get_commands().items():
    if name not in {COMMANDS_THAT_READ_POLICE_DATA!r}:
        load_command_class(app, name)
print(",".join(m for m in {HEAVY!r} if m in sys.modules))
"""


def test_the_urlconf_apps_and_small_commands_load_no_heavy_library(tmp_path: Path) -> None:
    env = {**os.environ, "PCPLAN_DATA_DIR": str(tmp_path), "PCPLAN_DEBUG": "1"}
    env["DJANGO_SETTINGS_MODULE"] = "pcplan.settings"
    env.pop("DATABASE_URL", None)  # nothing here reads the database
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
