"""`pcplan import-police-data`: the real quirks of data.police.uk files, refusals, re-imports."""

from __future__ import annotations

import datetime as dt
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext

from pcplan.performance.importer import PoliceDataError, import_police_data
from pcplan.performance.models import (
    ImportRun,
    PoliceMonthlyCrime,
    PoliceMonthlyOutcome,
    PoliceMonthlyStopSearch,
)

JAN = dt.date(2024, 1, 1)
FEB = dt.date(2024, 2, 1)
STREET_JAN = "2024-01/2024-01-testshire-street.csv"


def crimes(**filters) -> int:
    return PoliceMonthlyCrime.objects.filter(**filters).aggregate(n=Sum("count"))["n"] or 0


def snapshot() -> list[tuple]:
    return sorted(
        PoliceMonthlyCrime.objects.values_list(
            "force", "month", "lsoa_code", "crime_type", "last_outcome_category", "count"
        )
    )


@pytest.mark.django_db
class TestQuirks:
    def test_a_folder_of_monthly_files_is_imported_as_monthly_aggregates(self, police_files):
        run, summary = import_police_data([police_files])
        assert run.file_count == 4
        assert run.rows == 9 + 4 + 4 + 3
        assert run.months == ["2024-01", "2024-02"]
        assert run.forces == ["testshire"]
        assert crimes(month=JAN) == 9
        assert crimes(month=FEB) == 4
        burglary = PoliceMonthlyCrime.objects.get(month=JAN, crime_type="Burglary")
        assert burglary.count == 2
        assert burglary.lsoa_code == "E01017972"
        assert burglary.lsoa_name == "Cambridge 007A"
        assert burglary.district == "Cambridge"
        assert burglary.last_outcome_category == "Investigation complete; no suspect identified"

    def test_anti_social_behaviour_with_blank_crime_id_and_outcome_is_counted(self, police_files):
        import_police_data([police_files])
        asb = PoliceMonthlyCrime.objects.get(month=JAN, crime_type="Anti-social behaviour")
        assert asb.count == 2
        assert asb.last_outcome_category == ""

    def test_rows_without_coordinates_or_lsoa_are_counted_with_a_blank_lsoa(self, police_files):
        import_police_data([police_files])
        row = PoliceMonthlyCrime.objects.get(month=JAN, crime_type="Violence and sexual offences")
        assert (row.lsoa_code, row.lsoa_name, row.district, row.count) == ("", "", "", 1)

    def test_a_crime_reported_by_another_force_counts_for_the_file_it_is_published_in(
        self, police_files
    ):
        import_police_data([police_files])
        row = PoliceMonthlyCrime.objects.get(month=JAN, crime_type="Theft from the person")
        assert row.force == "testshire"
        assert row.district == "Peterborough"

    def test_quoted_commas_in_location_do_not_shift_columns(self, police_files):
        import_police_data([police_files])
        row = PoliceMonthlyCrime.objects.get(month=JAN, crime_type="Vehicle crime")
        assert row.lsoa_name == "South Cambridgeshire 012C"
        assert row.district == "South Cambridgeshire"
        assert row.last_outcome_category == "Under investigation"

    def test_crlf_and_bom_file_and_plain_lf_file_both_read(self, police_files):
        assert (police_files / STREET_JAN).read_bytes().startswith(b"\xef\xbb\xbf")
        assert b"\r\n" in (police_files / STREET_JAN).read_bytes()
        assert b"\r\n" not in (police_files / "2024-02/2024-02-testshire-street.csv").read_bytes()
        import_police_data([police_files])
        assert crimes(month=JAN) == 9
        assert crimes(month=FEB) == 4

    def test_stop_and_search_is_aggregated_by_object_and_outcome(self, police_files):
        run, _ = import_police_data([police_files])
        rows = {
            (r.object_of_search, r.outcome): r.count
            for r in PoliceMonthlyStopSearch.objects.filter(month=JAN)
        }
        assert rows == {
            ("Controlled drugs", "A no further action disposal"): 1,
            ("Controlled drugs", "Arrest"): 1,
            ("Stolen goods", "Arrest"): 1,
            ("Offensive weapons", "A no further action disposal"): 1,
        }

    def test_a_search_dated_in_another_month_stays_in_its_files_month_and_is_reported(
        self, police_files
    ):
        run, _ = import_police_data([police_files])
        assert run.rows_dated_in_other_month == 1
        assert not PoliceMonthlyStopSearch.objects.exclude(month=JAN).exists()

    def test_outcomes_files_are_aggregated_by_outcome_type(self, police_files):
        import_police_data([police_files])
        assert PoliceMonthlyOutcome.objects.filter(month=JAN).aggregate(n=Sum("count"))["n"] == 3
        assert PoliceMonthlyOutcome.objects.get(outcome_type="Under investigation").district == (
            "South Cambridgeshire"
        )

    def test_a_single_file_can_be_imported(self, police_files):
        run, _ = import_police_data([police_files / STREET_JAN])
        assert run.file_count == 1
        assert crimes() == 9

    def test_the_downloaded_zip_archive_is_imported(self, police_files, tmp_path):
        archive = tmp_path / "download.zip"
        with zipfile.ZipFile(archive, "w") as z:
            for path in sorted(police_files.rglob("*.csv")):
                z.write(path, path.relative_to(police_files).as_posix())
        run, _ = import_police_data([archive])
        assert run.file_count == 4
        assert crimes(month=JAN) == 9
        assert run.files[0].startswith(str(archive) + ":")


@pytest.mark.django_db
class TestReimport:
    def test_a_first_load_leaves_the_dashboard_indexes_in_place(self, police_files):
        # On SQLite a load into empty tables drops the indexes and builds them at the end.
        import_police_data([police_files])
        for model in (PoliceMonthlyCrime, PoliceMonthlyOutcome, PoliceMonthlyStopSearch):
            with connection.cursor() as cursor:
                found = connection.introspection.get_constraints(cursor, model._meta.db_table)
            for index in model._meta.indexes:
                assert index.name in found, f"{index.name} missing after the import"
                assert found[index.name]["columns"] == index.fields

    def test_reimporting_the_same_files_changes_nothing(self, police_files):
        import_police_data([police_files])
        before = snapshot()
        import_police_data([police_files])
        assert snapshot() == before
        assert ImportRun.objects.count() == 2

    def test_reimporting_a_month_replaces_that_month_only(self, police_files, tmp_path):
        import_police_data([police_files])
        corrected = tmp_path / "corrected" / "2024-01"
        corrected.mkdir(parents=True)
        lines = (police_files / STREET_JAN).read_text(encoding="utf-8-sig").splitlines()
        (corrected / "2024-01-testshire-street.csv").write_text("\n".join(lines[:4]) + "\n")
        import_police_data([corrected / "2024-01-testshire-street.csv"])
        assert crimes(month=JAN) == 3
        assert crimes(month=JAN, crime_type="Shoplifting") == 0
        assert crimes(month=FEB) == 4
        assert PoliceMonthlyStopSearch.objects.filter(month=JAN).exists()

    def test_reimporting_a_month_deletes_its_rows_with_one_statement_without_reading_them(
        self, police_files
    ):
        """A force-month is thousands of aggregate rows: Django's delete read them all and
        sent two signals per row, which was a third of a re-import (issue 16)."""
        import_police_data([police_files / STREET_JAN])
        table = PoliceMonthlyCrime._meta.db_table
        with CaptureQueriesContext(connection) as queries:
            import_police_data([police_files / STREET_JAN])
        on_table = [q["sql"] for q in queries.captured_queries if table in q["sql"]]
        deletes = [sql for sql in on_table if sql.startswith("DELETE")]
        assert len(deletes) == 1, deletes
        reads_rows = [sql for sql in on_table if sql.startswith("SELECT") and '."id"' in sql]
        assert not reads_rows
        assert crimes(month=JAN) == 9


@pytest.mark.django_db
class TestRefusals:
    def refused(self, paths) -> PoliceDataError:
        import_police_data([Path(__file__).parent / "fixtures" / "police-uk"])
        before = snapshot()
        runs = ImportRun.objects.count()
        with pytest.raises(PoliceDataError) as info:
            import_police_data(paths)
        assert snapshot() == before, "a refused import changed the aggregates"
        assert ImportRun.objects.count() == runs
        return info.value

    def spoil(self, path: Path, old: str, new: str) -> None:
        data = path.read_bytes().decode("utf-8")
        assert old in data
        path.write_bytes(data.replace(old, new, 1).encode("utf-8"))

    def test_a_wrong_header_is_refused_naming_file_line_and_column(self, police_files):
        self.spoil(police_files / STREET_JAN, "Crime type", "Crime category")
        error = self.refused([police_files])
        assert error.file.endswith(STREET_JAN)
        assert (error.line, error.column) == (1, "10")
        assert 'expected "Crime type"' in str(error)

    def test_a_header_with_a_missing_column_is_refused(self, police_files):
        self.spoil(police_files / STREET_JAN, ",Context", "")
        error = self.refused([police_files])
        assert error.line == 1
        assert "11 columns, expected 12" in str(error)

    def test_an_unreadable_value_is_refused_naming_file_line_and_column(self, police_files):
        self.spoil(police_files / "2024-02/2024-02-testshire-street.csv", "0.26,", "east,")
        error = self.refused([police_files])
        assert error.file.endswith("2024-02-testshire-street.csv")
        assert error.line == 3
        assert error.column == "5 (Longitude)"
        assert "unreadable value" in str(error)

    def test_a_row_with_too_many_columns_is_refused_naming_its_line(self, police_files):
        self.spoil(police_files / STREET_JAN, "Shoplifting,Offender given a caution,", "x,y,z,w")
        error = self.refused([police_files])
        assert error.file.endswith(STREET_JAN)
        assert error.line == 10
        assert "wrong number of columns" in str(error)

    def test_a_row_with_too_few_columns_is_refused_naming_its_line(self, police_files):
        self.spoil(police_files / STREET_JAN, "Robbery,Awaiting court outcome,", "Robbery")
        error = self.refused([police_files])
        assert error.line == 9
        assert "wrong number of columns" in str(error)

    def test_an_unreadable_stop_and_search_date_is_refused(self, police_files):
        self.spoil(
            police_files / "2024-01/2024-01-testshire-stop-and-search.csv",
            "2024-01-05T22:30:00+00:00",
            "5th January",
        )
        error = self.refused([police_files])
        assert (error.line, error.column) == (3, "2 (Date)")

    def test_a_good_file_is_not_written_when_another_file_is_refused(self, police_files):
        self.spoil(police_files / "2024-02/2024-02-testshire-street.csv", "0.26,", "east,")
        # The January file (valid, with fewer rows) must not replace January either.
        (police_files / STREET_JAN).write_text(
            (police_files / STREET_JAN).read_text(encoding="utf-8-sig").splitlines()[0] + "\n"
        )
        self.refused([police_files])

    def test_a_file_not_named_as_published_is_refused(self, police_files):
        (police_files / "2024-01" / "crimes.csv").write_text("Crime ID\n")
        error = self.refused([police_files])
        assert "not a data.police.uk file name" in str(error)

    def test_the_same_force_month_and_kind_twice_is_refused(self, police_files, tmp_path):
        copy = tmp_path / "copy" / "2024-01-testshire-street.csv"
        copy.parent.mkdir()
        copy.write_bytes((police_files / STREET_JAN).read_bytes())
        error = self.refused([police_files, copy])
        assert "the same force, month and kind as" in str(error)

    def test_a_missing_path_is_refused(self, tmp_path):
        error = self.refused([tmp_path / "nowhere"])
        assert "no such file or folder" in str(error)

    def test_a_folder_without_police_files_is_refused(self, tmp_path):
        error = self.refused([tmp_path])
        assert "no data.police.uk CSV files found" in str(error)


@pytest.mark.django_db
def test_the_command_prints_a_summary_of_files_rows_months_and_forces(police_files):
    out = StringIO()
    call_command("import_police_data", str(police_files), stdout=out)
    text = out.getvalue()
    assert "Police data imported" in text
    assert "Files" in text and "4" in text
    assert "Rows" in text and "20" in text
    assert "2024-01, 2024-02" in text
    assert "testshire" in text


@pytest.mark.django_db
def test_the_command_refuses_a_bad_file_with_its_line_and_says_nothing_changed(police_files):
    path = police_files / STREET_JAN
    path.write_bytes(path.read_bytes().replace(b"Crime type", b"Type", 1))
    with pytest.raises(CommandError, match=r"Nothing was imported\. .*line 1, column 10"):
        call_command("import_police_data", str(police_files), stdout=StringIO())
    assert not PoliceMonthlyCrime.objects.exists()


@pytest.mark.django_db
def test_the_import_runs_with_the_cycle_collector_paused_and_turns_it_on_again(
    police_files, monkeypatch
):
    import gc

    from pcplan.performance.police import Reader

    seen = []
    read_batches = Reader.read_batches

    def watched(self, *args, **kwargs):
        seen.append(gc.isenabled())  # in the reading thread: the collector is the process's
        return read_batches(self, *args, **kwargs)

    monkeypatch.setattr(Reader, "read_batches", watched)
    import_police_data([police_files])
    assert seen == [False]
    assert gc.isenabled()
