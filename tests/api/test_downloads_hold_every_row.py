"""A download holds every row the filters leave, never a silently cut list (issue 14 item 3):
the CSV streams all of them; the Excel file holds all of them up to exports.XLSX_MAX_ROWS, and
past it is refused with the count and the CSV's address. Counted back from the real files."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from pcplan.core import exports
from pcplan.transparency.models import Decision

pytestmark = pytest.mark.django_db

# More than the 10,000 rows the downloads were once cut to.
MANY = 10_050


def decisions(count: int, start: int = 0) -> None:
    Decision.objects.bulk_create(
        Decision(
            number=f"D{n:06d}",
            decided_on=dt.date(2023, 1, 1) + dt.timedelta(days=n % 365),
            title=f"Decision {n}",
            summary="=1+1" if n == start else "Made.",
            is_published=True,
        )
        for n in range(start, start + count)
    )


def csv_rows(response) -> list[list[str]]:
    assert response.streaming
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def xlsx_rows(response) -> list[tuple]:
    return list(load_workbook(io.BytesIO(response.getvalue())).worksheets[0].values)


@pytest.mark.slow
def test_a_csv_download_holds_every_row_past_the_old_limit(client):
    decisions(MANY)
    page = csv_rows(client.get(reverse("transparency:decisions-download", args=["csv"])))
    assert len(page) == MANY + 1
    assert {row[page[0].index("Number")] for row in page[1:]} == {f"D{n:06d}" for n in range(MANY)}
    # The formula guard holds in the streamed file.
    assert "'=1+1" in {row[page[0].index("Summary")] for row in page[1:]}
    api = csv_rows(client.get(reverse("api:decision-list"), {"format": "csv"}))
    assert len(api) == MANY + 1
    assert len({row[api[0].index("id")] for row in api[1:]}) == MANY


def test_an_excel_download_holds_every_row_to_its_limit_and_past_it_says_how_many(
    client, monkeypatch
):
    monkeypatch.setattr(exports, "XLSX_MAX_ROWS", 40)
    decisions(40)
    url = reverse("transparency:decisions-download", args=["xlsx"])
    assert len(xlsx_rows(client.get(url, {"q": ""}))) == 41
    assert len(xlsx_rows(client.get(reverse("api:decision-list"), {"format": "xlsx"}))) == 41

    decisions(1, start=40)
    refused = client.get(url, {"q": ""})
    assert refused.status_code == 422
    page = refused.content.decode()
    assert "This list has 41 rows, more than the 40 an Excel download holds." in page
    csv_url = reverse("transparency:decisions-download", args=["csv"]) + "?q="
    assert f'href="{csv_url}"' in page
    assert len(csv_rows(client.get(csv_url))) == 42

    api = client.get(reverse("api:decision-list"), {"format": "xlsx"})
    assert api.status_code == 422
    error = api.json()["error"]
    assert error["code"] == "too_many_rows"
    assert "This list has 41 rows" in error["message"]
    assert "format=csv" in error["message"]


def test_a_list_that_is_not_a_queryset_is_refused_past_the_limit_too(monkeypatch):
    monkeypatch.setattr(exports, "XLSX_MAX_ROWS", 3)
    columns = [exports.Column("n", lambda n: n)]
    assert len(load_workbook(io.BytesIO(exports.as_xlsx(columns, range(3), "s"))).active["A"]) == 4
    with pytest.raises(exports.TooManyRows):
        exports.as_xlsx(columns, iter(range(4)), "s")


def test_a_csv_download_reads_a_fixed_number_of_queries_per_chunk(client, monkeypatch):
    """Streamed in chunks: the queries grow with the chunks read, never with the rows."""
    monkeypatch.setattr(exports, "CHUNK_ROWS", 50)

    def queries(url, params=None):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params or {})
            rows = csv_rows(response)
        return len(captured), len(rows) - 1

    decisions(50)
    page = reverse("transparency:decisions-download", args=["csv"])
    api = reverse("api:decision-list")
    few = queries(page), queries(api, {"format": "csv"})
    decisions(49, start=50)
    more = queries(page), queries(api, {"format": "csv"})
    assert [q for q, _rows in more] == [q for q, _rows in few]
    assert [rows for _q, rows in more] == [99, 99]
