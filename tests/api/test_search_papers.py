"""Agenda papers are searched by their text (issue 14 item 4: "documents' text"): read once
when the PDF is stored, found by the public only while the item is public and not exempt,
on both databases; a PDF whose text cannot be read is stored all the same, and the staff
meeting page says so."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from weasyprint import HTML

from pcplan.api.search import search, staff_sources
from pcplan.core.models import User
from pcplan.lib.document_text import pdf_text
from pcplan.panel import services
from pcplan.panel.models import AgendaItem, Meeting
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WORDS = "Quokka patrols across the fens reduced rural burglary."


def a_pdf(text: str) -> bytes:
    return HTML(string=f"<h1>Report</h1><p>{text}</p>").write_pdf()


@pytest.fixture
def secretariat(db):
    return UserFactory(username="secretariat", role=User.Role.PANEL_SECRETARIAT)


def item_with_paper(user, status, data: bytes, **fields) -> AgendaItem:
    meeting = Meeting.objects.create(
        date=dt.date.today() - dt.timedelta(days=30), venue="Town Hall", status=status
    )
    item = AgendaItem.objects.create(meeting=meeting, number=1, title="Rural crime", **fields)
    return services.save_agenda_item(user, item, report=("rural.pdf", data))


def papers(hits):
    return [h for h in hits if h.kind == "Paper"]


def test_the_text_of_a_pdf_is_read_and_a_damaged_one_gives_none():
    assert "Quokka patrols across the fens" in (pdf_text(a_pdf(WORDS)) or "")
    assert pdf_text(b"%PDF-1.7\nnot a PDF at all") is None
    assert pdf_text(b"") is None


def test_a_public_papers_words_are_found_and_link_to_the_paper(secretariat, client):
    item = item_with_paper(secretariat, Meeting.Status.HELD, a_pdf(WORDS))
    assert not item.report_text_unreadable
    found = papers(search("quokka burglary"))
    assert [h.url for h in found] == [
        reverse("panel:agenda-item-report", args=[item.meeting_id, item.number])
    ]
    assert "Quokka patrols" in found[0].snippet
    page = client.get(reverse("api:search"), {"q": "quokka"}).content.decode()
    assert "Quokka patrols" in page


@pytest.mark.parametrize(
    ("status", "fields"),
    [
        (Meeting.Status.HELD, {"is_exempt": True, "exempt_paragraph": 3}),
        (Meeting.Status.SCHEDULED, {}),
    ],
    ids=["exempt item", "agenda not published"],
)
def test_a_paper_the_public_may_not_read_is_never_found(secretariat, client, status, fields):
    item_with_paper(secretariat, status, a_pdf(WORDS), **fields)
    assert papers(search("quokka")) == []
    # Nor by staff who may not read exempt papers (tests/api/test_staff_search_documents.py).
    contributor = UserFactory(role=User.Role.CONTRIBUTOR)
    assert papers(search("quokka", staff_sources(contributor))) == []
    page = client.get(reverse("api:search"), {"q": "quokka"}).content.decode()
    assert "Quokka" not in page
    api = client.get(reverse("api:api-search"), {"q": "quokka"}).content.decode()
    assert "Quokka" not in api


def test_a_paper_made_exempt_or_removed_leaves_the_results(secretariat):
    item = item_with_paper(secretariat, Meeting.Status.HELD, a_pdf(WORDS))
    assert papers(search("quokka"))
    AgendaItem.objects.filter(pk=item.pk).update(is_exempt=True, exempt_paragraph=3)
    assert papers(search("quokka")) == []
    AgendaItem.objects.filter(pk=item.pk).update(is_exempt=False)
    item.refresh_from_db()
    item.remove_paper()
    item.save()
    assert papers(search("quokka")) == []


def test_a_pdf_whose_text_cannot_be_read_is_stored_and_the_staff_page_says_so(secretariat, client):
    damaged = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF"
    item = item_with_paper(secretariat, Meeting.Status.HELD, damaged)
    item.refresh_from_db()
    assert item.has_report
    assert item.report_bytes() == damaged
    assert item.report_text == ""
    assert item.report_text_unreadable
    client.force_login(secretariat)
    page = client.get(reverse("panel:staff-meeting", args=[item.meeting_id])).content.decode()
    assert "could not be read" in page
