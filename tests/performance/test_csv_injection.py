"""CSV downloads cannot carry a formula into a spreadsheet (OWASP CSV injection guidance)."""

from __future__ import annotations

import csv
import io

import pytest

from pcplan.lib.spreadsheet import csv_safe
from pcplan.performance.models import Measure
from tests.performance.test_observations import date_fields, new_url


@pytest.mark.django_db
def test_a_measure_named_as_a_formula_downloads_as_text_not_a_formula(client, client_for, editor):
    staff = client_for(editor)
    response = staff.post(
        "/staff/performance/measures/new/",
        {
            "name": '=HYPERLINK("http://x")',
            "unit": "@crimes",
            "direction": "lower",
            "is_summed": "on",
            "baseline_value": "-5",
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()
    measure = Measure.objects.get(name='=HYPERLINK("http://x")')
    response = staff.post(
        new_url(measure),
        {"granularity": "month", "value": "-3"} | date_fields("period_start", "1", "1", "2024"),
    )
    assert response.status_code == 302

    client.logout()
    download = client.get(f"/performance/{measure.key}.csv")
    assert download.status_code == 200
    rows = list(csv.reader(io.StringIO(download.content.decode())))
    assert rows[1][0] == '\'=HYPERLINK("http://x")'
    assert rows[1][3] == "2024-01-01"
    # Numbers stay numbers: a negative value is not a formula.
    assert rows[1][4] == "-3.00"
    assert rows[1][6] == "-5.00"


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+44 1223", "'+44 1223"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Cycle theft", "Cycle theft"),
        ("", ""),
        (-2, -2),
    ],
)
def test_cells_that_a_spreadsheet_would_read_as_a_formula_are_prefixed(cell, safe):
    assert csv_safe(cell) == safe
