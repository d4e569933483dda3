"""Text pasted from Word carries control characters XML cannot hold (Shift+Enter is U+000B):
reports are still generated, and new updates are stored without them."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from pcplan.delivery.models import Update
from pcplan.lib.text import xml_safe
from pcplan.reports.models import GeneratedReport
from tests.factories import DeliverableFactory, UpdateFactory
from tests.reports.test_views import report_form

PASTED = "Needs assessment done.\x0bNext: consult partners.\x0cSigned off\x01 in March."


@pytest.fixture
def pasted_update(theme):
    deliverable = DeliverableFactory(theme=theme, title="Serious Violence Strategy")
    # Stored before the update form cleaned such text, or written by another path.
    return UpdateFactory(deliverable=deliverable, text=PASTED)


def generate(client, plan, fmt: str) -> bytes:
    response = client.post(
        reverse("reports:report-generate", args=[plan.key]), report_form(format=fmt)
    )
    assert response.status_code == 302
    report = GeneratedReport.objects.get()
    download = client.get(reverse("reports:report-download", args=[report.pk]))
    assert download.status_code == 200
    return b"".join(download.streaming_content)


@pytest.mark.django_db
def test_a_word_report_is_generated_when_an_update_holds_a_vertical_tab(
    client_for, editor, plan, pasted_update
):
    doc = Document(io.BytesIO(generate(client_for(editor), plan, "docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Needs assessment done." in text
    assert "Next: consult partners." in text
    assert "Signed off in March." in text
    assert "\x0b" not in text and "\x01" not in text


@pytest.mark.django_db
def test_a_pdf_report_is_generated_when_an_update_holds_a_vertical_tab(
    client_for, editor, plan, pasted_update
):
    pdf = PdfReader(io.BytesIO(generate(client_for(editor), plan, "pdf")))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Next: consult partners." in text


@pytest.mark.django_db
def test_the_update_form_stores_shift_enter_as_a_new_line_and_drops_other_controls(
    client_for, contributor, constabulary_deliverable
):
    response = client_for(contributor).post(
        reverse("delivery:update-create", args=[constabulary_deliverable.pk]),
        {"date_day": "1", "date_month": "3", "date_year": "2023", "text": PASTED + "\tend"},
    )
    assert response.status_code == 302
    update = Update.objects.get(deliverable=constabulary_deliverable)
    assert update.text == (
        "Needs assessment done.\nNext: consult partners.\nSigned off in March.\tend"
    )


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("a\x0bb\x0cc", "a\nb\nc"),
        ("tab\tlf\ncr\r", "tab\tlf\ncr\r"),
        ("\x00n\x08u\x1fl\x0el", "null"),
        ("é – ✓ \x7f", "é – ✓ \x7f"),
        ("bad\ufffe\uffff\ud800", "bad"),
    ],
)
def test_xml_safe_keeps_what_xml_holds_and_breaks_lines_where_word_did(text, safe):
    assert xml_safe(text) == safe
