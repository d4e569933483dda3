"""Importing funds and awards from CSV and Excel (docs/grants-import.md): all or nothing,
problems named by file, row and column, and re-importing adds nothing."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from pcplan.grants.demo import load_grants_demo
from pcplan.grants.importer import AWARD_COLUMNS, FUND_COLUMNS, ImportRefused, import_grants
from pcplan.grants.models import Award, CommissionedService, ExternalBid, Fund
from pcplan.transparency.models import Decision

pytestmark = pytest.mark.django_db

FUND = {
    "key": "safer-communities-fund",
    "name": "Safer Communities Fund",
    "eligible": "csp",
    "max_award": "5000",
    "budget": "12000",
}
AWARD = {
    "reference": "scf-1",
    "fund": "safer-communities-fund",
    "recipient": "safer-peterborough-partnership",
    "purpose": "Taxi marshals",
    "amount": "4,500.50",
    "decision_date": "2022-07-01",
    "published": "yes",
}


def write_csv(path, columns, rows):
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


def test_funds_and_awards_are_imported_and_reimporting_adds_nothing(tmp_path, csp):
    funds = write_csv(tmp_path / "funds.csv", FUND_COLUMNS, [FUND])
    awards = write_csv(tmp_path / "awards.csv", AWARD_COLUMNS, [AWARD])
    result = import_grants(funds, awards)
    assert (result.funds_created, result.awards_created) == (1, 1)
    award = Award.objects.get()
    assert award.amount == Decimal("4500.50")
    assert award.is_published
    assert award.published_at is not None
    history = Award.history.count()
    again = import_grants(funds, awards)
    assert not again.changed
    assert Award.objects.count() == 1
    assert Fund.objects.count() == 1
    assert Award.history.count() == history


def test_an_imported_decision_is_in_the_decision_register_once(tmp_path, csp):
    funds = write_csv(tmp_path / "funds.csv", FUND_COLUMNS, [FUND])
    decided = {"decision_number": "2022/031", "decision_maker": "Commissioner"}
    rows = [
        {**AWARD, **decided, "amount": "100"},
        {**AWARD, **decided, "reference": "scf-2", "amount": "200", "published": "no"},
    ]
    awards = write_csv(tmp_path / "awards.csv", AWARD_COLUMNS, rows)
    import_grants(funds, awards)
    decision = Decision.objects.get()
    assert (decision.number, decision.decided_on, decision.decision_maker) == (
        "2022/031",
        dt.date(2022, 7, 1),
        "Commissioner",
    )
    assert decision.kind == Decision.Kind.GRANT
    assert decision.is_published  # its first award is published
    assert {a.decision for a in Award.objects.all()} == {decision}
    history = Decision.history.count()
    assert not import_grants(funds, awards).changed
    assert Decision.objects.count() == 1
    assert Decision.history.count() == history


def test_a_decision_number_without_its_date_is_refused(tmp_path, csp):
    funds = write_csv(tmp_path / "funds.csv", FUND_COLUMNS, [FUND])
    row = {**AWARD, "decision_number": "2022/031", "decision_date": ""}
    awards = write_csv(tmp_path / "awards.csv", AWARD_COLUMNS, [row])
    with pytest.raises(ImportRefused, match="row 2, column decision_date: the date"):
        import_grants(funds, awards)
    assert Decision.objects.count() == 0


def test_a_bad_row_is_refused_with_file_row_and_column_and_nothing_is_saved(tmp_path, csp):
    funds = write_csv(tmp_path / "funds.csv", FUND_COLUMNS, [FUND])
    bad = {**AWARD, "reference": "scf-2", "amount": "lots", "decision_date": "1 July 2022"}
    awards = write_csv(tmp_path / "awards.csv", AWARD_COLUMNS, [AWARD, bad])
    with pytest.raises(ImportRefused) as refused:
        import_grants(funds, awards)
    problems = refused.value.problems
    assert "awards.csv, row 3, column amount: an amount in pounds" in problems[0]
    assert "awards.csv, row 3, column decision_date: a date as YYYY-MM-DD" in problems[1]
    assert Fund.objects.count() == 0
    assert Award.objects.count() == 0


def test_an_award_over_the_budget_without_a_reason_refuses_the_whole_file(tmp_path, csp):
    funds = write_csv(tmp_path / "funds.csv", FUND_COLUMNS, [FUND])
    rows = [AWARD, {**AWARD, "reference": "scf-2", "amount": "8000"}]
    awards = write_csv(tmp_path / "awards.csv", AWARD_COLUMNS, rows)
    with pytest.raises(ImportRefused, match="row 3, column amount: This award of £8,000.00"):
        import_grants(funds, awards)
    assert Fund.objects.count() == 0
    assert Award.objects.count() == 0
    rows[1]["budget_override_reason"] = "Agreed at Board"
    write_csv(awards, AWARD_COLUMNS, rows)
    assert import_grants(funds, awards).awards_created == 2


def test_an_unknown_column_is_named(tmp_path):
    path = tmp_path / "funds.csv"
    path.write_text("key,name,colour\nx,X,red\n")
    with pytest.raises(ImportRefused, match=r"funds.csv, row 1: unknown column\(s\) colour"):
        import_grants(path, None)


def test_an_excel_awards_file_imports_as_the_csv_does(tmp_path, csp):
    funds = write_csv(tmp_path / "funds.csv", FUND_COLUMNS, [FUND])
    book = Workbook()
    sheet = book.active
    sheet.append(list(AWARD))
    sheet.append(list(AWARD.values()))
    book.save(tmp_path / "awards.xlsx")
    import_grants(funds, tmp_path / "awards.xlsx")
    assert Award.objects.get().amount == Decimal("4500.50")


def test_the_command_reports_a_refusal_and_changes_nothing(tmp_path):
    awards = write_csv(tmp_path / "awards.csv", AWARD_COLUMNS, [AWARD])
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("import_grants", "--awards", str(awards))
    assert Award.objects.count() == 0


def test_the_demo_holds_the_seeds_money_and_says_what_they_do_not_give(opcc, csp):
    # The seeds' CSPs and organisations, as the demo's plan files define them.
    from tests.factories import OrganisationFactory

    OrganisationFactory(key="cambridgeshire-constabulary", kind="police")
    OrganisationFactory(key="peterborough-city-council", kind="local-authority")
    for key in (
        "cambridge-city-community-safety-partnership",
        "fenland-community-safety-partnership",
        "south-cambridgeshire-community-safety-partnership",
    ):
        OrganisationFactory(key=key, kind="csp")
    from pcplan.core.models import CommunitySafetyPartnership, Office

    office = Office.objects.create()
    for name in (
        "Cambridge City Community Safety Partnership",
        "Fenland Community Safety Partnership",
        "Safer Peterborough Partnership",
        "South Cambridgeshire Community Safety Partnership",
    ):
        CommunitySafetyPartnership.objects.create(office=office, name=name)
    from tests.factories import PlanFactory, ThemeFactory

    plan = PlanFactory(key="cambs-2021-24")
    for key in (
        "putting-communities-first",
        "crime-prevention",
        "supporting-victims-and-witnesses",
        "robust-enforcement",
    ):
        ThemeFactory(plan=plan, key=key)
    load_grants_demo()
    assert Fund.objects.get(key="safer-communities-fund").max_award == Decimal("5000.00")
    assert Fund.objects.get(key="safer-streets-round-4").budget == Decimal("634285.00")
    assert Fund.objects.get(key="csp-local-crime-and-disorder").budget == Decimal("730000.00")
    assert Award.objects.get(reference="cdrg-youth-offending-services-2021-22").amount == Decimal(
        "263000.00"
    )
    assert Award.objects.get(
        reference="cdrg-multiple-complex-needs-peterborough-2021-22"
    ).amount == Decimal("78000.00")
    unstated = Award.objects.get(reference="scf-cambridge-cycle-theft")
    assert unstated.amount is None
    assert unstated.amount_note == "Not given in the seeds"
    assert not Award.objects.get(reference="safer-streets-4-partnership-bid").is_published
    round_4 = ExternalBid.objects.get(key="safer-streets-round-4")
    assert round_4.amount_won == Decimal("634285.00")
    assert round_4.interventions.count() == 9
    assert ExternalBid.objects.get(key="safer-streets-round-1").amount_won is None
    assert "not given in the seeds" in CommissionedService.objects.get(key="victims-services").notes
    count = Award.objects.count()
    history = ExternalBid.history.count()
    load_grants_demo()
    assert Award.objects.count() == count
    assert ExternalBid.history.count() == history
    assert round_4.interventions.count() == 9


def test_a_problem_after_blank_rows_names_the_row_the_spreadsheet_shows(tmp_path, csp):
    """Blank lines are skipped but counted: row 5 is the fifth line a user sees in the file
    (the header, the first award, two blank lines, then the bad award)."""
    funds = write_csv(tmp_path / "funds.csv", FUND_COLUMNS, [FUND])
    awards = write_csv(tmp_path / "awards.csv", AWARD_COLUMNS, [AWARD])
    bad = {**AWARD, "reference": "scf-2", "amount": "lots"}
    with awards.open("a", newline="") as f:
        f.write("\n,,,,,,\n")
        csv.DictWriter(f, fieldnames=AWARD_COLUMNS).writerow(bad)
    with pytest.raises(ImportRefused, match="awards.csv, row 5, column amount: an amount"):
        import_grants(funds, awards)
    assert Award.objects.count() == 0


def test_an_excel_award_over_budget_after_blank_rows_names_its_row(tmp_path, csp):
    funds = write_csv(tmp_path / "funds.csv", FUND_COLUMNS, [FUND])
    book = Workbook()
    sheet = book.active
    sheet.append(AWARD_COLUMNS)
    sheet.append([AWARD.get(c, "") for c in AWARD_COLUMNS])
    sheet.append([])
    sheet.append(
        [{**AWARD, "reference": "scf-2", "amount": "8000"}.get(c, "") for c in AWARD_COLUMNS]
    )
    path = tmp_path / "awards.xlsx"
    book.save(path)
    with pytest.raises(ImportRefused, match="awards.xlsx, row 4, column amount: This award"):
        import_grants(funds, path)
    assert Award.objects.count() == 0
