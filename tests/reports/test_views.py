"""Staff pages: generate, preview, download and publish reports; the public list of reports."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from pcplan.reports.models import GeneratedReport
from tests.factories import DeliverableFactory, UpdateFactory


def date_fields(name, day, month, year):
    return {f"{name}_day": str(day), f"{name}_month": str(month), f"{name}_year": str(year)}


def report_form(**overrides):
    data = {
        **date_fields("as_of", 15, 3, 2023),
        **date_fields("since", 14, 9, 2022),
        **date_fields("meeting_date", 15, 3, 2023),
        "format": "pdf",
        "panel_name": "Cambridgeshire Police and Crime Panel",
        "agenda_item": "9",
        "report_of": "Cambridgeshire Police and Crime Commissioner",
        "contact_officer": "A. Officer, Head of Business Development",
        "contact_details": "opcc@example.org",
        "purpose": "To update the Panel.",
        "recommendation": "The Panel is recommended to note the contents of this report.",
        "terms_of_reference": "Item 6 – to review or scrutinise decisions.",
        "background_documents": "The Plan",
        "generate": "1",
    }
    data.update(overrides)
    return data


@pytest.fixture
def reported(theme):
    d = DeliverableFactory(theme=theme, title="Serious Violence Strategy")
    UpdateFactory(deliverable=d, text="Needs assessment under way.")
    return d


@pytest.mark.django_db
def test_the_plan_page_has_a_reports_button_for_editors(client_for, editor, plan):
    response = client_for(editor).get(reverse("plans:plan-detail", args=[plan.key]))
    assert reverse("reports:report-list", args=[plan.key]) in response.content.decode()


@pytest.mark.django_db
def test_the_generate_form_offers_the_seed_defaults(client_for, editor, plan):
    response = client_for(editor).get(reverse("reports:report-generate", args=[plan.key]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Jack Hudson, Head of Business Development, OPCC" in page
    assert "The Panel is recommended to note the contents of this report." in page
    assert 'name="as_of_day"' in page


@pytest.mark.django_db
def test_editor_previews_the_report_in_the_browser_without_saving_it(
    client_for, editor, plan, reported
):
    response = client_for(editor).post(
        reverse("reports:report-generate", args=[plan.key]),
        report_form(preview="1", generate=""),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Serious Violence Strategy" in page
    assert "Needs assessment under way." in page
    assert "A. Officer" in page
    assert not GeneratedReport.objects.exists()


@pytest.mark.django_db
def test_editor_generates_a_pdf_which_is_stored_with_its_parameters_and_downloadable(
    client_for, editor, plan, reported
):
    client = client_for(editor)
    response = client.post(reverse("reports:report-generate", args=[plan.key]), report_form())
    assert response.status_code == 302

    report = GeneratedReport.objects.get()
    assert report.created_by == editor
    assert report.contact_officer == "A. Officer, Head of Business Development"
    assert str(report.as_of) == "2023-03-15"
    assert not report.is_published
    download = client.get(reverse("reports:report-download", args=[report.pk]))
    assert download["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    assert "Serious Violence Strategy" in pdf.pages[0].extract_text() + pdf.pages[-1].extract_text()

    again = client.get(reverse("reports:report-generate", args=[plan.key]))
    assert "A. Officer, Head of Business Development" in again.content.decode()


@pytest.mark.django_db
def test_a_report_date_before_the_previous_report_is_shown_as_a_problem(client_for, editor, plan):
    response = client_for(editor).post(
        reverse("reports:report-generate", args=[plan.key]),
        report_form(**date_fields("as_of", 1, 9, 2022)),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "The report date must be after the previous report date" in page
    assert not GeneratedReport.objects.exists()


@pytest.mark.django_db
def test_a_bad_date_and_a_missing_format_are_shown_as_problems(client_for, editor, plan):
    response = client_for(editor).post(
        reverse("reports:report-generate", args=[plan.key]),
        report_form(format="", **date_fields("since", 31, 2, 2022)),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter a real date" in page
    assert "Select the format of the report" in page


@pytest.mark.django_db
def test_contributors_and_panel_members_cannot_generate_or_download_drafts(
    client_for, editor, contributor, panel_member, plan, reported
):
    client_for(editor).post(reverse("reports:report-generate", args=[plan.key]), report_form())
    report = GeneratedReport.objects.get()
    for user in (contributor, panel_member):
        client = client_for(user)
        assert client.get(reverse("reports:report-generate", args=[plan.key])).status_code == 403
        assert client.get(reverse("reports:report-download", args=[report.pk])).status_code == 403
        assert (
            client.post(
                reverse("reports:report-publish", args=[report.pk]), {"publish": "1"}
            ).status_code
            == 403
        )
    report.refresh_from_db()
    assert not report.is_published


@pytest.mark.django_db
def test_a_draft_report_never_appears_on_the_public_site_and_a_published_one_does(
    client, client_for, editor, plan, reported
):
    client_for(editor).post(
        reverse("reports:report-generate", args=[plan.key]), report_form(format="docx")
    )
    report = GeneratedReport.objects.get()
    client.logout()
    public_list = reverse("reports:public-report-list")
    public_file = reverse("reports:public-download", args=[report.pk])
    assert public_file not in client.get(public_list).content.decode()
    assert client.get(public_file).status_code == 404

    response = client_for(editor).post(
        reverse("reports:report-publish", args=[report.pk]), {"publish": "1"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.is_published and report.published_by == editor
    client.logout()
    assert public_file in client.get(public_list).content.decode()
    download = client.get(public_file)
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith('.docx"')


@pytest.mark.django_db
def test_the_board_variant_form_asks_to_and_from(client_for, editor, plan):
    response = client_for(editor).get(
        reverse("reports:report-generate", args=[plan.key]) + "?kind=board"
    )
    page = response.content.decode()
    assert "Business Coordination Board" in page
    assert "Chief Executive" in page
    assert 'name="agenda_item"' not in page
