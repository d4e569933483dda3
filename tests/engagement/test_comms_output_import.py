"""Communications output is imported in bulk from CSV or Excel: checked, all or none, once."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from pcplan.engagement import output_import
from pcplan.engagement.models import CommsOutput
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db

GOOD = (
    "Date,Kind,Channel,Title,Theme\n"
    "2022-03-02,press-release,Local media,Commissioner welcomes new officers,Crime Prevention\n"
    "03/03/2022,Social media post,Facebook,Weekly update,\n"
    "03/03/2022,social-post,Facebook,Weekly update,\n"
    "2022-03-04,Response or statement,,Statement on the precept,crime-prevention\n"
)


def _upload(text: str, name: str = "output.csv") -> io.BytesIO:
    upload = io.BytesIO(text.encode())
    upload.name = name
    return upload


def test_an_officer_uploads_previews_and_imports_output_on_the_staff_pages(
    client_for, editor, theme
):
    client = client_for(editor)
    page = client.get(reverse("engagement:output"))
    assert reverse("engagement:output-upload") in page.content.decode()
    response = client.post(reverse("engagement:output-upload"), {"file": _upload(GOOD)})
    assert response.status_code == 302
    preview_url = response["Location"]
    preview = client.get(preview_url)
    text = preview.content.decode()
    assert "4 rows read; 4 would be added" in text
    assert not CommsOutput.objects.exists()  # a preview saves nothing
    response = client.post(preview_url, served_form(text, action=""))
    assert response.status_code == 302
    assert CommsOutput.objects.count() == 4
    release = CommsOutput.objects.get(kind="press-release")
    assert (release.date, release.channel, release.theme) == (
        dt.date(2022, 3, 2),
        "Local media",
        theme,
    )
    assert CommsOutput.objects.filter(kind="social-post", title="Weekly update").count() == 2
    assert CommsOutput.objects.get(kind="statement").theme == theme
    history = release.history.get()
    assert history.history_user == editor
    assert history.history_change_reason == "Imported from a file: output.csv"

    again = client.post(reverse("engagement:output-upload"), {"file": _upload(GOOD)})
    page = client.get(again["Location"]).content.decode()
    assert "4 rows read; 0 would be added" in page
    assert "already recorded: importing it adds nothing" in page


def test_reimporting_adds_nothing_and_a_longer_file_adds_only_its_new_rows(editor, theme):
    output_import.apply(editor, "output.csv", GOOD.encode())
    assert len(output_import.apply(editor, "output.csv", GOOD.encode()).new) == 0
    longer = GOOD + "2022-03-05,social-post,Facebook,Weekly update,\n"
    longer += "03/03/2022,social-post,Facebook,Weekly update,\n"  # a third identical post
    done = output_import.apply(editor, "output-2.csv", longer.encode())
    assert (done.rows, len(done.new)) == (6, 2)
    assert CommsOutput.objects.count() == 6


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("2022-13-45,social-post,Facebook,Post,", "Row 3, column Date: enter a date"),
        ("2022-03-05,Carrier pigeon,,Post,", "Row 3, column Kind: “Carrier pigeon” is not a kind"),
        ("2022-03-05,social-post,,,", "Row 3, column Title: enter the title"),
        ("2022-03-05,social-post,,Post,Unicorns", "Row 3, column Theme: “Unicorns” is not a theme"),
        ("2022-03-05,social-post," + "x" * 81 + ",Post,", "Row 3, column Channel: at most 80"),
    ],
)
def test_a_bad_row_is_refused_naming_row_and_column_and_nothing_is_saved(
    editor, theme, line, problem
):
    text = "Date,Kind,Channel,Title,Theme\n2022-03-02,press-release,,Good row,\n" + line + "\n"
    with pytest.raises(output_import.UploadError) as refused:
        output_import.apply(editor, "output.csv", text.encode())
    assert refused.value.problems[0].startswith(problem), refused.value.problems
    assert not CommsOutput.objects.exists()


@pytest.mark.parametrize("name", ["output.csv", "output.xlsx"])
def test_a_bad_row_after_blank_rows_is_named_by_its_row_in_the_file(editor, theme, name):
    rows = [
        ["Date", "Kind", "Channel", "Title", "Theme"],
        ["2022-03-02", "press-release", "", "Good row", ""],
        [],
        ["", "", "", "", ""],
        ["2022-03-05", "Carrier pigeon", "", "Post", ""],
    ]
    if name.endswith(".csv"):
        data = "".join(",".join(row) + "\n" for row in rows).encode()
    else:
        book = Workbook()
        for row in rows:
            book.active.append(row or [None])
        stream = io.BytesIO()
        book.save(stream)
        data = stream.getvalue()
    with pytest.raises(output_import.UploadError) as refused:
        output_import.apply(editor, name, data)
    assert refused.value.problems[0].startswith("Row 5, column Kind: “Carrier pigeon”")
    assert not CommsOutput.objects.exists()


def test_a_wrong_header_is_refused_naming_the_missing_and_unknown_columns(editor):
    text = "Date,Kind,Titel\n2022-03-02,press-release,Good row\n"
    with pytest.raises(output_import.UploadError) as refused:
        output_import.apply(editor, "output.csv", text.encode())
    assert refused.value.problems == [
        "Row 1: missing columns Title (expected Date, Kind, Channel, Title, Theme)",
        "Row 1, column Titel: not a column of this import "
        "(expected Date, Kind, Channel, Title, Theme)",
    ]
    assert not CommsOutput.objects.exists()


def test_a_bad_file_on_the_staff_pages_shows_every_problem_and_saves_nothing(client_for, editor):
    client = client_for(editor)
    bad = "Date,Kind,Title\nyesterday,press-release,A\n2022-03-02,blog,B\n"
    response = client.post(reverse("engagement:output-upload"), {"file": _upload(bad)})
    page = client.get(response["Location"])
    assert page.status_code == 400
    text = page.content.decode()
    assert "Row 2, column Date" in text and "Row 3, column Kind" in text
    assert "Nothing has been imported" in text
    assert not CommsOutput.objects.exists()


def test_an_excel_file_is_imported_with_its_dates(editor, theme):
    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Kind", "Title", "Theme"])
    sheet.append([dt.datetime(2022, 3, 2), "Press release", "From Excel", "Crime Prevention"])
    stream = io.BytesIO()
    book.save(stream)
    done = output_import.apply(editor, "output.xlsx", stream.getvalue())
    assert len(done.new) == 1
    saved = CommsOutput.objects.get()
    assert (saved.date, saved.kind, saved.theme) == (dt.date(2022, 3, 2), "press-release", theme)


def test_the_command_imports_once_and_refuses_a_bad_file_with_nothing_saved(tmp_path, theme):
    good = tmp_path / "output.csv"
    good.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command("import_comms_output", str(good), "--dry-run", stdout=out)
    assert "4 rows read, 4 would be added" in out.getvalue()
    assert not CommsOutput.objects.exists()
    call_command("import_comms_output", str(good), stdout=out)
    call_command("import_comms_output", str(good), stdout=out)
    assert "4 rows read, 0 added" in out.getvalue()
    assert CommsOutput.objects.count() == 4
    assert CommsOutput.objects.first().history.get().history_user is None
    bad = tmp_path / "bad.csv"
    bad.write_text("Date,Kind,Title\n2022-03-02,memo,Memo\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Row 2, column Kind"):
        call_command("import_comms_output", str(bad))
    assert CommsOutput.objects.count() == 4


@pytest.mark.parametrize("who", ["contributor", "panel_member"])
def test_only_opcc_editors_may_import_output(request, client_for, who):
    client = client_for(request.getfixturevalue(who))
    response = client.post(reverse("engagement:output-upload"), {"file": _upload(GOOD)})
    assert response.status_code == 403
    user = request.getfixturevalue(who)
    with pytest.raises(output_import.PermissionDenied):
        output_import.apply(user, "output.csv", GOOD.encode())
    assert not CommsOutput.objects.exists()


def test_the_demo_output_file_passes_the_importers_checks(plan):
    from pcplan.engagement.demo import DATA_DIR
    from tests.factories import ThemeFactory

    for position, title in enumerate(
        [
            "Putting Communities First",
            "Crime Prevention",
            "Supporting Victims and Witnesses",
            "Ethical Policing",
            "Robust Enforcement",
        ]
    ):
        ThemeFactory(plan=plan, key=f"t{position}", title=title, position=position)
    path = DATA_DIR / "synthetic-communications-output-2022-23.csv"
    preview = output_import.preview(path.name, path.read_bytes())
    assert preview.rows == len(preview.new) == 628
