"""The Delivery Plan as a spreadsheet and back (issue 14 item 2): export with stable ids,
preview per row, atomic apply, errors by row and column, and an unchanged export re-imported
writes nothing and adds no history row."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from pcplan.delivery import spreadsheet
from pcplan.delivery.models import Deliverable, Update
from pcplan.delivery.rules import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivery_plan(plan, constabulary_deliverable, csp_deliverable, published_update):
    return plan


def history_rows():
    return Deliverable.history.count() + Update.history.count()


def rows_of_csv(data: bytes):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def as_csv(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def read(plan, data: bytes, name="plan.csv"):
    return spreadsheet.read_changes(plan, name, io.BytesIO(data))


def test_the_export_has_stable_ids_and_the_latest_update(delivery_plan, constabulary_deliverable):
    rows = rows_of_csv(spreadsheet.export_csv(delivery_plan))
    assert rows[0] == spreadsheet.COLUMNS
    row = next(r for r in rows if r[0] == str(constabulary_deliverable.pk))
    assert row[2] == "Serious Violence Strategy"
    assert row[3] == "Cambridgeshire Constabulary"
    assert row[4] == "In progress"
    assert row[7] == "Needs assessment under way."


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_reimporting_an_unchanged_export_changes_nothing_and_adds_no_history(
    delivery_plan, editor, fmt
):
    data = (spreadsheet.export_csv if fmt == "csv" else spreadsheet.export_xlsx)(delivery_plan)
    before = history_rows()
    changes = read(delivery_plan, data, f"plan.{fmt}")
    assert {c.action for c in changes} == {"unchanged"}
    assert spreadsheet.apply_changes(editor, changes) == 0
    assert history_rows() == before


def test_a_changed_row_is_previewed_old_to_new_then_applied(
    delivery_plan, editor, constabulary_deliverable, csp
):
    rows = rows_of_csv(spreadsheet.export_csv(delivery_plan))
    row = next(r for r in rows if r[0] == str(constabulary_deliverable.pk))
    row[3] = csp.name
    row[4] = "Completed"
    row[5] = "Q1 2023/24"
    row[8] = "2023-06-30"
    row[9] = "Strategy published."
    changes = read(delivery_plan, as_csv(rows))
    change = next(c for c in changes if c.deliverable.pk == constabulary_deliverable.pk)
    assert change.action == "changed"
    assert [(f.label, f.old, f.new) for f in change.changes] == [
        ("Status", "In progress", "Completed"),
        ("Target", "", "Q1 2023/24"),
        ("Lead", "Cambridgeshire Constabulary", csp.name),
    ]
    assert spreadsheet.apply_changes(editor, changes) == 1
    constabulary_deliverable.refresh_from_db()
    assert constabulary_deliverable.status == Status.COMPLETED
    assert constabulary_deliverable.lead == csp
    assert constabulary_deliverable.target_start == dt.date(2023, 4, 1)
    assert constabulary_deliverable.completed_on is not None
    assert constabulary_deliverable.history.first().history_change_reason == (
        "Imported from a spreadsheet"
    )
    new = Update.objects.get(text="Strategy published.")
    assert new.is_published is False
    assert new.author == editor


def test_a_row_without_an_id_adds_a_deliverable(delivery_plan, editor, theme):
    rows = rows_of_csv(spreadsheet.export_csv(delivery_plan))
    rows.append(["", theme.title, "Rural crime action plan", "", "Not started", "Q2 2024/25"])
    changes = read(delivery_plan, as_csv(rows))
    assert [c.action for c in changes].count("created") == 1
    spreadsheet.apply_changes(editor, changes)
    created = Deliverable.objects.get(title="Rural crime action plan")
    assert created.theme == theme
    assert created.key == "rural-crime-action-plan"


def test_each_kind_of_bad_row_is_refused_with_its_row_and_column_and_nothing_is_saved(
    delivery_plan, constabulary_deliverable
):
    rows = rows_of_csv(spreadsheet.export_csv(delivery_plan))
    good_id = str(constabulary_deliverable.pk)
    rows += [
        ["999999", "", "x", "", "", ""],
        [good_id, "", "again", "", "", ""],
        [good_id.replace(good_id, "")] + ["No such theme", "t", "", "", ""],
        ["", rows[1][1], "", "", "", ""],
        [rows[1][0], rows[1][1], "t", "Nobody", "Finished", "Q5 2023"],
        [rows[2][0], rows[2][1], "t", "", "", "", "", "", "30/06/2023", ""],
    ]
    before = history_rows()
    with pytest.raises(spreadsheet.ImportRefused) as refused:
        read(delivery_plan, as_csv(rows))
    problems = refused.value.problems
    assert problems[0].startswith("Row 4, column ID: 999999 is not the ID")
    assert any(p.startswith("Row 5, column ID: deliverable") for p in problems)
    assert any(p.startswith("Row 6, column Theme") for p in problems)
    assert any(p.startswith("Row 7, column Title") for p in problems)
    assert any(p.startswith("Row 8, column Lead") for p in problems)
    assert any(p.startswith("Row 8, column Status") for p in problems)
    assert any(p.startswith("Row 8, column Target") for p in problems)
    assert any(p.startswith("Row 9, column New update date") for p in problems)
    assert any(p.startswith("Row 9, column New update:") for p in problems)
    assert history_rows() == before


def test_a_file_missing_columns_is_refused_naming_them(delivery_plan):
    with pytest.raises(spreadsheet.ImportRefused) as refused:
        read(delivery_plan, b"ID,Title\n1,x\n")
    assert refused.value.problems[0].startswith("Row 1: the columns Theme, Lead, Status, Target")


@pytest.mark.django_db(transaction=True)
def test_the_staff_pages_preview_then_apply_once(
    client_for, editor, delivery_plan, constabulary_deliverable
):
    client = client_for(editor)
    exported = client.get(reverse("delivery-spreadsheet:export", args=[delivery_plan.key, "xlsx"]))
    assert exported.status_code == 200
    sheet = load_workbook(io.BytesIO(exported.getvalue())).active
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == constabulary_deliverable.pk:
            row[4].value = "On hold"
    edited = io.BytesIO()
    sheet.parent.save(edited)
    url = reverse("delivery-spreadsheet:upload", args=[delivery_plan.key])
    preview = client.post(url, {"file": SimpleUploadedFile("plan.xlsx", edited.getvalue())})
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "In progress → On hold" in page
    constabulary_deliverable.refresh_from_db()
    assert constabulary_deliverable.status == Status.IN_PROGRESS
    ticket = preview.context["ticket"]
    apply_url = reverse("delivery-spreadsheet:apply", args=[delivery_plan.key])
    applied = client.post(apply_url, {"ticket": ticket})
    assert applied.status_code == 302
    # Queued for the worker; the editor follows it on the job's page.
    constabulary_deliverable.refresh_from_db()
    assert constabulary_deliverable.status == Status.IN_PROGRESS
    call_command("worker", "--batch", "--no-startup-delay", "--interval=0", stdout=io.StringIO())
    constabulary_deliverable.refresh_from_db()
    assert constabulary_deliverable.status == Status.ON_HOLD
    assert (
        "1 deliverables saved from the spreadsheet"
        in client.get(applied["Location"]).content.decode()
    )
    versions = constabulary_deliverable.history.count()
    again = client.post(apply_url, {"ticket": ticket}, follow=True)
    assert "already been applied" in again.content.decode()
    assert constabulary_deliverable.history.count() == versions


def test_a_contributor_cannot_import(client_for, contributor, delivery_plan):
    client = client_for(contributor)
    url = reverse("delivery-spreadsheet:upload", args=[delivery_plan.key])
    data = spreadsheet.export_csv(delivery_plan)
    response = client.post(url, {"file": SimpleUploadedFile("plan.csv", data)})
    assert response.status_code == 403
