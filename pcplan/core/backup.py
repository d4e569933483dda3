"""Back up and restore the whole of pcplan: its database and its stored files, in one archive.

The archive is a gzipped tar holding `manifest.json`, the database and `media/` (the reports,
agenda papers and uploads in the local file store). The database is copied the database's own
way, so a backup can be taken while the site is running:

- SQLite with its online backup API (a consistent copy of a live database);
- PostgreSQL with `pg_dump --format=custom`, restored with `pg_restore --clean`. Both must be
  on PATH (the `postgresql-client` package, of the server's major version or later); if they
  are not, the command stops and says so rather than writing a partial backup.

A restore replaces the database and the stored files with the archive's: what was saved since
the backup is gone. Files in an S3-compatible store (PCPLAN_STORAGE=s3) are not in the archive;
the store's own versioning backs them up (docs/deployment.md).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore, with arguments we build, no shell
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
SQLITE_NAME = "database.sqlite3"
POSTGRES_NAME = "database.pgdump"


class BackupError(Exception):
    """The backup or restore cannot be done; nothing was changed."""


def _media_root() -> Path | None:
    """The local folder of stored files, or None when files are kept elsewhere (S3)."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(default_storage.location)
    return None


def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} is not on PATH: install the PostgreSQL client tools of the server's "
            "version (Debian: apt-get install postgresql-client) and try again. "
            "Nothing was changed."
        )
    return path


def _pg_env_and_args() -> tuple[dict[str, str], list[str]]:
    db = connection.settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return env, [*args, "--dbname", str(db["NAME"])]


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {done.stderr.strip()}")


def _latest_migrations() -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder.Migration.objects.values_list("app", "name"):
        latest[app] = max(latest.get(app, ""), name)
    return latest


def backup(target: Path) -> dict[str, Any]:
    """Write the archive to `target`; return its manifest."""
    vendor = connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"backing up a {vendor} database is not supported")
    with tempfile.TemporaryDirectory(prefix="pcplan-backup-") as tmp:
        work = Path(tmp)
        if vendor == "sqlite":
            database = work / SQLITE_NAME
            connection.ensure_connection()
            copy = sqlite3.connect(database)
            try:
                connection.connection.backup(copy)
            finally:
                copy.close()
        else:
            database = work / POSTGRES_NAME
            env, args = _pg_env_and_args()
            _run([_pg_tool("pg_dump"), "--format=custom", "--file", str(database), *args], env)
        media = _media_root()
        manifest = {
            "format": FORMAT,
            "made_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": vendor,
            "migrations": _latest_migrations(),
            "media": media is not None,
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        partial = target.with_name(f".{target.name}.partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(work / "manifest.json", "manifest.json")
            archive.add(database, database.name)
            if media is not None and media.is_dir():
                archive.add(media, "media")
        # Whole or not at all: a backup cut short never takes the name of a good one.
        partial.replace(target)
    return manifest


def read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.extractfile("manifest.json")
    except KeyError:
        member = None
    if member is None:
        raise BackupError("not a pcplan backup: it has no manifest.json")
    manifest: dict[str, Any] = json.loads(member.read())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"backup format {manifest.get('format')} is not known to this pcplan")
    return manifest


def restore(source: Path) -> dict[str, Any]:
    """Replace the database and the stored files with the archive's; return its manifest."""
    try:
        archive = tarfile.open(source, "r:gz")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"{source} cannot be read as a pcplan backup: {exc}") from None
    with archive, tempfile.TemporaryDirectory(prefix="pcplan-restore-") as tmp:
        manifest = read_manifest(archive)
        if manifest["database"] != connection.vendor:
            raise BackupError(
                f"the backup is of a {manifest['database']} database and this pcplan uses "
                f"{connection.vendor}; nothing was changed"
            )
        work = Path(tmp)
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        archive.extractall(work, filter="data")
        if connection.vendor == "postgresql":
            env, args = _pg_env_and_args()
            restore_tool = _pg_tool("pg_restore")
            connections.close_all()
            _run(
                [
                    restore_tool,
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "--exit-on-error",
                    *args,
                    str(work / POSTGRES_NAME),
                ],
                env,
            )
        else:
            source_db = sqlite3.connect(work / SQLITE_NAME)
            try:
                connection.ensure_connection()
                source_db.backup(connection.connection)
            finally:
                source_db.close()
        media = _media_root()
        if media is not None and manifest.get("media"):
            _replace_folder(media, work / "media")
    # The restored database counts public versions from where the backup stood: a page kept in
    # a cache outside it (Redis) under a version it reaches again must not be served. The
    # database cache came back with the database, consistent with it.
    if not isinstance(caches["default"], DatabaseCache):
        caches["default"].clear()
    return manifest


def _replace_folder(target: Path, source: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for child in target.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
