"""A second office works: a mayor's office for Bedfordshire, built from files alone.

Everything goes through the commands a new office would run: `pcplan setup`, `pcplan
import-plan`, `pcplan import-police-data` and `pcplan report`. Then every page and document
it shows must name only that office, and each CSP area's figures must be the sum over the
districts the profile says it covers.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import textwrap
from collections import Counter
from html import unescape
from pathlib import Path

import docx
import pypdf
import pytest
from django.core.management import call_command

from pcplan.core.office import csp_areas, current_office
from pcplan.performance.areas import district_of
from pcplan.performance.models import Measure
from pcplan.performance.national import ensure_national_measures
from pcplan.plans.models import Plan
from tests.performance.conftest import SHARED_POLICE_DATA

MONTHS = ("2022-01", "2022-02", "2022-03")
FOREIGN = re.compile(r"cambridgeshire|peterborough|police and crime commissioner", re.IGNORECASE)

PROFILE = textwrap.dedent(
    """\
    format: pcplan-office/1
    kind: mayor
    name: Mayor of Bedfordshire
    holder_title: Mayor
    holder_short_title: Mayor
    office_name: Mayor's Office for Policing and Crime
    office_abbreviation: MOPC
    police_area: Bedfordshire
    board_name: Policing and Crime Board
    contact_officer: Head of Policy, Mayor's Office for Policing and Crime
    contact_details: policing@mayor.bedfordshire.example 01234 000000
    forces:
      - id: bedfordshire
        name: Bedfordshire Police
    panel:
      name: Bedfordshire Police and Crime Panel
      host_authority: Bedford Borough Council
      contact: Democratic Services, Bedford Borough Council
    csps:
      - name: Bedford Community Safety Partnership
        districts: [Bedford]
      - name: Central Bedfordshire Community Safety Partnership
        districts: [Central Bedfordshire]
      - name: Community Safety Luton
        districts: [Luton]
    """
)

PLAN = textwrap.dedent(
    """\
    format: pcplan-plan/1
    organisations:
      - key: mopc
        name: Mayor's Office for Policing and Crime
        kind: opcc
      - key: bedfordshire-police
        name: Bedfordshire Police
        kind: police
    plan:
      key: bedfordshire-2022-25
      title: Police and Crime Plan 2022-25
      area: Bedfordshire
      summary: The Mayor's priorities for policing and community safety in Bedfordshire.
      starts_on: 2022-04-01
      ends_on: 2025-03-31
      lifecycle:
        - {status: drafting, date: 2021-06-01}
        - {status: consultation, date: 2021-07-01}
        - {status: board-approved, date: 2021-10-01}
        - {status: sent-to-panel, date: 2021-10-15}
        - {status: panel-report-received, date: 2021-11-10}
        - {status: response-published, date: 2021-11-20}
        - {status: issued, date: 2021-12-01}
    themes:
      - key: safer-streets
        title: Safer Streets
        aim: We will cut neighbourhood crime with the districts' partnerships.
    deliverables:
      - key: hotspot-patrols
        theme: safer-streets
        title: Hotspot patrols in town centres
        lead: bedfordshire-police
        partners: [mopc]
        status: in-progress
        added_on: 2021-12-01
        published: true
        updates:
          - {date: 2022-03-01, text: Patrols run in all three districts., published: true}
      - key: victims-hub
        theme: safer-streets
        title: A victims' hub for the county
        lead: mopc
        status: not-started
        added_on: 2022-02-01
        published: true
    """
)


def street_files(tmp_path: Path) -> list[Path]:
    target = tmp_path / "police-uk"
    files = []
    for month in MONTHS:
        source = SHARED_POLICE_DATA / month / f"{month}-bedfordshire-street.csv"
        if not source.is_file():
            pytest.skip(f"Bedfordshire street files not present at {SHARED_POLICE_DATA}")
        (target / month).mkdir(parents=True)
        files.append(Path(shutil.copy(source, target / month / source.name)))
    return files


def crimes_by_district(files: list[Path]) -> Counter[str]:
    """An independent count of the street rows by district, with the csv module."""
    import csv

    counts: Counter[str] = Counter()
    for path in files:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for row in csv.DictReader(stream):
                counts[district_of(row["LSOA name"])] += 1
    return counts


def assert_only_this_office(text: str, where: str) -> None:
    found = sorted({m.lower() for m in FOREIGN.findall(text)})
    assert not found, f"{where} names another office: {found}"


@pytest.fixture
def bedfordshire(db, tmp_path: Path) -> list[Path]:
    profile = tmp_path / "office.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    files = street_files(tmp_path)
    call_command("setup", str(profile), verbosity=0)
    call_command("import_plan", str(plan), verbosity=0)
    call_command("import_police_data", str(tmp_path / "police-uk"), verbosity=0)
    ensure_national_measures(Measure)
    return files


@pytest.mark.slow
@pytest.mark.django_db
def test_a_mayors_office_for_bedfordshire_is_built_from_its_files(bedfordshire):
    office = current_office()
    assert office.holder == "Mayor"
    assert list(csp_areas()) == [
        "Bedford Community Safety Partnership",
        "Central Bedfordshire Community Safety Partnership",
        "Community Safety Luton",
    ]
    assert Plan.objects.get().status == "issued"


@pytest.mark.slow
@pytest.mark.django_db
def test_its_progress_report_names_only_its_mayor_panel_and_contact(bedfordshire, tmp_path):
    outputs = {}
    for fmt in ("html", "pdf", "docx"):
        output = tmp_path / f"report.{fmt}"
        call_command(
            "report",
            "progress",
            "--plan=bedfordshire-2022-25",
            "--as-of=2022-03-15",
            "--since=2021-12-31",
            f"--format={fmt}",
            f"--output={output}",
            stdout=io.StringIO(),
        )
        outputs[fmt] = output

    html = unescape(outputs["html"].read_text(encoding="utf-8"))
    pdf_text = " ".join(page.extract_text() or "" for page in pypdf.PdfReader(outputs["pdf"]).pages)
    document = docx.Document(str(outputs["docx"]))
    docx_text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    for name, text in (("HTML", html), ("PDF", pdf_text), ("DOCX", docx_text)):
        # Headers print the Panel's name and the title in capitals, as the seeds do.
        flat = " ".join(text.split()).casefold()
        for words in (
            "Bedfordshire Police and Crime Panel",
            "Delivery of the Mayor’s Police and Crime Plan 2022-25",
            "Head of Policy, Mayor's Office for Policing and Crime",
            "Report of Mayor of Bedfordshire",
            "Hotspot patrols in town centres",
        ):
            assert words.casefold() in flat, f"{name}: {words}"
        assert_only_this_office(flat, name)
    assert "the Mayor in the exercise of their statutory functions" in " ".join(html.split())


@pytest.mark.slow
@pytest.mark.django_db
def test_its_public_pages_name_only_its_office(bedfordshire, client):
    pages = {
        "home": client.get("/"),
        "plan": client.get("/plans/bedfordshire-2022-25/"),
        "performance": client.get("/performance/"),
        "reports": client.get("/reports/"),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        assert_only_this_office(response.content.decode(), name)
    assert "What the Mayor has set out to do" in pages["home"].content.decode()
    dashboard = pages["performance"].content.decode()
    for area in csp_areas():
        assert f'<option value="{area}">{area}</option>' in dashboard
    assert "Bedfordshire Police and Crime Panel" in pages["reports"].content.decode()


@pytest.mark.slow
@pytest.mark.django_db
def test_each_area_filter_counts_the_crimes_of_the_districts_its_csp_covers(bedfordshire, client):
    by_district = crimes_by_district(bedfordshire)
    whole = client.get("/performance/")
    whole_total = sum(n for _, n in whole.context["dashboard"].crime_types)
    assert whole_total == sum(by_district.values())

    area_totals = 0
    for area, districts in csp_areas().items():
        response = client.get("/performance/", {"area": area})
        assert response.status_code == 200
        html = response.content.decode()
        assert_only_this_office(html, area)
        assert f"Police-recorded crime in {area}" in html
        total = sum(n for _, n in response.context["dashboard"].crime_types)
        assert total == sum(by_district[d] for d in districts), area
        assert total > 0, area
        area_totals += total
    # Crimes the force recorded just outside its districts belong to no CSP of this office.
    outside = sum(
        n for d, n in by_district.items() if d not in {"Bedford", "Central Bedfordshire", "Luton"}
    )
    assert outside > 0
    assert area_totals == whole_total - outside
    assert dt.date(2022, 3, 1) in whole.context["dashboard"].latest_months
