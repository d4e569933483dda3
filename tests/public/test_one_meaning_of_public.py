"""One meaning of "public" (issue 9 item 3): published *and* in a plan that is issued, varied
or superseded. Published work of a plan not yet issued stays off every public page, report
and download."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.core.publishing import set_published
from pcplan.delivery.models import Deliverable, Update
from pcplan.plans.lifecycle import PlanStatus
from pcplan.reports import services as report_services
from pcplan.reports.models import GeneratedReport
from pcplan.reports.progress import build_progress_report, default_fields
from pcplan.reports.render import render_html
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory, UpdateFactory

pytestmark = pytest.mark.django_db

AS_OF = dt.date(2023, 3, 15)
SINCE = dt.date(2022, 9, 14)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def issued_plan():
    plan = PlanFactory(key="issued-plan", title="Issued Plan", status=PlanStatus.ISSUED)
    theme = ThemeFactory(plan=plan, key="crime-prevention", title="Crime Prevention")
    shown = DeliverableFactory(theme=theme, title="Public deliverable")
    UpdateFactory(deliverable=shown, text="Public update", date=dt.date(2023, 3, 1))
    return plan


@pytest.fixture
def unissued_plan():
    """A plan sent to the Panel, not issued, whose deliverable and update an editor published."""
    plan = PlanFactory(key="draft-plan", title="Unissued Plan", status=PlanStatus.SENT_TO_PANEL)
    theme = ThemeFactory(plan=plan, key="crime-prevention", title="Crime Prevention")
    hidden = DeliverableFactory(theme=theme, title="SECRET deliverable", is_published=True)
    UpdateFactory(deliverable=hidden, text="SECRET update", is_published=True, date=AS_OF)
    return plan


def secret_deliverable(plan):
    return Deliverable.objects.get(theme__plan=plan, title="SECRET deliverable")


def page(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


def published_report(editor, plan):
    report = report_services.generate_report(
        editor,
        plan,
        kind="panel",
        fmt="html",
        as_of=AS_OF,
        since=SINCE,
        report_fields=default_fields(plan, AS_OF),
    )
    set_published(editor, report, True)
    return report


def test_the_querysets_leave_out_published_work_of_an_unissued_plan(issued_plan, unissued_plan):
    assert list(Deliverable.objects.public().values_list("title", flat=True)) == [
        "Public deliverable"
    ]
    assert list(Update.objects.public().values_list("text", flat=True)) == ["Public update"]


def test_an_update_of_an_unpublished_deliverable_is_not_public(issued_plan):
    deliverable = Deliverable.objects.get(title="Public deliverable")
    deliverable.is_published = False
    deliverable.save()
    assert not Update.objects.public().exists()


def test_the_public_home_page_does_not_list_an_unissued_plan(client, issued_plan, unissued_plan):
    status, html = page(client, reverse("public:home"))
    assert status == 200
    assert "Issued Plan" in html
    assert "Unissued Plan" not in html and "SECRET" not in html


def test_the_unissued_plans_pages_are_not_found(client, unissued_plan):
    hidden = secret_deliverable(unissued_plan)
    for url in [
        reverse("public:plan", args=[unissued_plan.key]),
        reverse("public:theme", args=[unissued_plan.key, "crime-prevention"]),
        reverse("public:deliverable", args=[unissued_plan.key, hidden.pk]),
    ]:
        assert page(client, url)[0] == 404, url


def test_the_issued_plans_pages_never_show_the_unissued_plans_work(
    client, issued_plan, unissued_plan
):
    hidden = secret_deliverable(unissued_plan)
    shown = Deliverable.objects.get(title="Public deliverable")
    status, html = page(client, reverse("public:plan", args=[issued_plan.key]))
    assert status == 200
    assert "0 of 1 deliverable completed" in html  # the plan page summarises its themes
    assert "SECRET" not in html
    for url in [
        reverse("public:theme", args=[issued_plan.key, "crime-prevention"]),
        reverse("public:deliverable", args=[issued_plan.key, shown.pk]),
    ]:
        status, html = page(client, url)
        assert status == 200, url
        assert "Public deliverable" in html, url
        assert "SECRET" not in html, url
    assert page(client, reverse("public:deliverable", args=[issued_plan.key, hidden.pk]))[0] == 404


def test_a_published_report_of_an_unissued_plan_is_not_listed_nor_downloadable(
    client, editor, issued_plan, unissued_plan
):
    shown = published_report(editor, issued_plan)
    hidden = published_report(editor, unissued_plan)
    status, html = page(client, reverse("reports:public-report-list"))
    assert status == 200
    assert reverse("reports:public-download", args=[shown.pk]) in html
    assert reverse("reports:public-download", args=[hidden.pk]) not in html
    assert "Unissued Plan" not in html
    assert client.get(reverse("reports:public-download", args=[shown.pk])).status_code == 200
    assert client.get(reverse("reports:public-download", args=[hidden.pk])).status_code == 404


def test_a_panel_member_cannot_download_a_published_report_of_an_unissued_plan(
    client_for, editor, panel_member, unissued_plan
):
    hidden = published_report(editor, unissued_plan)
    assert GeneratedReport.objects.filter(pk=hidden.pk, is_published=True).exists()
    response = client_for(panel_member).get(reverse("reports:public-download", args=[hidden.pk]))
    assert response.status_code == 404


def test_the_progress_report_leaves_out_published_work_of_an_unissued_plan(unissued_plan):
    report = build_progress_report(
        unissued_plan, AS_OF, SINCE, default_fields(unissued_plan, AS_OF)
    )
    assert "SECRET" not in render_html(report)


def test_the_progress_report_of_an_issued_plan_shows_its_public_work(issued_plan):
    report = build_progress_report(issued_plan, AS_OF, SINCE, default_fields(issued_plan, AS_OF))
    html = render_html(report)
    assert "Public deliverable" in html and "Public update" in html
