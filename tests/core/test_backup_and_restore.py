"""`pcplan backup FILE` and `pcplan restore FILE` round-trip the database and the stored files.

Run on both databases: SQLite through its online backup API, PostgreSQL through pg_dump and
pg_restore (skipped there only when pg_dump is not installed, saying so).
"""

from __future__ import annotations

import shutil
import tarfile
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from pcplan.core.models import Organisation


@pytest.fixture(autouse=True)
def own_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def pg_dump_present() -> None:
    if connection.vendor == "postgresql" and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not on PATH: install postgresql-client to test PostgreSQL")


def everything() -> dict[str, list[tuple]]:
    """Every row of every table, in a fixed order."""
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY 1")  # noqa: S608 - our table names
            rows[table] = [tuple(map(str, row)) for row in cursor.fetchall()]
    return rows


# Restoring replaces every table, which a test's enclosing transaction would not allow. Slow on
# PostgreSQL: pg_restore drops and recreates every table, and the test then empties them all.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_restore_puts_back_the_database_and_files_as_they_were(tmp_path, pg_dump_present):
    office = Organisation.objects.create(key="office", name="The Office")
    default_storage.save("reports/progress.pdf", ContentFile(b"%PDF the report"))
    before = everything()
    archive = tmp_path / "pcplan-backup.tar.gz"
    out = StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "backed up" in out.getvalue()

    office.name = "Renamed after the backup"
    office.save()
    Organisation.objects.create(key="added", name="Added after the backup")
    default_storage.delete("reports/progress.pdf")
    default_storage.save("reports/later.pdf", ContentFile(b"%PDF later"))

    call_command("restore", str(archive), "--yes", stdout=StringIO())

    assert everything() == before
    assert list(Organisation.objects.values_list("key", "name")) == [("office", "The Office")]
    with default_storage.open("reports/progress.pdf") as restored:
        assert restored.read() == b"%PDF the report"
    assert not default_storage.exists("reports/later.pdf")
    # Saving after a restore works: the ids carry on from where the backup left them.
    assert Organisation.objects.create(key="next", name="Next").pk > office.pk


@pytest.mark.django_db
def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(tmp_path):
    Organisation.objects.create(key="office", name="The Office")
    bogus = tmp_path / "not-a-backup.tar.gz"
    with tarfile.open(bogus, "w:gz") as archive:
        note = tmp_path / "note.txt"
        note.write_text("hello", encoding="utf-8")
        archive.add(note, "note.txt")
    with pytest.raises(CommandError, match="not a pcplan backup"):
        call_command("restore", str(bogus), "--yes", stdout=StringIO())
    assert Organisation.objects.get().name == "The Office"


@pytest.mark.django_db
def test_without_pg_dump_a_postgresql_backup_stops_and_says_what_to_install(tmp_path, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite needs no outside tool")
    monkeypatch.setenv("PATH", str(tmp_path))
    archive = tmp_path / "backup.tar.gz"
    with pytest.raises(CommandError, match="pg_dump is not on PATH"):
        call_command("backup", str(archive), stdout=StringIO())
    assert not archive.exists()
