"""Public list pages download as CSV and Excel (issue 14 item 3), through one helper
(pcplan.core.exports): the page links to its files, and a file holds what the page shows and
nothing a public page would not. Every URL with an `<export:fmt>` part is checked, so a list given a
download later is covered too."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import load_workbook

from pcplan.core.exports import FormatConverter
from pcplan.panel.models import Meeting
from tests.api.conftest import SECRET

pytestmark = pytest.mark.django_db


def download_names(patterns=None, namespace=""):
    names = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names += download_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and any(
            isinstance(c, FormatConverter)
            for c in getattr(entry.pattern, "converters", {}).values()
        ):
            names.append(namespace + str(entry.name))
    return sorted(set(names))


LIST_PAGES = {
    "transparency:decisions-download": "transparency:decisions",
    "panel:meetings-download": "panel:meetings",
    "panel:recommendations-download": "panel:recommendations",
    "grants:register-download": "grants:register",
}


def test_the_lists_that_download_are_found():
    assert set(LIST_PAGES) <= set(download_names())


def links(response):
    return set(re.findall(r'href="([^"]+)"', response.content.decode()))


def read_csv(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def read_xlsx(response):
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("name", download_names())
def test_no_download_holds_anything_a_public_page_would_not(client, planted_secrets, name):
    for fmt, read in (("csv", read_csv), ("xlsx", read_xlsx)):
        response = client.get(reverse(name, args=[fmt]))
        assert response.status_code == 200
        assert f".{fmt}" in response["Content-Disposition"]
        rows = read(response)
        assert len(rows) >= 2, f"{name}: the public record has one of these"
        assert SECRET not in repr(rows)


@pytest.mark.parametrize(("download", "page"), LIST_PAGES.items())
def test_a_list_page_links_to_its_files(client, public_record, download, page):
    served = client.get(reverse(page))
    hrefs = links(served)
    assert reverse(download, args=["csv"]) in hrefs
    assert reverse(download, args=["xlsx"]) in hrefs


def test_the_decisions_file_is_the_register(client, planted_secrets):
    rows = read_csv(client.get(reverse("transparency:decisions-download", args=["csv"])))
    assert rows[0][:3] == ["Number", "Date of decision", "Title"]
    assert [row[0] for row in rows[1:]] == ["2023/003", "2023/001"]
    assert rows[1][-1] == "Yes"  # part withheld, and only that said


def test_a_recommendation_response_is_in_the_file_once_published(client, planted_secrets):
    rows = read_xlsx(client.get(reverse("panel:recommendations-download", args=["xlsx"])))
    responses = sorted(row[-1] for row in rows[1:])
    assert responses == ["", "Agreed."]


def test_the_grants_register_file_holds_published_awards_only(client, planted_secrets):
    for fmt, read in (("csv", read_csv), ("xlsx", read_xlsx)):
        rows = read(client.get(reverse("grants:register-download", args=[fmt])))
        assert rows[0][:2] == ["Reference", "Decision date"]
        assert [row[0] for row in rows[1:]] == ["cf-001"]


def test_a_formula_in_a_title_stays_text(client, public_record):
    Meeting.objects.update(title='=HYPERLINK("http://evil.example")')
    rows = read_csv(client.get(reverse("panel:meetings-download", args=["csv"])))
    assert rows[1][2].startswith("'=")
