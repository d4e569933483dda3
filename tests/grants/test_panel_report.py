"""The Panel's "Commissioning and Grants" report: house format, live data, published awards
only, and a total equal to the sum of the awards it lists."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from docx import Document
from pypdf import PdfReader

from tests.grants.conftest import make_award

pytestmark = pytest.mark.django_db

WELSH_MONTHS = [
    "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
    "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
]  # fmt: skip


@pytest.fixture
def awards(fund, csp):
    make_award(fund, csp, reference="a", amount="1000.25", purpose="Cycle marking kits")
    make_award(fund, csp, reference="b", amount="2000.50", purpose="Taxi marshals")
    make_award(fund, csp, reference="c", amount="999.00", purpose="SECRET draft", published=False)


def test_the_report_totals_the_published_awards_only_in_pdf_and_word(
    client, office, editor, awards
):
    client.force_login(editor)
    pdf = PdfReader(io.BytesIO(client.get(reverse("grants:panel-report-pdf")).content))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "COMMISSIONING AND GRANTS" in text.upper()
    assert "2 published grants, £3,000.75 in total." in text
    assert "SECRET" not in text
    word = Document(io.BytesIO(client.get(reverse("grants:panel-report-docx")).content))
    words = "\n".join(p.text for p in word.paragraphs)
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert "2 published grants, £3,000.75 in total." in words
    assert "1. PURPOSE" in words
    assert "Taxi marshals" in cells
    assert "SECRET draft" not in cells


def test_a_contributor_cannot_generate_the_report(client, csp_user, awards):
    client.force_login(csp_user)
    assert client.get(reverse("grants:panel-report-html")).status_code == 403


def test_the_word_report_dated_in_welsh_when_welsh_is_the_language(client, office, editor, awards):
    client.force_login(editor)
    with translation.override("cy"):
        word = Document(io.BytesIO(client.get(reverse("grants:panel-report-docx")).content))
    today = timezone.localdate()
    words = "\n".join(p.text for p in word.paragraphs)
    assert f"{today.day} {WELSH_MONTHS[today.month - 1]} {today.year}" in words
    assert f"{today:%B}" not in words
