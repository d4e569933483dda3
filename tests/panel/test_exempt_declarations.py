"""A declaration of interest in an exempt item is as private as the item's papers: Panel
members and the secretariat read it; the public does not, on the page or in the minutes PDF."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from pcplan.panel import documents, services
from pcplan.panel.models import Meeting, PanelMember

PUBLIC = "Is a member of the communications working group"
EXEMPT = "Owns land next to the estate being sold"
GENERAL = "Is employed by a partner council"


@pytest.fixture
def declared(secretariat, next_meeting, panel_of_13):
    next_meeting.status = Meeting.Status.HELD
    next_meeting.minutes_published = True
    next_meeting.save()
    services.add_minute(secretariat, next_meeting, title="Apologies")
    public_item, exempt_item = next_meeting.agenda_items.order_by("number")
    member: PanelMember = panel_of_13[0]
    services.declare_interest(
        secretariat, next_meeting, member=member, interest=PUBLIC, agenda_item=public_item
    )
    services.declare_interest(
        secretariat, next_meeting, member=member, interest=EXEMPT, agenda_item=exempt_item
    )
    services.declare_interest(secretariat, next_meeting, member=member, interest=GENERAL)
    return next_meeting


def test_the_public_does_not_see_a_declaration_tied_to_an_exempt_item(client, declared):
    page = client.get(reverse("panel:meeting", args=[declared.pk])).content.decode()
    assert PUBLIC in page
    assert GENERAL in page
    assert EXEMPT not in page


def test_a_panel_member_sees_every_declaration(client_for, panel_member, declared):
    page = client_for(panel_member).get(reverse("panel:meeting", args=[declared.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert PUBLIC in html
    assert GENERAL in html
    assert EXEMPT in html


def test_the_public_minutes_pdf_leaves_out_exempt_declarations_and_members_keep_them(declared):
    def text(pdf: bytes | None) -> str:
        assert pdf is not None
        return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)

    public = " ".join(text(documents.minutes_pdf(declared)).split())
    assert "communications working group" in public
    assert "estate being sold" not in public
    members = " ".join(text(documents.minutes_pdf(declared, include_exempt=True)).split())
    assert "estate being sold" in members
