"""On PostgreSQL the aggregates pass from DuckDB to COPY through a pipe, both at once
(pcplan.performance.importer._copy_through_a_pipe, issue 16's "within 2x of the loader"). A
failure on either side ends the other, raises, and leaves what was stored as it was: the import
is one transaction."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.db.models import Sum

from pcplan.performance import police
from pcplan.performance.importer import import_police_data
from pcplan.performance.models import ImportRun, PoliceMonthlyCrime

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite is written by batches"),
]


def pcplan_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("pcplan-police-")]


def test_every_row_goes_through_the_pipe(police_files):
    run, _summary = import_police_data([police_files])
    assert PoliceMonthlyCrime.objects.aggregate(n=Sum("count"))["n"] == 9 + 4  # two months
    assert run.rows == 20 and not pcplan_threads()


def test_duckdb_failing_part_way_aborts_the_copy_and_stores_nothing(police_files, monkeypatch):
    real = police.Reader.write_csv

    def fails_after_writing(self, batch, path):
        real(self, batch, path)
        raise OSError("disk full")

    monkeypatch.setattr(police.Reader, "write_csv", fails_after_writing)
    with pytest.raises(OSError, match="disk full"):
        import_police_data([police_files])
    assert not PoliceMonthlyCrime.objects.exists() and not ImportRun.objects.exists()
    assert not pcplan_threads()


def test_the_server_refusing_the_copy_ends_the_writer(police_files, monkeypatch):
    real = police.Reader.write_csv

    def writes_a_bad_row_first(self, batch, path):
        with open(path, "w") as pipe:  # noqa: PTH123 - the pipe's own end
            pipe.write("not,a,row\n")
            pipe.flush()
            real(self, batch, path)

    monkeypatch.setattr(police.Reader, "write_csv", writes_a_bad_row_first)
    with pytest.raises(Exception, match="(?i)invalid|missing data|copy"):
        import_police_data([police_files])
    assert not PoliceMonthlyCrime.objects.exists() and not ImportRun.objects.exists()
    assert not pcplan_threads()
