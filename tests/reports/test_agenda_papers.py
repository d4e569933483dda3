"""Reports go on agendas (issue 18 item 2): a Panel report starts from the meeting and agenda
item it is for; the PDF becomes the item's paper in one step; generating again replaces it
until the agenda is published, and is refused after; the agenda pack then includes it with its
page range."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pypdf import PdfReader

from pcplan.panel import documents
from pcplan.panel import services as panel_services
from pcplan.panel.models import AgendaItem, Meeting
from pcplan.reports.models import GeneratedReport
from tests.factories import DeliverableFactory, UpdateFactory, UserFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(db):
    from pcplan.core.models import User

    return UserFactory(username="secretariat", role=User.Role.PANEL_SECRETARIAT)


@pytest.fixture
def item(theme):
    deliverable = DeliverableFactory(theme=theme, title="Serious Violence Strategy")
    UpdateFactory(deliverable=deliverable, text="Needs assessment under way.")
    meeting = Meeting.objects.create(
        date=dt.date.today() + dt.timedelta(days=30), venue="Town Hall"
    )
    AgendaItem.objects.create(meeting=meeting, number=1, title="Apologies")
    return AgendaItem.objects.create(
        meeting=meeting, number=7, title="Delivery of the Police and Crime Plan"
    )


def generate_for(client, plan, item, **changes):
    """Choose the item at step one, then post the report form back as it was served."""
    choose = client.get(reverse("reports:report-for", args=[plan.key]))
    assert choose.status_code == 200
    assert "Delivery of the Police and Crime Plan" in choose.content.decode()
    url = reverse("reports:report-generate", args=[plan.key]) + f"?item={item.pk}"
    page = client.get(url)
    assert page.status_code == 200
    data = served_form(page.content.decode(), action="")
    data.update(generate="1", **changes)
    return data, client.post(url, data)


def test_a_panel_report_generated_for_an_agenda_item_becomes_its_paper(
    client_for, editor, plan, item
):
    client = client_for(editor)
    data, response = generate_for(client, plan, item)

    # The meeting's date and the item's number filled themselves in.
    meeting_date = item.meeting.date
    assert (data["meeting_date_day"], data["meeting_date_month"], data["meeting_date_year"]) == (
        str(meeting_date.day),
        str(meeting_date.month),
        str(meeting_date.year),
    )
    assert data["agenda_item"] == "7"
    assert data["format"] == "pdf"

    report = GeneratedReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:report-detail", args=[report.pk])
    assert report.paper_for == item
    item.refresh_from_db()
    assert item.kind == AgendaItem.Kind.STANDARD
    paper = PdfReader(io.BytesIO(item.report_bytes()))
    assert "Serious Violence Strategy" in "".join(p.extract_text() for p in paper.pages)
    assert item.history.first().history_change_reason == "Paper attached"

    # The report opens or downloads at once, and says where it went.
    detail = client.get(response["Location"]).content.decode()
    assert "The paper for item 7" in detail
    opened = client.get(reverse("reports:report-download", args=[report.pk]) + "?open=1")
    assert opened["Content-Disposition"].startswith("inline")
    saved = client.get(reverse("reports:report-download", args=[report.pk]))
    assert saved["Content-Disposition"].startswith("attachment")


def test_generating_again_replaces_the_paper_until_the_agenda_is_published(
    client_for, editor, secretariat, plan, item
):
    client = client_for(editor)
    generate_for(client, plan, item)
    item.refresh_from_db()
    first_file = item.report_file.name
    generate_for(client, plan, item)
    item.refresh_from_db()
    assert item.report_file.name != first_file
    assert GeneratedReport.objects.filter(paper_for=item).count() == 2

    panel_services.set_meeting_status(secretariat, item.meeting, Meeting.Status.AGENDA_PUBLISHED)
    replaced = item.report_file.name
    url = reverse("reports:report-generate", args=[plan.key]) + f"?item={item.pk}"
    data = served_form(client.get(url).content.decode(), action="")
    response = client.post(url, {**data, "generate": "1"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "is published: its papers can no longer be replaced" in page
    item.refresh_from_db()
    assert item.report_file.name == replaced
    assert GeneratedReport.objects.count() == 2
    # Nor is the meeting offered any more.
    choose = client.get(reverse("reports:report-for", args=[plan.key])).content.decode()
    assert "Delivery of the Police and Crime Plan" not in choose


def test_an_agenda_paper_must_be_a_pdf(client_for, editor, plan, item):
    _, response = generate_for(client_for(editor), plan, item, format="docx")
    assert response.status_code == 400
    assert "An agenda paper must be a PDF: choose PDF" in response.content.decode()
    assert not GeneratedReport.objects.exists()
    item.refresh_from_db()
    assert not item.has_report


def test_the_agenda_pack_includes_the_report_with_its_page_range(
    client_for, editor, secretariat, plan, item
):
    generate_for(client_for(editor), plan, item)
    panel_services.fill_page_ranges(secretariat, item.meeting)
    item.refresh_from_db()
    pack = documents.agenda_pack(item.meeting)
    first, last = pack.ranges[7]
    assert (item.first_page, item.last_page) == (first, last)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pack.pdf)).pages]
    assert "Serious Violence Strategy" in "".join(pages[first - 1 : last])
    assert item.page_range in pages[0]  # the front sheet prints the range


def test_only_editors_and_the_secretariat_put_papers_on_agendas(
    client_for, contributor, panel_member, plan, item
):
    for user in (contributor, panel_member):
        client = client_for(user)
        assert client.get(reverse("reports:report-for", args=[plan.key])).status_code == 403
        with pytest.raises(PermissionDenied):
            panel_services.attach_paper(user, item, name="x.pdf", data=b"%PDF-1.7")
    item.refresh_from_db()
    assert not item.has_report


def test_an_unknown_agenda_item_is_not_found(client_for, editor, plan):
    url = reverse("reports:report-generate", args=[plan.key])
    assert client_for(editor).get(url + "?item=999999").status_code == 404
    assert client_for(editor).get(url + "?item=x").status_code == 404
