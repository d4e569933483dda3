"""A progress report on a large plan is built by `pcplan worker`, not in the request: the
officer is sent to the job's page, which links to the report once it is ready (issue 15: "the
officer is never kept waiting on a request longer than a second").
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from pcplan.core.models import BackgroundJob
from pcplan.reports.models import GeneratedReport
from tests.factories import DeliverableFactory, UpdateFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db(transaction=True)


def run_worker() -> None:
    call_command("worker", "--batch", "--no-startup-delay", "--interval=0", stdout=StringIO())


def report_form(client, url: str, fmt: str) -> dict:
    """The generate form as served, for the 15 March 2023 meeting, in the format given."""
    form = served_form(client.get(url).content.decode(), action="")
    for name, (day, month, year) in {
        "as_of": (15, 3, 2023),
        "since": (14, 9, 2022),
        "meeting_date": (15, 3, 2023),
    }.items():
        form.update({f"{name}_day": day, f"{name}_month": month, f"{name}_year": year})
    form.update(format=fmt, generate="1")
    return form


@pytest.fixture
def large_plan(settings, plan, theme):
    settings.PCPLAN_BACKGROUND_REPORT_DELIVERABLES = 1
    for title in ["Serious Violence Strategy", "Rural crime action plan"]:
        deliverable = DeliverableFactory(theme=theme, title=title)
        UpdateFactory(deliverable=deliverable, text=f"{title}: under way.")
    return plan


def test_a_large_plans_report_is_queued_then_built_by_the_worker(client_for, editor, large_plan):
    client = client_for(editor)
    url = reverse("reports:report-generate", args=[large_plan.key])

    response = client.post(url, report_form(client, url, "docx"))

    job = BackgroundJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("core:job", args=[job.pk])
    assert not GeneratedReport.objects.exists()  # the request only queued the work
    page = client.get(response["Location"]).content.decode()
    assert "The report is being generated" in page
    assert "Waiting to start" in page

    run_worker()

    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE, job.problems
    report = GeneratedReport.objects.get()
    assert (report.created_by, report.format, str(report.as_of)) == (editor, "docx", "2023-03-15")
    assert job.next_url == reverse("reports:report-detail", args=[report.pk])
    page = client.get(reverse("core:job", args=[job.pk])).content.decode()
    assert "Open the report" in page
    assert report.file.read().startswith(b"PK")  # a Word file


def test_a_small_plans_report_is_still_built_at_once(client_for, editor, plan, theme, settings):
    settings.PCPLAN_BACKGROUND_REPORT_DELIVERABLES = 15
    DeliverableFactory(theme=theme, title="Serious Violence Strategy")
    client = client_for(editor)
    url = reverse("reports:report-generate", args=[plan.key])
    response = client.post(url, report_form(client, url, "html"))
    report = GeneratedReport.objects.get()
    assert response["Location"] == reverse("reports:report-detail", args=[report.pk])
    assert not BackgroundJob.objects.exists()
