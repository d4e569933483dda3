"""Survey responses are imported from a survey tool's export: mapped, checked, all or none."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from openpyxl import Workbook

from pcplan.core import bulk
from pcplan.core.models import BackgroundJob
from pcplan.engagement import rules, summary, surveys
from pcplan.engagement.models import SurveyImport, SurveyResponse
from pcplan.performance import uploads
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db

MAPPING = {"response_id": "ID", "date": "Submitted", "area": "District", "issues": "Top issues"}
GOOD = (
    "ID,Submitted,District,Which theme matters most?,Top issues\n"
    "1,30/06/2021,Cambridge,Crime Prevention,Bike theft; Visibility\n"
    "2,2021-07-01,Fenland,,Rural crime\n"
    "3,2021-07-02,South Cambridgeshire,crime-prevention,Speeding\n"
)


def test_a_good_file_adds_every_response_with_area_theme_and_issues(editor, consultation):
    mapping = {**MAPPING, "theme": "Which theme matters most?"}
    done = surveys.apply(editor, consultation, "export.csv", GOOD.encode(), mapping)
    assert done is not None and done.responses_added == 3
    first = SurveyResponse.objects.get(row=2)
    assert first.area == "Cambridge"
    assert first.theme is not None and first.theme.title == "Crime Prevention"
    assert first.issues == ["Bike theft", "Visibility"]
    assert str(first.responded_on) == "2021-06-30"
    assert SurveyResponse.objects.get(row=4).theme is not None


def test_reimporting_the_same_file_adds_nothing(editor, consultation):
    surveys.apply(editor, consultation, "export.csv", GOOD.encode(), MAPPING)
    again = surveys.apply(editor, consultation, "export-again.csv", GOOD.encode(), MAPPING)
    assert again is None
    assert SurveyResponse.objects.count() == 3
    assert SurveyImport.objects.count() == 1


def test_a_later_longer_export_adds_only_the_new_responses(editor, consultation):
    surveys.apply(editor, consultation, "export.csv", GOOD.encode(), MAPPING)
    longer = GOOD + "4,2021-07-03,Peterborough,,Drugs\n"
    done = surveys.apply(editor, consultation, "export-2.csv", longer.encode(), MAPPING)
    assert done is not None and (done.rows_read, done.responses_added) == (4, 1)
    assert SurveyResponse.objects.count() == 4


def test_a_wrong_header_is_refused_naming_row_1_and_the_column(editor, consultation):
    with pytest.raises(surveys.UploadError) as refused:
        surveys.apply(
            editor, consultation, "export.csv", GOOD.encode(), {**MAPPING, "area": "Ward"}
        )
    assert refused.value.problems[0].startswith("Row 1, column Ward: there is no such column")
    assert not SurveyResponse.objects.exists() and not SurveyImport.objects.exists()


def test_a_bad_date_and_an_unknown_area_are_refused_with_row_and_column_and_nothing_saved(
    editor, consultation
):
    bad = GOOD + "4,31/02/2021,Cambridge,,Drugs\n5,2021-07-03,Atlantis,,Drugs\n"
    with pytest.raises(surveys.UploadError) as refused:
        surveys.apply(editor, consultation, "export.csv", bad.encode(), MAPPING)
    assert refused.value.problems[0].startswith("Row 5, column Submitted: enter a date")
    assert refused.value.problems[1].startswith(
        "Row 6, column District: “Atlantis” is not an area of this office"
    )
    assert SurveyResponse.objects.count() == 0
    assert SurveyImport.objects.count() == 0


def test_an_unknown_theme_is_refused_with_row_and_column(editor, consultation):
    bad = "ID,District,Theme,Top issues\n1,Cambridge,Unicorns,Drugs\n"
    mapping = {"area": "District", "theme": "Theme", "issues": "Top issues"}
    with pytest.raises(surveys.UploadError) as refused:
        surveys.apply(editor, consultation, "export.csv", bad.encode(), mapping)
    assert refused.value.problems == [
        "Row 2, column Theme: “Unicorns” is not a theme of the consultation's plan"
    ]


def test_an_excel_export_is_read_like_a_csv(editor, consultation):
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ID", "Submitted", "District", "Top issues"])
    sheet.append([1, "2021-07-01", "peterborough", "Drugs; ASB"])
    stream = io.BytesIO()
    book.save(stream)
    done = surveys.apply(editor, consultation, "export.xlsx", stream.getvalue(), MAPPING)
    assert done is not None and done.responses_added == 1
    assert SurveyResponse.objects.get().area == "Peterborough"


def test_an_excel_date_cell_is_read_as_its_day(editor, consultation):
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ID", "Submitted", "District", "Top issues"])
    sheet.append([1, dt.datetime(2021, 7, 1, 14, 5), "Fenland", "Drugs"])
    sheet.append([2, dt.date(2021, 7, 2), "Fenland", "Drugs"])
    stream = io.BytesIO()
    book.save(stream)
    surveys.apply(editor, consultation, "export.xlsx", stream.getvalue(), MAPPING)
    days = SurveyResponse.objects.order_by("row").values_list("responded_on", flat=True)
    assert list(days) == [dt.date(2021, 7, 1), dt.date(2021, 7, 2)]


def test_a_row_holding_only_a_zero_is_not_taken_for_a_blank_row():
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ID", "Submitted", "District", "Top issues"])
    sheet.append([None, None, None, None])
    sheet.append([0])
    stream = io.BytesIO()
    book.save(stream)
    assert surveys.read_file("export.xlsx", stream.getvalue()).rows[1:] == [[0]]


def _workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


# After a blank line, a problem names the row number the officer sees in the spreadsheet
# program (blank rows counted) and the column (issue 12: "every error naming row and column").
BLANK_THEN_BAD = (
    "ID,Submitted,District,Top issues\n"
    "1,2021-07-01,Cambridge,Drugs\n"
    "\n"
    ",,,\n"
    "2,2021-07-02,Atlantis,Drugs\n"
)


def test_a_bad_row_after_blank_lines_of_a_csv_is_named_by_its_row_in_the_file(editor, consultation):
    with pytest.raises(surveys.UploadError) as refused:
        surveys.apply(editor, consultation, "export.csv", BLANK_THEN_BAD.encode(), MAPPING)
    assert refused.value.problems == [
        "Row 5, column District: “Atlantis” is not an area of this office: enter one of "
        "Cambridge, East Cambridgeshire, Fenland, Huntingdonshire, Peterborough, "
        "South Cambridgeshire, or leave it blank"
    ]
    assert not SurveyResponse.objects.exists()


def test_a_bad_row_after_blank_rows_of_an_excel_sheet_is_named_by_its_row_in_the_sheet(
    editor, consultation
):
    data = _workbook(
        [
            ["ID", "Submitted", "District", "Top issues"],
            [1, "2021-07-01", "Cambridge", "Drugs"],
            [None, None, None, None],
            [None, "", None, "   "],
            [2, "next Tuesday", "Fenland", "Drugs"],
        ]
    )
    with pytest.raises(surveys.UploadError) as refused:
        surveys.apply(editor, consultation, "export.xlsx", data, MAPPING)
    assert refused.value.problems[0].startswith("Row 5, column Submitted: enter a date")
    assert not SurveyResponse.objects.exists()


def test_each_response_keeps_its_row_in_the_file_with_blank_rows_counted(editor, consultation):
    good = BLANK_THEN_BAD.replace("Atlantis", "Fenland")
    surveys.apply(editor, consultation, "export.csv", good.encode(), MAPPING)
    rows = SurveyResponse.objects.order_by("row").values_list("row", "area")
    assert list(rows) == [(2, "Cambridge"), (5, "Fenland")]


def test_the_results_are_counted_by_the_database_as_the_rows_would_count_them(editor, consultation):
    mapping = {**MAPPING, "theme": "Which theme matters most?"}
    repeated = GOOD + "".join(
        f"{n},2021-07-0{n % 3 + 1},Cambridge,Crime Prevention,Bike theft; Drugs\n"
        for n in range(4, 9)
    )
    surveys.apply(editor, consultation, "export.csv", repeated.encode(), mapping)
    results = summary.survey_results(consultation)
    responses = list(SurveyResponse.objects.values_list("area", "issues"))
    assert results.total == len(responses) == 8
    assert results.by_area == [("Cambridge", 6), ("Fenland", 1), ("South Cambridgeshire", 1)]
    assert results.by_theme == [("Crime Prevention", 7), ("No theme named", 1)]
    assert results.top_issues == rules.top_issues_by_area(responses)
    assert results.top_issues["Cambridge"][0] == ("Bike theft", 6)


def test_a_first_import_builds_the_once_only_constraint_again_after_loading(editor, consultation):
    surveys.apply(editor, consultation, "export.csv", GOOD.encode(), MAPPING)
    first = SurveyResponse.objects.get(row=2)
    first.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        first.save()


def test_a_first_import_that_fails_while_loading_leaves_the_constraint_in_place(
    editor, consultation, monkeypatch
):
    def broken(*args: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(bulk, "insert_rows", broken)
    with pytest.raises(RuntimeError):
        surveys.apply(editor, consultation, "export.csv", GOOD.encode(), MAPPING)
    assert not SurveyImport.objects.exists()
    survey_import = SurveyImport.objects.create(consultation=consultation, file_hash="x")
    same = {"consultation": consultation, "survey_import": survey_import, "content_hash": "h"}
    SurveyResponse.objects.create(row=2, **same)
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyResponse.objects.create(row=3, **same)


def excel_export(responses: int) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["ID", "Submitted", "District", "Top issues"])
    for n in range(responses):
        sheet.append([n, "2021-07-01", "Fenland", "Rural crime; Speeding"])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def test_an_excel_export_is_not_held_to_the_shared_readers_row_cap(
    editor, consultation, monkeypatch
):
    # 10 stands for the shared reader's 10,000 (20,000 sheet rows), which capped surveys; a
    # 25,000-row file takes about 6 s to read here, too slow for the suite (docs/PERFORMANCE.md).
    monkeypatch.setattr(uploads, "MAX_ROWS", 10)
    done = surveys.apply(editor, consultation, "export.xlsx", excel_export(30), MAPPING)
    assert done is not None and done.responses_added == 30


def test_an_excel_export_past_the_surveys_own_cap_is_refused(monkeypatch):
    monkeypatch.setattr(surveys, "EXCEL_MAX_ROWS", 10)
    with pytest.raises(surveys.UploadError, match="more than 10 rows"):
        surveys.read_file("export.xlsx", excel_export(30))


def run_worker() -> None:
    call_command("worker", "--batch", "--no-startup-delay", "--interval=0", stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_an_officer_uploads_maps_previews_and_imports_on_the_staff_pages(
    client_for, editor, consultation
):
    client = client_for(editor)
    upload = io.BytesIO(GOOD.encode())
    upload.name = "export.csv"
    response = client.post(
        reverse("engagement:survey-upload", args=[consultation.pk]), {"file": upload}
    )
    assert response.status_code == 302
    map_url = response["Location"]
    page = client.get(map_url)
    assert page.status_code == 200
    form = served_form(page.content.decode())
    form.update({"area": "District", "issues": "Top issues", "action": "preview"})
    preview = client.post(map_url, form)
    assert preview.status_code == 200
    assert "3 rows read; 3 responses would be added" in preview.content.decode()
    assert not SurveyResponse.objects.exists()
    form["action"] = "apply"
    applied = client.post(map_url, form)
    assert applied.status_code == 302
    # The import is queued for the worker; the officer follows it on the job's page.
    job = BackgroundJob.objects.get()
    assert applied["Location"] == reverse("core:job", args=[job.pk])
    assert not SurveyResponse.objects.exists()
    run_worker()
    assert SurveyResponse.objects.filter(consultation=consultation).count() == 3
    page = client.get(applied["Location"]).content.decode()
    assert "3 responses added (3 rows read)" in page


@pytest.mark.django_db(transaction=True)
def test_the_staff_page_shows_the_errors_and_imports_nothing(client_for, editor, consultation):
    client = client_for(editor)
    upload = io.BytesIO((GOOD + "4,2021-07-03,Atlantis,,Drugs\n").encode())
    upload.name = "export.csv"
    map_url = client.post(
        reverse("engagement:survey-upload", args=[consultation.pk]), {"file": upload}
    )["Location"]
    form = {"area": "District", "issues": "Top issues", "action": "apply"}
    job_url = client.post(map_url, form)["Location"]
    run_worker()
    body = client.get(job_url).content.decode()
    assert "There is a problem" in body
    assert "Row 5, column District" in body
    assert not SurveyResponse.objects.exists()
    assert not SurveyImport.objects.exists()
