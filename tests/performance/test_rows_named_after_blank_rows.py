"""Every importer reading through `uploads.read_rows` names a problem's row as the file numbers
it, blank rows counted: the row the officer sees in the spreadsheet program (issue 12, "every
error naming row and column"; the uploads and the Delivery Plan spreadsheet share the rule)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import Workbook

from pcplan.delivery import spreadsheet
from pcplan.performance import populations, published, uploads

TODAY = dt.date(2025, 6, 1)


def as_file(rows: list[list[object]], name: str) -> io.BytesIO:
    if name.endswith(".csv"):
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        return io.BytesIO(out.getvalue().encode())
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row or [None])
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    return stream


def test_the_rows_that_hold_something_keep_their_numbers_in_the_file():
    rows: list[list[object]] = [["A", "B"], ["1", "2"], [], ["", "  "], [None, None], [0], ["x"]]
    filled = uploads.filled_rows(rows)
    assert filled.rows == [["A", "B"], ["1", "2"], [0], ["x"]]
    assert list(filled.numbers) == [1, 2, 6, 7]
    assert list(filled.body()) == [(2, ["1", "2"]), (6, [0]), (7, ["x"])]


@pytest.mark.parametrize("name", ["observations.csv", "observations.xlsx"])
def test_an_observation_after_blank_rows_is_named_by_its_row_in_the_file(name):
    rows: list[list[object]] = [
        ["Granularity", "Period start", "Value"],
        ["month", "2024-01", "5"],
        [],
        ["", "", ""],
        ["fortnight", "2024-02", "6"],
    ]
    with pytest.raises(uploads.UploadError) as refused:
        uploads.parse(name, as_file(rows, name), today=TODAY)
    assert refused.value.problems == ["Row 5, column Granularity: enter month, quarter or year"]


@pytest.mark.parametrize("name", ["populations.csv", "populations.xlsx"])
def test_a_population_after_blank_rows_is_named_by_its_row_in_the_file(name):
    rows: list[list[object]] = [
        ["Area", "Group", "Population", "Source", "Year"],
        [],
        ["Atlantis", "", "100", "Census", "2021"],
    ]
    with pytest.raises(uploads.UploadError) as refused:
        populations.parse(name, as_file(rows, name), ["Cambridge"])
    assert refused.value.problems[0].startswith("Row 3, column Area"), refused.value.problems


@pytest.mark.parametrize("name", ["figures.csv", "figures.xlsx"])
def test_a_published_figure_after_blank_rows_is_named_by_its_row_in_the_file(name):
    header = [c.capitalize() for c in published.REQUIRED]
    rows: list[list[object]] = [header, [], [], ["nonsense"] * len(header)]
    with pytest.raises(uploads.UploadError) as refused:
        published.parse(name, as_file(rows, name))
    assert refused.value.problems[0].startswith("Row 4, column "), refused.value.problems


@pytest.mark.django_db
def test_a_delivery_plan_row_after_blank_rows_is_named_by_its_row_in_the_file(plan):
    rows = list(csv.reader(io.StringIO(spreadsheet.export_csv(plan).decode("utf-8-sig"))))
    rows += [[], ["", "No such theme", "A title", "", "Not started", ""]]
    with pytest.raises(spreadsheet.ImportRefused) as refused:
        spreadsheet.read_changes(plan, "plan.csv", io.BytesIO(_csv(rows)))
    assert any(p.startswith(f"Row {len(rows)}, column ") for p in refused.value.problems), (
        refused.value.problems
    )


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()
