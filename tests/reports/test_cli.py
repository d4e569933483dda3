"""`pcplan report progress`: files written, and clear errors for bad parameters."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from pcplan.cli import main
from tests.factories import DeliverableFactory


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


ARGS = ["progress", "--plan", "cambs-2021-24", "--as-of", "2023-03-15", "--since", "2022-09-14"]


@pytest.mark.django_db
def test_the_command_writes_the_report_in_the_format_asked(theme, tmp_path):
    DeliverableFactory(theme=theme, title="Serious Violence Strategy")
    target = tmp_path / "report.docx"

    said = run(*ARGS, "--format", "docx", "-o", str(target))

    assert "1 deliverables" in said
    doc = Document(str(target))
    assert "Serious Violence Strategy" in "\n".join(p.text for p in doc.paragraphs)


@pytest.mark.django_db
def test_the_pcplan_command_runs_it_with_a_hyphenated_name(theme, tmp_path, capsys):
    target = tmp_path / "report.html"
    main(["pcplan", "report", *ARGS, "--format", "html", "-o", str(target)])
    assert "<h2>" in target.read_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--as-of", "2022-09-01", "--since", "2022-09-14", "--format", "pdf"],
            "must be after the previous report date",
        ),
        (["--plan", "nope", "--format", "pdf"], "No plan 'nope'. Plans: cambs-2021-24"),
        (["--format", "odt"], "Unknown format 'odt': expected one of html, pdf, docx"),
        (["--as-of", "15/03/2023", "--format", "pdf"], "--as-of '15/03/2023' is not a date"),
    ],
)
def test_bad_parameters_get_a_clear_error_and_write_nothing(plan, tmp_path, args, message):
    target = tmp_path / "report.out"
    base = dict(zip(ARGS[1::2], ARGS[2::2], strict=True))
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value
    flat = [item for pair in base.items() for item in pair]
    with pytest.raises(CommandError, match=message):
        run("progress", *flat, "-o", str(target))
    assert not target.exists()
