"""The demo's funds and awards: the seeds' money, through the same importer as
`pcplan import-grants` (docs/grants-import.md)."""

from __future__ import annotations

from pathlib import Path

from pcplan.grants.importer import GrantsImportResult, import_grants

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"


def load_grants_demo() -> GrantsImportResult:
    return import_grants(DEMO_DATA / "funds.csv", DEMO_DATA / "awards.csv")
