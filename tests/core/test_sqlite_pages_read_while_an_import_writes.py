"""On SQLite, a page reads while an import writes, and a second writer waits its turn
(issue 15, item 7: "a page waits 36 s and then fails with 'database is locked'").

The connections are Django's own SQLite connections, opened with the OPTIONS the production
settings give (read from a fresh interpreter without DATABASE_URL), on a file database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError
from django.db.backends.sqlite3.base import DatabaseWrapper

SCRIPT = """
import json
from django.conf import settings

print(json.dumps(settings.DATABASES["default"].get("OPTIONS", {})))
"""


@pytest.fixture(scope="module")
def options(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The OPTIONS of the production settings' SQLite database."""
    tmp_path = tmp_path_factory.mktemp("settings")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "PCPLAN_", "SECRET_KEY"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="pcplan.settings",
        PCPLAN_DATA_DIR=str(tmp_path),
        SECRET_KEY="a-production-key-long-enough-for-this-test-0123456789",
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


@pytest.fixture(autouse=True)
def own_connections(django_db_blocker: Any) -> Any:
    """These tests open their own file databases, not the test database."""
    with django_db_blocker.unblock():
        yield


def connect(path: Path, options: dict[str, Any]) -> DatabaseWrapper:
    settings_dict = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": options,
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
        "TEST": {},
    }
    wrapper = DatabaseWrapper(settings_dict, alias=f"sqlite-{id(settings_dict)}")
    wrapper.inc_thread_sharing()
    return wrapper


def a_large_import_in_progress(path: Path, options: dict[str, Any]) -> DatabaseWrapper:
    """A writer holding a long transaction whose changes no longer fit in its page cache,
    as a police data import's do: SQLite then writes them out before the commit."""
    writer = connect(path, options)
    with writer.cursor() as cursor:
        cursor.execute("CREATE TABLE figures (id INTEGER PRIMARY KEY, body TEXT)")
        cursor.execute("INSERT INTO figures (body) VALUES ('loaded before')")
    writer.set_autocommit(False)
    with writer.cursor() as cursor:
        cursor.execute("PRAGMA cache_size = 10")
        cursor.executemany(
            "INSERT INTO figures (body) VALUES (%s)", [("x" * 1000,) for _ in range(2000)]
        )
    return writer


def test_the_production_settings_use_the_write_ahead_log_and_wait_for_locks(options):
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 20
    assert options["transaction_mode"] == "IMMEDIATE"


def test_a_page_reads_at_once_while_an_import_writes(tmp_path, options):
    writer = a_large_import_in_progress(tmp_path / "pcplan.sqlite3", options)
    reader = connect(tmp_path / "pcplan.sqlite3", {**options, "timeout": 1})
    try:
        started = time.monotonic()
        with reader.cursor() as cursor:
            cursor.execute("SELECT body FROM figures")
            assert cursor.fetchall() == [("loaded before",)]
        assert time.monotonic() - started < 1
    finally:
        writer.rollback()
        writer.close()
        reader.close()


def test_without_the_write_ahead_log_the_same_read_fails(tmp_path):
    """The failure the settings prevent: SQLite's default journal locks readers out."""
    writer = a_large_import_in_progress(tmp_path / "pcplan.sqlite3", {"timeout": 1})
    reader = connect(tmp_path / "pcplan.sqlite3", {"timeout": 0.2})
    try:
        with pytest.raises(OperationalError, match="locked"), reader.cursor() as cursor:
            cursor.execute("SELECT body FROM figures")
    finally:
        writer.rollback()
        writer.close()
        reader.close()


def test_a_second_writer_waits_for_the_import_to_commit_rather_than_failing(tmp_path, options):
    writer = a_large_import_in_progress(tmp_path / "pcplan.sqlite3", options)
    second = connect(tmp_path / "pcplan.sqlite3", options)

    def commit_soon() -> None:
        time.sleep(0.5)
        writer.commit()

    committer = threading.Thread(target=commit_soon)
    committer.start()
    try:
        with second.cursor() as cursor:
            cursor.execute("INSERT INTO figures (body) VALUES ('a session saved')")
            cursor.execute("SELECT count(*) FROM figures")
            assert cursor.fetchone() == (2002,)
    finally:
        committer.join()
        writer.close()
        second.close()
