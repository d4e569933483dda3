"""The same validators on every path (issue 15: "every value accepted by any path (form,
upload, import, API) passes the same validators as the form").

Each test below takes one field that is written by more than one path, gives the value its
staff form refuses (or cleans), and proves every other path that writes the field refuses (or
cleans) it too, from the same rule:

- observation period and value: ObservationForm; the CSV/Excel upload and the data.police.uk
  import's months; one rule, `performance.limits`.
- update text: UpdateForm; the API, the Delivery Plan spreadsheet and the plan import; one
  rule, `delivery.services.update_text` (the plan import through its checker's `xml_safe`).
- deliverable title: DeliverableForm; the plan import and the spreadsheet; the model field's
  `max_length`.
- a fund's opening and closing dates: FundForm; the grants import.
- a funded post's amount: FundedPostForm (the model field's digits); the partnerships import.
- a body's priorities (written by the partnerships import alone): the checker's text rule
  (XML-safe, trimmed) and the model field's `max_length`.
- an output's title and channel: CommsOutputForm; the output import; `xml_safe` and the model
  field's `max_length`.
- survey answers (no form; the import is the one path): `xml_safe` in `rules.split_issues`.

The office profile's page and `pcplan setup` share one checker by construction
(`pcplan.core.profile.check`), and the API edits deliverables and updates only through the
services the forms use (tests/api/test_staff_tokens.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import textwrap
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pcplan.api.tokens import issue_token
from pcplan.delivery import spreadsheet
from pcplan.delivery.forms import DeliverableForm, UpdateForm
from pcplan.delivery.models import Deliverable, Update
from pcplan.engagement import output_import, surveys
from pcplan.engagement.forms import CommsOutputForm
from pcplan.engagement.models import CommsOutput
from pcplan.grants.forms import FundForm
from pcplan.grants.importer import FUND_COLUMNS, ImportRefused, import_grants
from pcplan.grants.models import Fund, Source
from pcplan.partnerships.forms import FundedPostForm
from pcplan.partnerships.importer import ImportRefused as PartnershipsRefused
from pcplan.partnerships.importer import import_partnerships_file
from pcplan.partnerships.models import Body, BodyPriority, FundedPost
from pcplan.performance.forms import ObservationForm
from pcplan.performance.importer import PoliceDataError, import_police_data
from pcplan.performance.models import PoliceMonthlyCrime
from pcplan.performance.uploads import UploadError, filled_rows, parse
from pcplan.plans import importer as plan_importer
from tests.performance.conftest import FIXTURES as POLICE_FILES

pytestmark = pytest.mark.django_db

WORD_LINE_BREAK = "Meeting held\x0bnext one in June"  # Shift+Enter pasted from Word
STORED = "Meeting held\nnext one in June"


def observation_form(period: dt.date, value: str) -> ObservationForm:
    return ObservationForm(
        {
            "granularity": "month",
            "period_start_day": str(period.day),
            "period_start_month": str(period.month),
            "period_start_year": str(period.year),
            "value": value,
        },
        areas=[],
    )


# --- observations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "value", "field"),
    [(dt.date(9999, 12, 1), "3", "period_start"), (dt.date(2024, 1, 1), "1e15", "value")],
)
def test_an_observation_the_form_refuses_is_refused_by_the_upload(period, value, field):
    form = observation_form(period, value)
    assert not form.is_valid() and field in form.errors

    text = f"Granularity,Period start,Value\nmonth,{period:%Y-%m-%d},{value}\n"
    with pytest.raises(UploadError) as refused:
        parse("figures.csv", io.BytesIO(text.encode()), today=dt.date.today())
    column = "Period start" if field == "period_start" else "Value"
    assert refused.value.problems == [
        f"Row 2, column {column}: {form.errors[field][0][0].lower()}{form.errors[field][0][1:]}"
    ]


def test_a_police_month_the_observation_form_refuses_is_refused_by_the_police_import(
    tmp_path: Path,
):
    assert "period_start" in observation_form(dt.date(9999, 12, 1), "3").errors
    street = POLICE_FILES / "2024-01" / "2024-01-testshire-street.csv"
    far = tmp_path / "9999-12"
    far.mkdir()
    shutil.copy(street, far / "9999-12-testshire-street.csv")

    with pytest.raises(PoliceDataError) as refused:
        import_police_data([far])

    assert "9999-12-testshire-street.csv" in str(refused.value)
    assert "the month in the file name: enter a date between 1 January 1900 and" in str(
        refused.value
    )
    assert not PoliceMonthlyCrime.objects.exists()


# --- update text ----------------------------------------------------------------------------


def update_form(text: str, update: Update) -> UpdateForm:
    return UpdateForm(
        {"date_day": "20", "date_month": "3", "date_year": "2023", "text": text},
        instance=update,
    )


def test_update_text_is_cleaned_and_refused_alike_by_the_form_the_api_and_the_spreadsheet(
    client, contributor, editor, constabulary_deliverable, plan
):
    draft = Update(deliverable=constabulary_deliverable, date=dt.date(2023, 3, 1), text="Draft")
    form = update_form(WORD_LINE_BREAK, draft)
    form.is_valid()
    assert "text" not in form.errors
    assert form.cleaned_data["text"] == STORED
    assert "text" in update_form("\x0b", draft).errors

    _token, raw = issue_token(contributor, "audit")
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    url = reverse("api:staff-update-list")
    body = {"deliverable": constabulary_deliverable.pk, "date": "2023-03-20"}
    posted = client.post(
        url, {**body, "text": WORD_LINE_BREAK}, content_type="application/json", **bearer
    )
    assert posted.status_code == 201, posted.content
    assert Update.objects.get(pk=posted.json()["id"]).text == STORED
    blank = client.post(url, {**body, "text": "\x0b"}, content_type="application/json", **bearer)
    assert blank.status_code == 400

    rows = list(csv.reader(io.StringIO(spreadsheet.export_csv(plan).decode("utf-8-sig"))))
    header = rows[0]
    row = rows[1] + [""] * (len(header) - len(rows[1]))
    row[header.index(spreadsheet.NEW_DATE)] = "2023-03-21"
    row[header.index(spreadsheet.NEW_TEXT)] = WORD_LINE_BREAK
    changes = spreadsheet.read_changes(plan, "plan.csv", io.BytesIO(as_csv([header, row])))
    spreadsheet.apply_changes(editor, changes)
    assert Update.objects.filter(date=dt.date(2023, 3, 21)).get().text == STORED


def test_update_text_from_a_plan_file_is_cleaned_as_the_form_cleans_it():
    plan_importer.import_plan_text(
        plan_file(title="Police Race Action Plan", update=WORD_LINE_BREAK), "plan.yaml"
    )
    assert Update.objects.get().text == STORED


# --- deliverable title ----------------------------------------------------------------------


def test_a_title_too_long_for_the_form_is_refused_by_the_plan_import_and_the_spreadsheet(
    plan, theme, constabulary_deliverable
):
    too_long = "A" * (Deliverable._meta.get_field("title").max_length + 1)
    form = DeliverableForm({"title": too_long}, instance=constabulary_deliverable, plan=plan)
    assert "title" in form.errors

    with pytest.raises(plan_importer.ImportRefused) as refused:
        plan_importer.import_plan_text(plan_file(title=too_long, update="Started."), "plan.yaml")
    assert "characters long; at most 300 are allowed" in str(refused.value)

    rows = list(csv.reader(io.StringIO(spreadsheet.export_csv(plan).decode("utf-8-sig"))))
    rows.append(["", theme.title, too_long, "", "Not started", "Q2 2024/25"])
    with pytest.raises(spreadsheet.ImportRefused) as refused_sheet:
        spreadsheet.read_changes(plan, "plan.csv", io.BytesIO(as_csv(rows)))
    assert any("column Title: a title of at most 300" in p for p in refused_sheet.value.problems)
    assert not Deliverable.objects.filter(title=too_long).exists()


# --- fund dates -----------------------------------------------------------------------------


def test_a_fund_closing_before_it_opens_is_refused_by_the_form_and_the_grants_import(
    tmp_path: Path,
):
    form = FundForm(
        {
            "name": "Safer Communities Fund",
            "key": "safer-communities-fund",
            "source": Source.values[0],
            "opens_on_day": "1",
            "opens_on_month": "6",
            "opens_on_year": "2023",
            "closes_on_day": "1",
            "closes_on_month": "5",
            "closes_on_year": "2023",
        }
    )
    assert "closes_on" in form.errors

    funds = tmp_path / "funds.csv"
    with funds.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FUND_COLUMNS)
        writer.writeheader()
        writer.writerow(
            {
                "key": "safer-communities-fund",
                "name": "Safer Communities Fund",
                "max_award": "5000",
                "opens_on": "2023-06-01",
                "closes_on": "2023-05-01",
            }
        )
    with pytest.raises(ImportRefused) as refused:
        import_grants(funds, None)
    assert any("closes_on" in p for p in refused.value.problems)
    assert not Fund.objects.exists()


# --- the partnerships import ----------------------------------------------------------------


def test_a_funded_post_amount_too_large_for_the_form_is_refused_by_the_partnerships_import(
    tmp_path: Path,
):
    too_large = "12345678901.00"  # eleven digits of pounds; the column holds ten
    with pytest.raises(ValidationError) as form_refused:
        FundedPostForm().fields["amount"].clean(too_large)

    path = tmp_path / "partnerships.yaml"
    path.write_text(
        "format: pcplan-partnerships/1\n"
        "funded_posts:\n"
        "  - title: Problem-solving officer\n"
        "    funded_until: 2025-03-31\n"
        f"    amount: {too_large}\n"
    )
    with pytest.raises(PartnershipsRefused) as refused:
        import_partnerships_file(path)
    problems = [str(p) for p in refused.value.problems]
    amount = [p for p in problems if "funded_posts[0].amount" in p]
    assert len(amount) == 1, problems
    # The same validators as the form's field; YAML reads the number as 12345678901.0, so the
    # message names the whole digits where the form's names the total.
    assert "funded_posts[0].amount: Ensure that there are no more than" in amount[0]
    assert form_refused.value.messages[0].startswith("Ensure that there are no more than")
    assert not FundedPost.objects.exists()


def partnerships_file(tmp_path: Path, priority: str) -> Path:
    path = tmp_path / "partnerships.yaml"
    path.write_text(
        "format: pcplan-partnerships/1\n"
        "bodies:\n"
        "  - key: fenland-csp\n"
        "    name: Fenland CSP\n"
        "    kind: csp\n"
        f"    purpose: {json.dumps(WORD_LINE_BREAK)}\n"
        f"    priorities: [{json.dumps(priority)}]\n"
    )
    return path


def test_partnership_priorities_are_cleaned_and_limited_as_every_other_imported_text(
    tmp_path: Path,
):
    """A body's priorities are written by the import alone; they pass the checker's text rule
    (as `purpose` does) and the model's length."""
    import_partnerships_file(partnerships_file(tmp_path, WORD_LINE_BREAK))
    body = Body.objects.get(key="fenland-csp")
    assert body.purpose == STORED
    assert list(body.priorities.values_list("title", flat=True)) == [STORED]

    too_long = "A" * ((BodyPriority._meta.get_field("title").max_length or 0) + 1)
    with pytest.raises(PartnershipsRefused) as refused:
        import_partnerships_file(partnerships_file(tmp_path, too_long))
    problems = [str(p) for p in refused.value.problems]
    assert any("priorities[0]" in p and "at most 200 are allowed" in p for p in problems), problems
    assert list(body.priorities.values_list("title", flat=True)) == [STORED]


# --- the communications output import -------------------------------------------------------


def test_an_output_title_is_cleaned_and_limited_alike_by_the_form_and_the_import():
    form = CommsOutputForm(
        {
            "date_day": "1",
            "date_month": "3",
            "date_year": "2023",
            "kind": CommsOutput.Kind.PRESS_RELEASE,
            "title": WORD_LINE_BREAK,
            "channel": "Web\x0bsite",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == STORED
    assert form.cleaned_data["channel"] == "Web\nsite"
    too_long = "A" * ((CommsOutput._meta.get_field("title").max_length or 0) + 1)
    assert "title" in CommsOutputForm({"title": too_long}).errors

    rows = [
        ["Date", "Kind", "Channel", "Title"],
        ["2023-03-01", "Press release", "Web\x0bsite", WORD_LINE_BREAK],
    ]
    output_import.apply(None, "outputs.csv", as_csv(rows))
    stored = CommsOutput.objects.get()
    assert (stored.title, stored.channel) == (STORED, "Web\nsite")

    with pytest.raises(UploadError) as refused:
        output_import.preview(
            "outputs.csv", as_csv([rows[0], ["2023-03-01", "Statement", "", too_long]])
        )
    assert refused.value.problems == ["Row 2, column Title: at most 300 characters"]


# --- the survey responses import ------------------------------------------------------------


def test_survey_answers_are_stored_as_text_xml_can_hold():
    """No staff form writes a response: the import is the one path, and what it stores is
    shown in the consultation's reports, so it is cleaned as every form's text is."""
    rows = [["Area", "Issues raised"], ["Fenland", f"Bike theft; {WORD_LINE_BREAK}\x01"]]
    parsed = surveys.parse(
        filled_rows(rows), {"area": "Area", "issues": "Issues raised"}, {"fenland": "Fenland"}, {}
    )
    assert parsed.issues == [("Bike theft", STORED)]


# --- helpers --------------------------------------------------------------------------------


def as_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def plan_file(*, title: str, update: str) -> str:
    return (
        textwrap.dedent(
            """\
        format: pcplan-plan/1
        plan:
          key: audit-plan
          title: Police and Crime Plan 2021-24
          area: Cambridgeshire and Peterborough
        themes:
          - key: crime-prevention
            title: Crime Prevention
        deliverables:
          - key: the-deliverable
            theme: crime-prevention
            title: TITLE
            status: in-progress
            added_on: 2021-11-29
            updates:
              - date: 2023-03-15
                text: UPDATE
        """
        )
        .replace("TITLE", json.dumps(title))
        .replace("UPDATE", json.dumps(update))
    )
