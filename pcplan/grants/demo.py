"""The demo's funds and awards: the seeds' money, through the same importer as
`pcplan import-grants` (docs/grants-import.md)."""

from __future__ import annotations

from pathlib import Path

from pcplan.grants.importer import (
    GrantsImportResult,
    import_external_and_services,
    import_grants,
)

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"


def load_grants_demo() -> GrantsImportResult:
    result = import_grants(DEMO_DATA / "funds.csv", DEMO_DATA / "awards.csv")
    import_external_and_services(DEMO_DATA / "external.csv", DEMO_DATA / "services.csv")
    return result
