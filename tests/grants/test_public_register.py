"""The public grants register (SI 2011/3050 Sch. para 3): decided and published awards only,
with totals equal to the sum of the awards, CSV and Excel, and a fixed number of queries."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern
from openpyxl import load_workbook

from pcplan.grants import services
from pcplan.grants.models import Award, Fund
from pcplan.grants.views import public
from tests.factories import PlanFactory, ThemeFactory
from tests.grants.conftest import make_award

pytestmark = pytest.mark.django_db

PUBLIC_ROUTES = [
    ("grants:register", []),
    ("grants:register-download", ["csv"]),
    ("grants:register-download", ["xlsx"]),
]


def body(response) -> str:
    if response["Content-Type"].startswith("application/vnd.openxml"):
        book = load_workbook(io.BytesIO(response.getvalue()))
        return "\n".join(
            " ".join("" if c is None else str(c) for c in row)
            for row in book.active.iter_rows(values_only=True)
        )
    return response.getvalue().decode("utf-8-sig")


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


@pytest.fixture
def planted(fund, csp, csp_user, csp_area, editor):
    """A published award, a draft award, an undecided bid, a declined bid, and
    a bid awarded and published: the planted words and contact details must not show."""
    make_award(
        fund, csp, reference="shown", amount="1500.00", area=csp_area, purpose="Taxi marshals"
    )
    make_award(fund, csp, reference="draft", purpose="SECRET draft award", published=False)
    services.submit_application(
        csp_user,
        fund,
        title="SECRET undecided bid",
        amount=Decimal("300"),
        contact_name="SECRET Contact Person",
        contact_email="secret-person@example.org",
        on=dt.date(2022, 6, 1),
    )
    declined = services.submit_application(
        csp_user,
        fund,
        title="SECRET declined bid",
        amount=Decimal("100"),
        contact_name="SECRET Contact Person",
        contact_email="secret-person@example.org",
        contact_phone="07700 900123",
        on=dt.date(2022, 6, 1),
    )
    services.decide_application(
        editor,
        declined,
        award=False,
        decision_number="D-9",
        decision_date=dt.date(2022, 7, 2),
        decision_maker="Commissioner",
        reasons="SECRET decline reasons",
    )
    awarded_bid = services.submit_application(
        csp_user,
        fund,
        title="Portable outdoor lights",
        amount=Decimal("200"),
        contact_name="SECRET Contact Person",
        contact_email="secret-person@example.org",
        on=dt.date(2022, 6, 1),
    )
    # Awarded from a bid with contact details, and published: the award shows, the contact not.
    awarded = services.decide_application(
        editor,
        awarded_bid,
        award=True,
        decision_number="D-10",
        decision_date=dt.date(2022, 7, 3),
        decision_maker="Commissioner",
        reasons="Meets the criteria.",
    )
    services.publish_award(editor, awarded, True)
    return awarded


@pytest.mark.parametrize(("route", "args"), PUBLIC_ROUTES)
def test_no_public_route_shows_a_draft_bid_decline_or_contact_detail(client, planted, route, args):
    response = client.get(reverse(route, args=args))
    assert response.status_code == 200
    text = body(response)
    assert "Taxi marshals" in text
    assert "Portable outdoor lights" in text
    assert "SECRET" not in text
    assert "secret-person@example.org" not in text
    assert "07700 900123" not in text


def test_the_public_award_and_its_decision_show_no_bid_decline_or_contact_detail(client, planted):
    """The award's own page and the decision that made it, the new public routes."""
    for url in [
        reverse("grants:public-award", args=[planted.reference]),
        reverse("transparency:decision", args=[planted.decision.pk]),
        reverse("transparency:decisions"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        text = body(response)
        assert "SECRET" not in text
        assert "secret-person@example.org" not in text
        assert "07700 900123" not in text
    page = body(client.get(reverse("grants:public-award", args=[planted.reference])))
    assert "Portable outdoor lights" in page
    assert reverse("transparency:decision", args=[planted.decision.pk]) in page


def test_an_unpublished_award_and_its_decision_are_not_found(client, fund, csp):
    draft = make_award(fund, csp, reference="draft", purpose="SECRET draft", published=False)
    assert client.get(reverse("grants:public-award", args=["draft"])).status_code == 404
    assert client.get(reverse("transparency:decision", args=[draft.decision.pk])).status_code == 404


def test_a_public_decision_links_only_to_its_published_awards(client, fund, csp):
    shown = make_award(fund, csp, reference="shown", purpose="Taxi marshals")
    hidden = make_award(fund, csp, reference="hidden", purpose="SECRET", published=False)
    hidden.decision = shown.decision
    hidden.save()
    text = body(client.get(reverse("transparency:decision", args=[shown.decision.pk])))
    assert reverse("grants:public-award", args=["shown"]) in text
    assert reverse("grants:public-award", args=["hidden"]) not in text


def test_the_register_totals_equal_the_sum_of_published_awards(client, fund, csp):
    for n, amount in enumerate(["0.10", "0.20", "4999.70"]):
        make_award(fund, csp, reference=f"a{n}", amount=amount)
    make_award(fund, csp, reference="unstated", amount=None, amount_note="Not given in the source")
    response = client.get(reverse("grants:register"))
    totals = response.context["totals"]
    assert totals.total == Decimal("5000.00")
    assert totals.count == 4
    assert totals.unstated == 1
    assert [(t.name, t.total) for t in totals.by_fund] == [
        ("Safer Communities Fund", Decimal("5000.00"))
    ]
    assert "£5,000.00 in total" in response.content.decode()


def test_the_register_filters_by_month_fund_area_and_theme(client, fund, csp, csp_area):
    theme = ThemeFactory(plan=PlanFactory(), title="Putting Communities First")
    fund.themes.add(theme)
    other = Fund.objects.create(key="youth-fund", name="Youth Fund")
    make_award(fund, csp, reference="july", area=csp_area, decision_date=dt.date(2022, 7, 5))
    make_award(other, csp, reference="august", decision_date=dt.date(2022, 8, 5))

    def refs(**params):
        response = client.get(reverse("grants:register"), params)
        assert response.status_code == 200
        return [a.reference for a in response.context["page"]]

    assert refs() == ["august", "july"]
    assert refs(month="2022-07") == ["july"]
    assert refs(fund="youth-fund") == ["august"]
    assert refs(area=csp_area.pk) == ["july"]
    assert refs(theme=theme.pk) == ["july"]
    csv_rows = read_csv(
        client.get(reverse("grants:register-download", args=["csv"]), {"fund": "youth-fund"})
    )
    assert [r[0] for r in csv_rows[1:]] == ["august"]


def test_a_bad_month_is_refused_with_a_clear_message(client, fund):
    response = client.get(reverse("grants:register"), {"month": "July"})
    assert response.status_code == 400
    assert "for example 2022-07" in response.content.decode()


def test_csv_and_excel_hold_the_same_awards_and_amounts(client, fund, csp):
    make_award(fund, csp, reference="one", amount="1234.56", purpose="=HYPERLINK(evil)")
    rows = read_csv(client.get(reverse("grants:register-download", args=["csv"])))
    assert rows[0][0] == "Reference"
    assert rows[1][0] == "one"
    assert rows[1][8] == "1234.56"
    assert rows[1][7] == "'=HYPERLINK(evil)"
    xlsx = client.get(reverse("grants:register-download", args=["xlsx"]))
    book = load_workbook(io.BytesIO(xlsx.getvalue()))
    sheet_rows = list(book.active.iter_rows(values_only=True))
    assert sheet_rows[1][0] == "one"
    assert Decimal(str(sheet_rows[1][8])) == Decimal("1234.56")
    assert sheet_rows[1][7] == "'=HYPERLINK(evil)"


@pytest.mark.parametrize(("route", "args"), PUBLIC_ROUTES)
def test_the_register_reads_the_same_number_of_queries_for_5_and_50_awards(
    client, fund, csp, csp_area, route, args
):
    fund.themes.add(ThemeFactory())

    def count(n):
        for i in range(Award.objects.count(), n):
            other = Fund.objects.get_or_create(
                key=f"fund-{i % 4}", defaults={"name": f"Fund {i % 4}"}
            )[0]
            make_award(other, csp, reference=f"r{i}", area=csp_area)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(route, args=args)).status_code == 200
        return len(queries)

    at_5 = count(5)
    at_50 = count(50)
    assert at_5 == at_50
    # Eight for the page, and one for the public pages' version (pcplan.core.pagecache).
    assert at_50 <= 9


def test_the_chart_by_fund_draws_the_figures_of_its_table(client, fund, csp):
    other = Fund.objects.create(key="youth-fund", name="Youth Fund")
    make_award(fund, csp, reference="a", amount="1000.00")
    make_award(fund, csp, reference="b", amount="2000.00")
    make_award(other, csp, reference="c", amount="750.00")
    page = client.get(reverse("grants:register")).content.decode()
    chart = page[page.index('class="pcplan-bar-chart"') : page.index("The figures of the chart")]
    # Funds in the same order, the longest bar the largest total, the others in proportion.
    assert chart.index("Safer Communities Fund") < chart.index("Youth Fund")
    assert re.findall(r"width:(\d+)%", chart) == ["100", "25"]
    table = page[page.index("The figures of the chart") : page.index("</table>")]
    cells = [re.sub(r"\s+", " ", c).strip() for c in re.findall(r">([^<>]+)<", table)]
    cells = [c for c in cells if c]
    assert cells[-6:] == ["Safer Communities Fund", "2", "3,000.00", "Youth Fund", "1", "750.00"]


def public_routes_without_arguments(patterns=None, prefix="", namespace=""):
    """Every page the public can open whose address takes nothing: not the staff's, the
    accounts', the admin's or the API's (the API has its own test, tests/api)."""
    found = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += public_routes_without_arguments(entry.url_patterns, route, inner)
        elif (
            isinstance(entry.pattern, RoutePattern)
            and not entry.pattern.converters
            and not route.startswith(("staff/", "admin/", "account", "api/"))
        ):
            found.append(f"{namespace}{entry.name}")
    return sorted(set(found))


def test_no_public_page_shows_a_bid_or_an_applicants_contact_details(client, planted):
    routes = public_routes_without_arguments()
    assert {"grants:register", "panel:forward-plan", "transparency:decisions"} <= set(routes)
    urls = [reverse(name) for name in routes] + [
        reverse("grants:public-award", args=[planted.reference]),
        reverse("transparency:decision", args=[planted.decision.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in {200, 302}, url
        text = body(response) if response.status_code == 200 else response["Location"]
        assert "SECRET" not in text, url
        assert "secret-person@example.org" not in text, url
        assert "07700 900123" not in text, url


def test_the_register_reads_in_pages_and_the_next_page_keeps_the_filters(client, fund, csp):
    references = {f"r-{n:03d}" for n in range(public.PAGE_SIZE + 1)}
    for reference in references:
        make_award(fund, csp, reference=reference)
    first = client.get(reverse("grants:register"), {"fund": fund.key}).content.decode()
    on_first = set(re.findall(r"/grants/awards/(r-\d{3})/", first))
    assert len(on_first) == public.PAGE_SIZE
    found = re.search(r'href="\?([^"]*)" rel="next"', first)
    assert found is not None
    query = found[1].replace("&amp;", "&").split("&")
    assert f"fund={fund.key}" in query and "page=2" in query
    second = client.get(reverse("grants:register") + "?" + "&".join(query)).content.decode()
    on_second = set(re.findall(r"/grants/awards/(r-\d{3})/", second))
    assert on_first | on_second == references and not on_first & on_second
