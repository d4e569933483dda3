"""Observation uploads: every row of an xlsx is read, and large files and bombs are refused
before they are parsed."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from openpyxl import Workbook

from pcplan.performance import uploads
from pcplan.performance.models import Measure, Observation
from pcplan.performance.uploads import UploadError, parse

TODAY = dt.date(2025, 6, 1)


def upload_url(measure: Measure) -> str:
    return f"/staff/performance/measures/{measure.pk}/observations/upload/"


def monthly_rows(count: int) -> list[list]:
    rows: list[list] = [["Granularity", "Period start", "Value"]]
    for index in range(count):
        year, month = divmod(index, 12)
        rows.append(["month", f"{2020 + year}-{month + 1:02d}", index])
    return rows


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_dimension(data: bytes, ref: str) -> bytes:
    """The same workbook with the sheet's <dimension> tag rewritten inside the zip."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content, changed = re.subn(
                    rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), content
                )
                assert changed == 1
            out.writestr(item, content)
    return target.getvalue()


def test_an_xlsx_whose_dimension_understates_the_sheet_is_read_to_its_last_row():
    data = with_dimension(xlsx_bytes(monthly_rows(30)), "A1:C5")
    rows = parse("observations.xlsx", io.BytesIO(data), today=TODAY)
    assert len(rows) == 30
    assert rows[-1].row == 31


def test_an_xlsx_with_more_rows_than_the_limit_is_refused_whatever_its_dimension(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ROWS", 10)
    data = with_dimension(xlsx_bytes(monthly_rows(40)), "A1:C2")
    with pytest.raises(UploadError, match="more than 10 rows"):
        parse("observations.xlsx", io.BytesIO(data), today=TODAY)


def test_an_xlsx_with_a_cell_far_to_the_right_is_refused():
    rows = monthly_rows(2)
    rows[1] += [None] * 500 + ["x"]
    with pytest.raises(UploadError, match="more than .* columns"):
        parse("observations.xlsx", io.BytesIO(xlsx_bytes(rows)), today=TODAY)


def test_an_xlsx_bomb_is_refused_before_it_is_parsed(monkeypatch):
    # A sheet of one repeated row compresses far better than any real workbook.
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml", "<Types/>")
        out.writestr("xl/worksheets/sheet1.xml", b"<row><c><v>1</v></c></row>" * 2_000_000)
    data = target.getvalue()
    assert len(data) < 1_000_000

    def never(*args, **kwargs):
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr("openpyxl.load_workbook", never)
    with pytest.raises(UploadError, match="compressed"):
        parse("bomb.xlsx", io.BytesIO(data), today=TODAY)


class Unreadable(io.BytesIO):
    """A file that fails the test if it is read whole."""

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            raise AssertionError("the whole file was read")
        return super().read(size)


@override_settings(PCPLAN_MAX_UPLOAD_BYTES=1_000)
def test_a_file_over_the_size_limit_is_refused_without_being_read():
    stream = Unreadable(b"Granularity,Period start,Value\n" + b"month,2024-01,1\n" * 200)
    with pytest.raises(UploadError, match="larger than"):
        parse("observations.csv", stream, today=TODAY)


def test_the_upload_limit_defaults_to_ten_megabytes(settings):
    assert settings.PCPLAN_MAX_UPLOAD_BYTES == 10 * 1024 * 1024


@pytest.fixture
def satisfaction(national_measures):
    return Measure.objects.get(key="improve-victim-satisfaction")


@pytest.mark.django_db
@override_settings(PCPLAN_MAX_UPLOAD_BYTES=1_000)
def test_an_upload_over_the_limit_shows_a_govuk_error_and_saves_nothing(
    client_for, editor, satisfaction
):
    text = "Granularity,Period start,Value\n" + "month,2024-01,1\n" * 200
    upload = SimpleUploadedFile("observations.csv", text.encode(), content_type="text/csv")
    response = client_for(editor).post(upload_url(satisfaction), {"file": upload})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert "larger than" in response.content.decode()
    assert not Observation.objects.exists()


def test_an_xlsx_whose_dimension_declares_too_many_rows_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ROWS", 10)
    data = with_dimension(xlsx_bytes(monthly_rows(3)), "A1:C1048576")
    with pytest.raises(UploadError, match="more than 10 rows"):
        parse("observations.xlsx", io.BytesIO(data), today=TODAY)
