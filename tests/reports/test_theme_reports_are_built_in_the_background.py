"""A theme report on a theme of many deliverables is built by `pcplan worker`, not in the
request, both when it is generated and saved and when it is only made as a PDF; the made PDF is
kept until what it shows changes (issue 15: "the officer is never kept waiting on a request
longer than a second")."""

from __future__ import annotations

import io
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from pcplan.core.models import BackgroundJob
from pcplan.plans.lifecycle import PlanStatus
from pcplan.reports.models import GeneratedReport, ReportKind
from tests.factories import DeliverableFactory, UpdateFactory
from tests.htmlforms import served_form

# The worker closes its connection when it stops: each test commits, as the site does.
pytestmark = pytest.mark.django_db(transaction=True)


def run_worker() -> None:
    call_command("worker", "--batch", "--no-startup-delay", "--interval=0", stdout=StringIO())


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


@pytest.fixture
def large_theme(settings, plan, theme):
    settings.PCPLAN_BACKGROUND_REPORT_DELIVERABLES = 1
    plan.status = PlanStatus.ISSUED
    plan.save()
    for title in ["Serious Violence Strategy", "Rural crime action plan"]:
        deliverable = DeliverableFactory(theme=theme, title=title)
        UpdateFactory(deliverable=deliverable, text=f"{title}: under way.")
    DeliverableFactory(theme=theme, title="SECRET draft", is_published=False)
    return theme


def theme_form(client, url: str, fmt: str, button: str) -> dict:
    data = served_form(client.get(url).content.decode(), action=url)
    data.update(format=fmt, **{button: "1"})
    return data


def test_generating_a_large_themes_report_is_queued_then_built_by_the_worker(
    client_for, editor, plan, large_theme
):
    client = client_for(editor)
    url = reverse("reports:theme-report", args=[plan.key, large_theme.key])

    response = client.post(url, theme_form(client, url, "pdf", "generate"))

    job = BackgroundJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("core:job", args=[job.pk])
    assert not GeneratedReport.objects.exists()  # the request only queued the work
    page = client.get(response["Location"]).content.decode()
    assert "Generating the theme report on Crime Prevention" in page
    assert "Waiting to start" in page

    run_worker()

    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE, job.problems
    report = GeneratedReport.objects.get()
    assert (report.kind, report.theme, report.format) == (ReportKind.THEME, large_theme, "pdf")
    assert report.created_by == editor and not report.is_published
    assert job.next_url == reverse("reports:report-detail", args=[report.pk])
    assert "Open the report" in client.get(reverse("core:job", args=[job.pk])).content.decode()
    text = pdf_text(report.file.read())
    assert "Serious Violence Strategy" in text and "Rural crime action plan" in text
    assert "SECRET" not in text


def test_making_a_large_themes_pdf_is_queued_kept_and_made_again_after_a_change(
    client_for, editor, plan, large_theme
):
    client = client_for(editor)
    url = reverse("reports:theme-report", args=[plan.key, large_theme.key])
    form = theme_form(client, url, "pdf", "preview")

    response = client.post(url, form)

    job = BackgroundJob.objects.get()
    assert response["Location"] == reverse("core:job", args=[job.pk])
    run_worker()
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE, job.problems
    assert "Download the report" in client.get(reverse("core:job", args=[job.pk])).content.decode()
    download = client.get(job.next_url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "Rural crime action plan" in pdf_text(download.content)
    assert not GeneratedReport.objects.exists()  # made, not saved

    # Asked again before anything changes, it is served at once from the kept file.
    again = client.post(url, form)
    assert again.status_code == 200 and again.content == download.content
    assert BackgroundJob.objects.count() == 1

    # A deliverable is renamed: the kept PDF is stale, so the link says to make it again, and
    # making it again queues a new job whose PDF shows the change.
    deliverable = large_theme.deliverables.get(title="Rural crime action plan")
    deliverable.title = "Rural and wildlife crime action plan"
    deliverable.save()
    stale = client.get(job.next_url)
    assert stale.status_code == 409
    assert "make it again" in stale.content.decode()
    assert client.post(url, form).status_code == 302
    run_worker()
    newest = BackgroundJob.objects.order_by("-created_at").first()
    assert newest is not None and newest.status == BackgroundJob.Status.DONE
    assert "Rural and wildlife crime action plan" in pdf_text(client.get(newest.next_url).content)


def test_a_small_themes_pdf_is_still_made_at_once(client_for, editor, plan, large_theme, settings):
    settings.PCPLAN_BACKGROUND_REPORT_DELIVERABLES = 15
    client = client_for(editor)
    url = reverse("reports:theme-report", args=[plan.key, large_theme.key])
    response = client.post(url, theme_form(client, url, "pdf", "preview"))
    assert response.status_code == 200
    assert "Serious Violence Strategy" in pdf_text(response.content)
    assert not BackgroundJob.objects.exists()


def test_report_dates_in_the_wrong_order_are_refused_before_anything_is_queued(
    client_for, editor, plan, large_theme
):
    client = client_for(editor)
    url = reverse("reports:theme-report", args=[plan.key, large_theme.key])
    form = theme_form(client, url, "pdf", "generate")
    form.update(as_of="2023-01-01", since="2023-03-15")
    response = client.post(url, form)
    assert response.status_code == 400
    assert "must be after the previous report date" in response.content.decode()
    assert not BackgroundJob.objects.exists()
