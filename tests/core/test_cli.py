"""`pcplan` is the single entry point: pcplan's commands and every Django command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pcplan.lib.env import ImproperlyConfiguredEnv, env_bool, env_int, env_secret

pytestmark = pytest.mark.slow


def run_pcplan(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PCPLAN_DATA_DIR": str(tmp_path), "PCPLAN_DEBUG": "1"}
    env.pop("DATABASE_URL", None)  # a throwaway SQLite file, never the test server's database
    return subprocess.run(  # noqa: S603 - our own console script
        [str(Path(sys.executable).parent / "pcplan"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_pcplan_demo_loads_and_plans_lists_them(tmp_path):
    result = run_pcplan(tmp_path, "demo", "--no-serve")
    assert result.returncode == 0, result.stderr
    assert "editor" in result.stdout and "pcplan-demo" in result.stdout
    assert (tmp_path / "pcplan.sqlite3").exists()
    listing = run_pcplan(tmp_path, "plans")
    assert listing.returncode == 0, listing.stderr
    assert "cambs-2021-24  Police and Crime Plan 2021-24  [Issued]" in listing.stdout
    assert "[Superseded]" in listing.stdout


def test_pcplan_runs_django_commands_and_hyphenated_names(tmp_path):
    assert run_pcplan(tmp_path, "migrate", "-v0").returncode == 0
    assert "showmigrations" in run_pcplan(tmp_path, "help").stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: pcplan-plan/1\nplan:\n  key: Bad Key\n  title: T\n")
    result = run_pcplan(tmp_path, "import-plan", str(bad))
    assert result.returncode == 1
    assert f"{bad}:3: plan.key: 'Bad Key' is not a key" in result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PCPLAN_DEBUG", "PCPLAN_TESTING", "SECRET_KEY"}
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import pcplan.settings"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_env_helpers_fail_loudly_on_bad_values(monkeypatch, tmp_path):
    monkeypatch.setenv("X_BOOL", "perhaps")
    with pytest.raises(ImproperlyConfiguredEnv, match="X_BOOL='perhaps'"):
        env_bool("X_BOOL")
    monkeypatch.setenv("X_INT", "ten")
    with pytest.raises(ImproperlyConfiguredEnv, match="whole number"):
        env_int("X_INT", 1)
    secret = tmp_path / "secret"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("X_SECRET_FILE", str(secret))
    assert env_secret("X_SECRET") == "s3cret"
    monkeypatch.setenv("X_BOOL", "yes")
    assert env_bool("X_BOOL") is True


def run_pcplan_without_a_secret_key(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `pcplan` as on a fresh server: no SECRET_KEY, no development or test switches."""
    unset = {"PCPLAN_DEBUG", "PCPLAN_TESTING", "SECRET_KEY", "SECRET_KEY_FILE", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env["PCPLAN_DATA_DIR"] = str(tmp_path)
    return subprocess.run(  # noqa: S603 - our own console script
        [str(Path(sys.executable).parent / "pcplan"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("args", [("--help",), ("help",), ()])
def test_pcplan_help_lists_pcplans_commands_without_a_secret_key(tmp_path, args):
    result = run_pcplan_without_a_secret_key(tmp_path, *args)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    assert "import_plan" in result.stdout
    assert "demo" in result.stdout


def test_pcplan_help_for_one_command_works_without_a_secret_key(tmp_path):
    result = run_pcplan_without_a_secret_key(tmp_path, "help", "import-plan")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    assert "usage: pcplan import_plan" in result.stdout


def test_a_pcplan_command_without_a_secret_key_stops_with_one_line_saying_what_to_set(tmp_path):
    result = run_pcplan_without_a_secret_key(tmp_path, "migrate")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("pcplan: SECRET_KEY is not set.")
    assert not (tmp_path / "pcplan.sqlite3").exists()
