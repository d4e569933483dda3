"""Theme reports are stored and published like the other generated reports (issue 18), and
publishing asks for confirmation first."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from pcplan.plans.lifecycle import PlanStatus
from pcplan.reports.models import GeneratedReport, ReportKind
from tests.factories import DeliverableFactory, UpdateFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued_theme(plan, theme):
    plan.status = PlanStatus.ISSUED
    plan.save()
    d = DeliverableFactory(theme=theme, title="Serious Violence Strategy")
    UpdateFactory(deliverable=d, text="Needs assessment under way.")
    DeliverableFactory(theme=theme, title="SECRET draft", is_published=False)
    return theme


def test_an_editor_saves_a_theme_report_and_publishes_it_after_confirming(
    client, client_for, editor, plan, issued_theme
):
    staff = client_for(editor)
    plan_page = staff.get(reverse("plans:plan-detail", args=[plan.key])).content.decode()
    url = reverse("reports:theme-report", args=[plan.key, issued_theme.key])
    assert url in plan_page
    form_page = staff.get(url)
    assert form_page.status_code == 200
    data = served_form(form_page.content.decode(), action=url)
    data.update(format="pdf", generate="1")
    response = staff.post(url, data)
    report = GeneratedReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:report-detail", args=[report.pk])
    assert (report.kind, report.theme, report.format) == (ReportKind.THEME, issued_theme, "pdf")
    assert report.created_by == editor and not report.is_published
    assert report.filename == f"{plan.key}-{issued_theme.key}-theme-report-{report.as_of}.pdf"
    text = "".join(p.extract_text() for p in PdfReader(report.file.open("rb")).pages)
    assert "Serious Violence Strategy" in text and "SECRET" not in text

    listing = staff.get(reverse("reports:report-list", args=[plan.key])).content.decode()
    assert f"Theme report: {issued_theme.title}" in listing

    # Publishing asks first: the link opens a question, and nothing changes until it is answered.
    publish_url = reverse("reports:report-publish", args=[report.pk])
    assert publish_url in listing
    question = staff.get(publish_url)
    assert "Publish the report?" in question.content.decode()
    report.refresh_from_db()
    assert not report.is_published
    answer = served_form(question.content.decode(), action=publish_url)
    assert staff.post(publish_url, answer).status_code == 302
    report.refresh_from_db()
    assert report.is_published and report.published_by == editor

    client.logout()
    public = client.get(reverse("reports:public-report-list")).content.decode()
    assert reverse("reports:public-download", args=[report.pk]) in public
    download = client.get(reverse("reports:public-download", args=[report.pk]))
    assert download.status_code == 200
    pdf = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    assert len(pdf.pages) >= 1


def test_making_a_theme_report_without_saving_keeps_nothing(client_for, editor, plan, issued_theme):
    staff = client_for(editor)
    url = reverse("reports:theme-report", args=[plan.key, issued_theme.key])
    data = served_form(staff.get(url).content.decode(), action=url)
    response = staff.post(url, {**data, "format": "html", "preview": "1"})
    assert response.status_code == 200
    assert "Serious Violence Strategy" in response.content.decode()
    assert not GeneratedReport.objects.exists()
