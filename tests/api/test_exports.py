"""Every public list of the API downloads as CSV and Excel with its filters applied
(issue 14 item 3, for the API's lists)."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pcplan.api import urls as api_urls
from tests.api.conftest import SECRET
from tests.factories import DeliverableFactory

pytestmark = pytest.mark.django_db


def test_the_deliverables_download_as_csv_with_the_filters_applied(
    client, public_record, csp_deliverable
):
    DeliverableFactory(
        theme=csp_deliverable.theme, title="=HYPERLINK(evil)", lead=csp_deliverable.lead
    )
    response = client.get(
        reverse("api:deliverable-list"),
        {"format": "csv", "lead": "safer-peterborough-partnership"},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="deliverable.csv"'
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:3] == ["id", "plan", "plan_key"]
    titles = {row[rows[0].index("title")] for row in rows[1:]}
    assert titles == {"Safer Communities Fund bids", "'=HYPERLINK(evil)"}


@pytest.mark.parametrize(
    "basename", [basename for _p, _v, basename in api_urls.public_router.registry]
)
def test_every_public_list_downloads_as_excel_without_a_planted_secret(
    client, planted_secrets, basename
):
    response = client.get(reverse(f"api:{basename}-list"), {"format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert len(list(sheet.iter_rows())) >= 2
    assert not [c for c in cells if SECRET in c]
