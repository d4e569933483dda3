"""DuckDB reads the police files a batch at a time in a thread while the batches read before
are written, all inside the import's one transaction (issue 16: the ingest within 2x of the
database's own loader). A file refused after others were written still changes nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pcplan.performance import police
from pcplan.performance.importer import PoliceDataError, Progress, import_police_data
from pcplan.performance.models import (
    ImportRun,
    PoliceMapPoint,
    PoliceMonthlyCrime,
    PoliceMonthlyOutcome,
    PoliceMonthlyStopSearch,
)

STREET_JAN = "2024-01/2024-01-testshire-street.csv"
STREET_FEB = "2024-02/2024-02-testshire-street.csv"
STOPS_JAN = "2024-01/2024-01-testshire-stop-and-search.csv"
FILES = 4  # in the fixture folder: two street files, one outcomes, one stop and search


@pytest.fixture
def one_file_per_batch(monkeypatch) -> None:
    """Each street and outcomes file read, then written, on its own: five batches (January's
    street, February's, the new map points, the outcomes, the stop and search)."""
    monkeypatch.setattr(police, "FILES_PER_QUERY", 1)
    monkeypatch.setattr(police, "BATCH_FILES", 1)


def stored() -> dict[str, list[tuple]]:
    """Every row the import stores, without ids."""
    return {
        model.__name__: sorted(
            model._default_manager.values_list(
                *[f.name for f in model._meta.concrete_fields if f.name != "id"]
            )
        )
        for model in (PoliceMonthlyCrime, PoliceMonthlyOutcome, PoliceMonthlyStopSearch)
    } | {"points": sorted(PoliceMapPoint.objects.values_list("force", "latitude", "longitude"))}


def reading_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name == "pcplan-police-read"]


def spoil(path: Path, old: str, new: str) -> None:
    text = path.read_bytes().decode("utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode("utf-8"))


class Watched(Progress):
    def __init__(self) -> None:
        self.read = 0
        self.totals: list[int] = []
        self.written = 0
        self.first_write = threading.Event()
        self.written_while_reading = False

    def files_read(self, n: int) -> None:
        self.read += n
        if self.read == FILES:
            # The last file: the batches read before it are written meanwhile, not after.
            self.written_while_reading = self.first_write.wait(timeout=10)

    def writing(self, total_rows: int) -> None:
        self.totals.append(total_rows)

    def rows_written(self, n: int) -> None:
        self.written += n
        self.first_write.set()


@pytest.mark.django_db
def test_the_first_batches_are_written_before_the_last_file_is_read(
    police_files, one_file_per_batch
):
    progress = Watched()
    import_police_data([police_files], progress=progress)
    assert progress.written_while_reading
    assert not reading_threads()


@pytest.mark.django_db
def test_the_rows_to_write_grow_with_each_batch_and_add_up_to_what_is_stored(
    police_files, one_file_per_batch
):
    progress = Watched()
    run, summary = import_police_data([police_files], progress=progress)
    assert len(progress.totals) == 5 and progress.totals == sorted(set(progress.totals))
    assert progress.totals[-1] == progress.written == run.aggregate_rows + summary.new_map_points
    assert progress.written == sum(len(rows) for rows in stored().values())


@pytest.mark.django_db
def test_read_a_file_at_a_time_the_same_rows_are_stored_as_read_all_at_once(
    police_files, monkeypatch
):
    """Searches are still placed among every street point, the later batches' included."""
    import_police_data([police_files])
    all_at_once = stored()
    for model in (
        PoliceMonthlyCrime,
        PoliceMonthlyOutcome,
        PoliceMonthlyStopSearch,
        PoliceMapPoint,
        ImportRun,
    ):
        model._default_manager.all().delete()
    monkeypatch.setattr(police, "FILES_PER_QUERY", 1)
    monkeypatch.setattr(police, "BATCH_FILES", 1)
    import_police_data([police_files])
    assert stored() == all_at_once
    placed = {row[2] for row in all_at_once["PoliceMonthlyStopSearch"]}
    assert placed - {""}  # some searches were placed in a district


@pytest.mark.django_db
def test_a_file_refused_when_read_after_others_were_written_changes_nothing(
    police_files, one_file_per_batch
):
    import_police_data([police_files])
    before, runs = stored(), ImportRun.objects.count()
    spoil(police_files / STREET_JAN, "Burglary", "Robbery")  # January's street file changes
    spoil(police_files / STOPS_JAN, "2024-01-05T22:30:00+00:00", "5th January")
    progress = Watched()
    with pytest.raises(PoliceDataError) as refused:
        import_police_data([police_files], progress=progress)
    assert refused.value.file.endswith(STOPS_JAN)
    assert (refused.value.line, refused.value.column) == (3, "2 (Date)")
    assert progress.written  # the street files were written before the refusal
    assert stored() == before and ImportRun.objects.count() == runs
    assert not reading_threads()


@pytest.mark.django_db
def test_an_empty_file_over_a_loaded_month_in_a_later_batch_changes_nothing(
    police_files, one_file_per_batch
):
    import_police_data([police_files])
    before = stored()
    spoil(police_files / STREET_JAN, "Burglary", "Robbery")
    feb = police_files / STREET_FEB
    feb.write_text(feb.read_text(encoding="utf-8-sig").splitlines()[0] + "\n", encoding="utf-8")
    progress = Watched()
    with pytest.raises(PoliceDataError, match="has a header and no rows") as refused:
        import_police_data([police_files], progress=progress)
    assert refused.value.file.endswith(STREET_FEB)
    assert progress.written  # January's street file was written before the refusal
    assert stored() == before
    assert not reading_threads()


@pytest.mark.django_db
def test_only_the_months_loaded_before_the_import_are_deleted(police_files, one_file_per_batch):
    """Once a first load has dropped a table's indexes, a DELETE reads the whole table: a
    national load of 22 batches spent 86 s deleting nothing from what it had just written."""
    import_police_data([police_files / STREET_JAN])
    table = PoliceMonthlyCrime._meta.db_table
    with CaptureQueriesContext(connection) as queries:
        import_police_data([police_files])
    deletes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("DELETE")]
    on_table = [sql for sql in deletes if table in sql]
    assert len(on_table) == 1 and "2024-01-01" in on_table[0] and "2024-02-01" not in on_table[0]
    assert PoliceMonthlyCrime.objects.filter(month="2024-02-01").exists()


def test_the_command_lines_writing_bar_grows_as_more_files_are_read():
    from io import StringIO

    from rich.console import Console
    from rich.progress import Progress as Bars

    from pcplan.performance.management.commands.import_police_data import RichProgress

    with Bars(console=Console(file=StringIO())) as bars:
        progress = RichProgress(bars)
        progress.writing(10)
        progress.rows_written(10)
        progress.writing(25)
        (task,) = bars.tasks
        assert (task.description, task.total, task.completed) == ("Writing aggregates", 25, 10)


@pytest.mark.django_db
def test_the_background_job_says_what_it_writes_of_the_rows_known_so_far():
    from pcplan.core.models import BackgroundJob
    from pcplan.performance.tasks import JobProgress

    job = BackgroundJob.objects.create(title="Importing police data")
    progress = JobProgress(job)
    progress.writing(10)
    job.refresh_from_db()
    assert job.progress == "Writing the monthly figures"
    progress.rows_written(10)
    progress.writing(25)  # more files read: not said again, counted from the next rows
    job.refresh_from_db()
    assert job.progress == "Writing the monthly figures: 10 of 10"
    progress.rows_written(5)
    job.refresh_from_db()
    assert job.progress == "Writing the monthly figures: 15 of 25"
