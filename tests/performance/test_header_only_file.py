"""A data.police.uk file with a header and no rows must not wipe a month already loaded."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pcplan.performance.importer import PoliceDataError, import_police_data
from pcplan.performance.models import ImportRun, PoliceMonthlyCrime

JAN = dt.date(2024, 1, 1)


def new_jan(tmp_path: Path) -> Path:
    return tmp_path / "new" / "2024-01-testshire-street.csv"


STREET_JAN = "2024-01/2024-01-testshire-street.csv"


def header_only(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    header = source.read_text(encoding="utf-8-sig").splitlines()[0]
    target.write_text(header + "\n", encoding="utf-8")
    return target


@pytest.mark.django_db
def test_a_header_only_file_for_a_loaded_month_is_refused_naming_the_file(police_files, tmp_path):
    import_police_data([police_files])
    before = PoliceMonthlyCrime.objects.filter(month=JAN).count()
    assert before
    empty = header_only(
        police_files / STREET_JAN, tmp_path / "new" / "2024-01-testshire-street.csv"
    )
    with pytest.raises(CommandError) as info:
        call_command("import_police_data", str(empty), stdout=StringIO())
    message = str(info.value)
    assert "Nothing was imported" in message
    assert str(empty) in message
    assert "no rows" in message
    assert "--allow-empty" in message
    assert PoliceMonthlyCrime.objects.filter(month=JAN).count() == before
    assert ImportRun.objects.count() == 1


@pytest.mark.django_db
def test_a_header_only_file_beside_good_files_writes_nothing(police_files, tmp_path):
    import_police_data([police_files])
    before = PoliceMonthlyCrime.objects.count()
    header_only(police_files / STREET_JAN, police_files / STREET_JAN)
    with pytest.raises(PoliceDataError) as info:
        import_police_data([police_files])
    assert info.value.file.endswith(STREET_JAN)
    assert PoliceMonthlyCrime.objects.count() == before


@pytest.mark.django_db
def test_allow_empty_replaces_a_loaded_month_with_nothing(police_files, tmp_path):
    import_police_data([police_files])
    empty = header_only(
        police_files / STREET_JAN, tmp_path / "new" / "2024-01-testshire-street.csv"
    )
    call_command("import_police_data", str(empty), "--allow-empty", stdout=StringIO())
    assert not PoliceMonthlyCrime.objects.filter(month=JAN).exists()
    assert PoliceMonthlyCrime.objects.filter(month=dt.date(2024, 2, 1)).exists()


@pytest.mark.django_db
def test_a_header_only_file_for_a_month_not_loaded_is_accepted(police_files, tmp_path):
    empty = header_only(
        police_files / STREET_JAN, tmp_path / "new" / "2024-01-testshire-street.csv"
    )
    run, summary = import_police_data([empty])
    assert run.rows == 0
    assert not PoliceMonthlyCrime.objects.exists()


@pytest.mark.django_db
def test_a_header_only_real_october_file_does_not_wipe_october(shared_police_data, tmp_path):
    real = shared_police_data / "2024-10" / "2024-10-cambridgeshire-street.csv"
    import_police_data([real])
    loaded = PoliceMonthlyCrime.objects.filter(month=dt.date(2024, 10, 1)).count()
    assert loaded
    empty = header_only(real, tmp_path / "2024-10-cambridgeshire-street.csv")
    with pytest.raises(PoliceDataError, match="no rows"):
        import_police_data([empty])
    assert PoliceMonthlyCrime.objects.filter(month=dt.date(2024, 10, 1)).count() == loaded
