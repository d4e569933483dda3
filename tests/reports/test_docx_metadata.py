"""Word files carry the office's metadata, not python-docx's template's ("python-docx",
23 December 2013, en-US): issue 9 item 6."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn

from pcplan.core.models import Office
from pcplan.reports import services
from pcplan.reports.progress import build_progress_report, default_fields
from pcplan.reports.render import render_docx
from tests.factories import DeliverableFactory, UpdateFactory

AS_OF = dt.date(2023, 3, 15)
SINCE = dt.date(2022, 9, 14)
OFFICE = "Northshire Police, Fire and Crime Commissioner"


@pytest.fixture
def reported_plan(theme):
    UpdateFactory(deliverable=DeliverableFactory(theme=theme, title="Rural Crime Action Plan"))
    return theme.plan


def word(plan):
    report = build_progress_report(plan, AS_OF, SINCE, default_fields(plan, AS_OF))
    return Document(io.BytesIO(render_docx(report)))


def default_run_language(doc) -> str:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    return defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val"))


@pytest.mark.django_db
def test_a_generated_word_file_names_the_office_now_and_british_english(
    editor, reported_plan, office
):
    office.kind, office.name = Office.Kind.PFCC, OFFICE
    office.save()
    before = timezone.now().replace(microsecond=0)
    generated = services.generate_report(
        editor,
        reported_plan,
        kind="panel",
        fmt="docx",
        as_of=AS_OF,
        since=SINCE,
        report_fields=default_fields(reported_plan, AS_OF),
    )
    with default_storage.open(generated.file.name, "rb") as stored:
        doc = Document(io.BytesIO(stored.read()))
    core = doc.core_properties
    assert core.author == OFFICE
    assert core.last_modified_by == OFFICE
    assert before <= core.created <= timezone.now()
    assert core.modified == core.created
    assert core.language == "en-GB"
    assert "python-docx" not in (core.author + core.comments + core.last_modified_by)
    assert default_run_language(doc) == "en-GB"
    assert "en-US" not in doc.styles.element.xml
    assert "en-US" not in doc.settings.element.xml
    assert core.title and core.subject == reported_plan.title


@pytest.mark.django_db
def test_before_the_office_is_set_up_the_site_name_is_the_author(reported_plan, settings):
    settings.PCPLAN_SITE_NAME = "Policing plan service"
    Office.objects.all().delete()  # the reports' fixtures set the office up
    core = word(reported_plan).core_properties
    assert core.author == "Policing plan service"
    assert core.last_modified_by == "Policing plan service"
    assert core.created.year == timezone.now().year
