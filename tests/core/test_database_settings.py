"""PostgreSQL connections persist between requests by default in production (issue 17: with
CONN_MAX_AGE=0 every request opened a connection, 1.4-2.5x slower)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
from django.conf import settings

db = settings.DATABASES["default"]
print(db["CONN_MAX_AGE"], db["CONN_HEALTH_CHECKS"])
"""


def database_settings(tmp_path: Path, **env_vars: str) -> str:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "PCPLAN_", "SECRET_KEY"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="pcplan.settings",
        PCPLAN_DATA_DIR=str(tmp_path),
        SECRET_KEY="a-production-key-long-enough-for-this-test-0123456789",
        DATABASE_URL="postgres://pcplan@db.example/pcplan",  # never connected to
        **env_vars,
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_keeps_database_connections_for_a_minute_with_health_checks(tmp_path):
    assert database_settings(tmp_path) == "60 True"


@pytest.mark.parametrize(
    ("env_vars", "expected"),
    [
        ({"DATABASE_CONN_MAX_AGE": "0"}, "0 True"),
        ({"DATABASE_CONN_MAX_AGE": "300", "DATABASE_CONN_HEALTH_CHECKS": "0"}, "300 False"),
        ({"PCPLAN_DEBUG": "1"}, "0 True"),
        # Tests close connections after each request: a kept connection from a live server or
        # a second thread would hold the test database open at teardown.
        ({"PCPLAN_TESTING": "1"}, "0 True"),
    ],
)
def test_the_connection_lifetime_is_set_from_the_environment(tmp_path, env_vars, expected):
    assert database_settings(tmp_path, **env_vars) == expected


def test_a_bad_connection_lifetime_fails_loudly(tmp_path):
    with pytest.raises(AssertionError, match="DATABASE_CONN_MAX_AGE"):
        database_settings(tmp_path, DATABASE_CONN_MAX_AGE="a minute")
