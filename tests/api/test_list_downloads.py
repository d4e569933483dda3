"""List pages download as CSV and Excel (issue 14 item 3), through one helper
(pcplan.core.exports): the page links to its files, and a file holds what the page shows. A
public file holds nothing a public page would not; a staff file (for signed-in staff only) may
hold drafts, each marked. Every URL with an `<export:fmt>` part is checked, so a list given a
download later is covered too: it must answer anyone, or be named in STAFF_LIST_PAGES."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from openpyxl import load_workbook

from pcplan.core.exports import FormatConverter
from pcplan.delivery.models import Deliverable
from pcplan.delivery.rules import Status
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
    "public:delivery-plan-download": "public:plan",
    "performance:measures-download": "performance:dashboard",
    "engagement:public-consultations-download": "engagement:public-home",
    "grants:register-download": "grants:register",
}
# Downloads of staff lists: drafts included, marked "No (draft)" in their Published column.
STAFF_LIST_PAGES = {
    "delivery:deliverables-download": "delivery:deliverable-list",
    "performance:staff-measures-download": "performance:staff-dashboard",
    "engagement:consultations-download": "engagement:staff-home",
}


def public_plan_key():
    return Deliverable.objects.get(title="Serious Violence Strategy").theme.plan.key


def url(name, *args):
    """The list's address: with the public plan's key where the list is of one plan."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return reverse(name, args=[public_plan_key(), *args])


def test_the_lists_that_download_are_found():
    assert set(LIST_PAGES) | set(STAFF_LIST_PAGES) <= set(download_names())


def links(response):
    return set(re.findall(r'href="([^"]+)"', response.content.decode()))


def read_csv(response):
    text = response.getvalue().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def read_xlsx(response):
    sheet = load_workbook(io.BytesIO(response.getvalue())).worksheets[0]
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("name", download_names())
def test_no_download_holds_anything_a_public_page_would_not(client, planted_secrets, name):
    for fmt, read in (("csv", read_csv), ("xlsx", read_xlsx)):
        response = client.get(url(name, fmt))
        if name in STAFF_LIST_PAGES:
            assert response.status_code == 302, f"{name}: staff only"
            continue
        assert response.status_code == 200
        assert f".{fmt}" in response["Content-Disposition"]
        rows = read(response)
        assert len(rows) >= 2, f"{name}: the public record has one of these"
        assert SECRET not in repr(rows)


@pytest.mark.parametrize("name", STAFF_LIST_PAGES)
def test_a_staff_download_marks_every_draft_it_holds(client, planted_secrets, editor, name):
    client.force_login(editor)
    for fmt, read in (("csv", read_csv), ("xlsx", read_xlsx)):
        response = client.get(url(name, fmt))
        assert response.status_code == 200
        rows = read(response)
        assert "Published" in rows[0]
        secret_rows = [row for row in rows if SECRET in repr(row)]
        assert secret_rows, f"{name}: staff files hold drafts"
        for row in secret_rows:
            assert "No (draft)" in row, row
        assert any(row[rows[0].index("Published")] == "Yes" for row in rows[1:])


@pytest.mark.parametrize(("download", "page"), [*LIST_PAGES.items(), *STAFF_LIST_PAGES.items()])
def test_a_list_page_links_to_its_files(client, public_record, editor, download, page):
    if download in STAFF_LIST_PAGES:
        client.force_login(editor)
    served = client.get(url(page))
    assert served.status_code == 200
    hrefs = links(served)
    assert url(download, "csv") in hrefs
    assert url(download, "xlsx") in hrefs


def test_the_delivery_plan_file_has_the_list_filters(client, planted_secrets, editor):
    client.force_login(editor)
    Deliverable.objects.filter(title="Serious Violence Strategy").update(status=Status.COMPLETED)
    page = url("delivery:deliverable-list")
    served = client.get(page, {"status": "completed"})
    hrefs = links(served)
    csv_url = url("delivery:deliverables-download", "csv") + "?status=completed"
    assert csv_url in {h.replace("&amp;", "&") for h in hrefs}
    rows = read_csv(client.get(csv_url))
    assert [row[2] for row in rows[1:]] == ["Serious Violence Strategy"]


def test_the_public_delivery_plan_file_has_each_deliverables_latest_published_update(
    client, planted_secrets
):
    rows = read_csv(client.get(url("public:delivery-plan-download", "csv")))
    heading = rows[0]
    row = rows[1]
    assert row[heading.index("Title")] == "Serious Violence Strategy"
    assert row[heading.index("Latest update date")] == "2023-03-15"
    assert SECRET not in row[heading.index("Latest update")]


def test_the_measures_file_has_each_observation(client, planted_secrets):
    rows = read_xlsx(client.get(url("performance:measures-download", "xlsx")))
    heading = rows[0]
    observed = [row for row in rows[1:] if row[heading.index("Slug")] == "victim-satisfaction"]
    assert len(observed) == 1
    assert observed[0][heading.index("Value")] == "81.5"
    assert observed[0][heading.index("Area")] == "Whole force area"


def test_a_download_takes_the_worst_values_the_fields_accept(client, public_record):
    worst = '=HYPERLINK("http://evil.example")' + 'é£\n",' * 40
    urls = {fmt: url("public:delivery-plan-download", fmt) for fmt in ("csv", "xlsx")}
    Deliverable.objects.filter(title="Serious Violence Strategy").update(
        purpose=worst, title=worst[:300]
    )
    for fmt, read in (("csv", read_csv), ("xlsx", read_xlsx)):
        rows = read(client.get(urls[fmt]))
        heading = rows[0]
        purpose = rows[1][heading.index("Purpose")]
        assert purpose == "'" + worst


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
