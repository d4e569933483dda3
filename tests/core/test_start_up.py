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


# What a data command does not need: the admin's modules (pcplan.adminsite), bank holidays
# (read when a deadline is counted) and rich (drawn only when the command shows progress).
NOT_FOR_A_QUIET_IMPORT = ("pcplan.core.admin", "django.contrib.auth.admin", "holidays", "rich")

QUIET_IMPORT = f"""
import sys

import django

django.setup()
from django.core.management import call_command

call_command("import_police_data", sys.argv[1], verbosity=0)
print(",".join(m for m in {NOT_FOR_A_QUIET_IMPORT!r} if m in sys.modules))
"""


def _run(script: str, tmp_path: Path, *args: str) -> str:
    env = {**os.environ, "PCPLAN_DATA_DIR": str(tmp_path), "PCPLAN_TESTING": "1"}
    env["DJANGO_SETTINGS_MODULE"] = "pcplan.settings"
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_quiet_police_data_import_loads_no_admin_holidays_or_progress_bars(
    tmp_path: Path,
) -> None:
    _run(
        "import django; django.setup(); from django.core.management import call_command; "
        "call_command('migrate', verbosity=0)",
        tmp_path,
    )
    street = Path(__file__).parents[1] / "performance" / "fixtures" / "police-uk" / "2024-01"
    assert _run(QUIET_IMPORT, tmp_path, str(street)) == ""


ADMIN = """
import django

django.setup()
from django.contrib import admin
from django.core import checks

from pcplan.core.models import Organisation

before = admin.site.is_registered(Organisation)
errors = checks.run_checks(tags=[checks.Tags.admin])
print(before, admin.site.is_registered(Organisation), errors)
"""


def test_the_admin_checks_still_check_every_app_s_admin(tmp_path: Path) -> None:
    assert _run(ADMIN, tmp_path) == "False True []"


def test_the_urlconf_registers_every_app_s_admin(tmp_path: Path) -> None:
    script = (
        "import django; django.setup(); from django.contrib import admin;"
        "from django.urls import get_resolver; get_resolver().url_patterns;"
        "from pcplan.core.models import Organisation; from pcplan.plans.models import Priority;"
        "print(admin.site.is_registered(Organisation), admin.site.is_registered(Priority))"
    )
    assert _run(script, tmp_path) == "True True"
