"""The text of the documents the public may download is searched (issue 14 item 4): the
specified information's published documents, published reports and annual reports, read once
when the file is stored, within limits (a hostile file cannot hold a request), and found only
while the record is public. `pcplan index-documents` reads the files stored before."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from weasyprint import HTML

from pcplan.api.search import search, staff_sources
from pcplan.lib import document_text
from pcplan.lib.document_text import read_text
from pcplan.panel.models import AgendaItem, Meeting
from pcplan.reports.models import GeneratedReport
from pcplan.transparency import services
from pcplan.transparency.models import AnnualReport, SpecifiedPublication
from tests.api.conftest import SECRET, a_docx, make_report

pytestmark = pytest.mark.django_db

WORDS = "Quokka patrols across the fens reduced rural burglary."


def a_pdf(text: str) -> bytes:
    return HTML(string=f"<h1>Report</h1><p>{text}</p>").write_pdf()


def an_odt(xml_body: str, extra: bytes = b"") -> bytes:
    content = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        + extra
        + b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
        b'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        b"<office:body><office:text>" + xml_body.encode() + b"</office:text></office:body>"
        b"</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return out.getvalue()


# Reading --------------------------------------------------------------------------------


def test_pdf_word_opendocument_and_html_are_read_without_control_characters():
    assert "Quokka patrols across the fens" in read_text("a.pdf", a_pdf(WORDS)).text
    word = read_text("a.docx", a_docx("First paragraph", "In a table cell"))
    assert word.text == "First paragraph In a table cell"
    odt = read_text("a.odt", an_odt("<text:h>Heading</text:h><text:p>Body words</text:p>"))
    assert odt.text == "Heading Body words"
    html = b"<html><head><title>T</title><style>p{}</style></head><p>Seen\x07 &amp;\x00 read"
    assert read_text("a.html", html + b"</p></html>").text == "Seen & read"


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("a.pdf", b"%PDF-1.7\nnot a PDF at all", "could not be read"),
        ("a.exe", b"MZ\x90\x00", "not a PDF"),
        ("a.docx", b"PK\x03\x04 not a zip", "could not be read"),
        ("a.docx", an_odt("<text:p>no Word part</text:p>"), "could not be read"),
        (
            "a.odt",
            an_odt("<text:p>&lol;</text:p>", b'<!DOCTYPE d [<!ENTITY lol "lol">]>'),
            "entities",
        ),
    ],
    ids=["damaged pdf", "not a document", "damaged docx", "zip without Word part", "entities"],
)
def test_a_file_that_cannot_be_read_says_why(name, data, problem):
    reading = read_text(name, data)
    assert reading.unreadable
    assert reading.text == ""
    assert problem in reading.problem


def test_a_file_too_large_or_unpacking_too_far_is_not_read(monkeypatch):
    docx = a_docx("Some words " * 2000)
    monkeypatch.setattr(document_text, "MAX_BYTES", len(docx) - 1)
    assert "larger than" in read_text("a.docx", docx).problem
    monkeypatch.setattr(document_text, "MAX_BYTES", 50 * 1024 * 1024)
    monkeypatch.setattr(document_text, "MAX_UNZIPPED_BYTES", 10_000)
    assert "unpacks to more than" in read_text("a.docx", docx).problem


def test_reading_stops_at_its_limits_keeping_what_it_read(monkeypatch):
    pages = "".join(f'<p style="page-break-after: always">Page{n}word</p>' for n in range(3))
    pdf = HTML(string=pages).write_pdf()
    monkeypatch.setattr(document_text, "MAX_PAGES", 2)
    text = read_text("a.pdf", pdf).text
    assert "Page0word" in text and "Page1word" in text
    assert "Page2word" not in text
    # Past its deadline, reading stops (here before the first page): nothing hangs.
    assert read_text("a.pdf", pdf, seconds=-1).text == ""
    monkeypatch.setattr(document_text, "MAX_CHARACTERS", 10)
    assert read_text("a.docx", a_docx("0123456789 more words")).text == "0123456789"


# Search ---------------------------------------------------------------------------------


def kinds(hits, kind):
    return [h for h in hits if h.kind == kind]


def test_a_published_document_is_found_by_its_words(client, editor):
    upload = SimpleUploadedFile("budget.docx", a_docx("Introduction", WORDS))
    publication = SpecifiedPublication(
        item_key="office-holder-pay",
        published_on=dt.date(2023, 5, 1),
        title="Pay of the office holders",
        document=upload,
    )
    services.record_publication(editor, publication)
    publication.refresh_from_db()
    assert "Quokka patrols" in publication.document_text
    assert publication.history.count() == 1
    assert not hasattr(publication.history.first(), "document_text")
    found = kinds(search("quokka burglary"), "Published document")
    assert [h.url for h in found] == [
        reverse("transparency:publication-document", args=[publication.pk])
    ]
    assert client.get(found[0].url).status_code == 200
    assert kinds(search("quokka", staff_sources(editor)), "Published document")
    api = client.get(reverse("api:api-search"), {"q": "quokka"}).json()["results"]
    assert [r["kind"] for r in api] == ["Published document"]


def test_a_report_or_annual_report_is_found_only_while_published(client, plan, contributor):
    report = make_report(plan, published=False, purpose="Progress.")
    GeneratedReport.objects.filter(pk=report.pk).update(document_text=WORDS)
    annual = AnnualReport(financial_year=2022, title="Annual report 2022/23")
    annual.read_document("annual.docx", a_docx(WORDS))
    annual.docx.save("annual.docx", ContentFile(b"x"), save=True)
    # Nor by staff whose pages do not show drafts (tests/api/test_staff_search_documents.py).
    for where in (None, staff_sources(contributor)):
        assert search("quokka", where) == []
    assert "Quokka" not in client.get(reverse("api:search"), {"q": "quokka"}).text

    GeneratedReport.objects.filter(pk=report.pk).update(is_published=True)
    AnnualReport.objects.filter(pk=annual.pk).update(is_published=True)
    hits = search("quokka")
    assert [h.kind for h in hits] == ["Report", "Annual report"]
    assert hits[0].url == reverse("reports:public-download", args=[report.pk])
    assert hits[1].url == reverse("transparency:annual-report-file", args=[annual.pk, "pdf"])
    assert "Quokka patrols" in client.get(reverse("api:search"), {"q": "quokka"}).text


@pytest.mark.parametrize(
    "query", [SECRET, "annual report's words", "exempt paper's words", "report of a draft plan"]
)
def test_no_planted_documents_words_are_found(client, planted_secrets, contributor, query):
    assert search(query) == []
    assert client.get(reverse("api:api-search"), {"q": query}).json()["results"] == []
    assert SECRET not in client.get(reverse("api:search"), {"q": query}).text.replace(query, "")
    # Nor does the staff search, to a user whose staff pages do not show these documents.
    staff = search(query, staff_sources(contributor))
    assert [h for h in staff if h.kind in ("Report", "Annual report", "Paper")] == []


# Backfill -------------------------------------------------------------------------------


def test_index_documents_reads_the_files_stored_before_and_names_those_it_cannot(plan, editor):
    meeting = Meeting.objects.create(
        date=dt.date(2023, 3, 15), venue="Town Hall", status=Meeting.Status.HELD
    )
    paper = AgendaItem.objects.create(meeting=meeting, number=1, title="Rural crime")
    paper.report_file.save("rural.pdf", ContentFile(a_pdf(WORDS)), save=True)
    report = make_report(plan, published=True, purpose="Progress.")
    report.file.save("old.docx", ContentFile(a_docx("Wombat", WORDS)), save=True)
    damaged = make_report(plan, published=True, purpose="Progress.")
    damaged.file.save("damaged.pdf", ContentFile(b"%PDF-1.7 damaged"), save=True)
    missing = make_report(plan, published=True, purpose="Progress.")
    GeneratedReport.objects.update(document_text="")
    GeneratedReport.objects.filter(pk=missing.pk).update(file="reports/gone.pdf")
    assert search("quokka") == []
    history = paper.history.count()

    out, err = io.StringIO(), io.StringIO()
    call_command("index_documents", stdout=out, stderr=err)
    assert "agenda papers: 1 read, 0 unreadable, 0 not opened" in out.getvalue()
    assert "reports: 1 read, 1 unreadable, 1 not opened" in out.getvalue()
    assert f"report {damaged.pk} (" in err.getvalue() and "could not be read" in err.getvalue()
    assert f"report {missing.pk} (reports/gone.pdf): cannot be opened" in err.getvalue()
    assert {h.kind for h in search("quokka")} == {"Paper", "Report"}
    assert paper.history.count() == history

    # Again: nothing left to read but the file that cannot be opened.
    out = io.StringIO()
    call_command("index_documents", stdout=out, stderr=io.StringIO())
    assert "reports: 0 read, 0 unreadable, 1 not opened" in out.getvalue()
    assert "agenda papers: 0 read" in out.getvalue()
    out = io.StringIO()
    call_command("index_documents", "--again", stdout=out, stderr=io.StringIO())
    assert "agenda papers: 1 read" in out.getvalue()
