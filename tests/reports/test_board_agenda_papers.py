"""Board reports go on Board agendas (issue 18 item 2): the Board report's "Which agenda item
is the report for?" step lists coming items of the Board's meetings (the body named as the
office profile's Board, else bodies of kind strategic board), as the Panel report lists the
Panel's; the attach service checks the user may attach to that body's meeting."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pypdf import PdfReader

from pcplan.core.models import User
from pcplan.panel import services as panel_services
from pcplan.panel.models import AgendaItem, Meeting
from pcplan.partnerships.models import BodyKind
from pcplan.reports.models import GeneratedReport
from tests.factories import BodyFactory, DeliverableFactory, UserFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db

SOON = dt.date.today() + dt.timedelta(days=30)


def item_of(body, title, number=5):
    meeting = Meeting.objects.create(body=body, date=SOON, venue="Headquarters")
    return AgendaItem.objects.create(meeting=meeting, number=number, title=title)


@pytest.fixture
def board_item(theme):
    DeliverableFactory(theme=theme, title="Serious Violence Strategy")
    board = BodyFactory(name="Strategic Board", kind=BodyKind.STRATEGIC_BOARD)
    return item_of(board, "Quarterly delivery report")


@pytest.fixture
def private_item():
    body = BodyFactory(
        name="Private Delivery Group", kind=BodyKind.DELIVERY_GROUP, meetings_public=False
    )
    return item_of(body, "Private group business")


@pytest.fixture
def panel_item():
    return item_of(None, "Delivery of the Police and Crime Plan", number=7)


def test_a_board_report_becomes_the_paper_of_a_board_meeting_item(
    client_for, editor, plan, board_item, panel_item, private_item
):
    client = client_for(editor)
    choose = client.get(reverse("reports:report-for", args=[plan.key]) + "?kind=board")
    assert choose.status_code == 200
    page = choose.content.decode()
    assert "Quarterly delivery report" in page
    assert "Delivery of the Police and Crime Plan" not in page  # the Panel's
    assert "Private group business" not in page
    chooser = served_form(page, action=reverse("reports:report-generate", args=[plan.key]))
    assert chooser["kind"] == "board"

    url = reverse("reports:report-generate", args=[plan.key]) + f"?kind=board&item={board_item.pk}"
    form_page = client.get(url)
    assert form_page.status_code == 200
    data = served_form(form_page.content.decode(), action="")
    assert data["panel_name"] == "Strategic Board"  # "To": the meeting's body
    assert (data["meeting_date_day"], data["meeting_date_month"], data["meeting_date_year"]) == (
        str(SOON.day),
        str(SOON.month),
        str(SOON.year),
    )
    assert data["format"] == "pdf"
    response = client.post(url, {**data, "generate": "1"})
    assert response.status_code == 302

    report = GeneratedReport.objects.get()
    assert report.kind == "board" and report.paper_for == board_item
    board_item.refresh_from_db()
    paper = PdfReader(io.BytesIO(board_item.report_bytes()))
    assert "Serious Violence Strategy" in "".join(p.extract_text() for p in paper.pages)
    assert board_item.history.first().history_change_reason == "Paper attached"


def test_the_panel_report_lists_only_the_panels_items(
    client_for, editor, plan, board_item, panel_item, private_item
):
    client = client_for(editor)
    page = client.get(reverse("reports:report-for", args=[plan.key])).content.decode()
    assert "Delivery of the Police and Crime Plan" in page
    assert "Quarterly delivery report" not in page
    assert "Private group business" not in page
    # Nor can another body's item be chosen by its address.
    url = reverse("reports:report-generate", args=[plan.key])
    assert client.get(url + f"?item={private_item.pk}").status_code == 404
    assert client.get(url + f"?kind=board&item={panel_item.pk}").status_code == 404


def test_the_office_profiles_board_is_the_board(client_for, editor, plan, board_item):
    from pcplan.core.office import current_office

    office = current_office()
    office.board_name = "Business Coordination Board"
    office.save()
    named = BodyFactory(name="Business Coordination Board", kind=BodyKind.NETWORK)
    item_of(named, "Named board business")
    page = (
        client_for(editor)
        .get(reverse("reports:report-for", args=[plan.key]) + "?kind=board")
        .content.decode()
    )
    assert "Named board business" in page
    assert "Quarterly delivery report" not in page  # another strategic board's


def test_a_panel_report_cannot_go_on_a_private_bodys_meeting_by_one_who_does_not_run_it(
    private_item, panel_item
):
    secretariat = UserFactory(username="secretariat", role=User.Role.PANEL_SECRETARIAT)
    with pytest.raises(PermissionDenied):
        panel_services.attach_paper(secretariat, private_item, name="x.pdf", data=b"%PDF-1.7")
    private_item.refresh_from_db()
    assert not private_item.has_report
    # The secretariat still puts papers on the Panel's own agenda.
    panel_services.attach_paper(secretariat, panel_item, name="x.pdf", data=b"%PDF-1.7")
    panel_item.refresh_from_db()
    assert panel_item.has_report
