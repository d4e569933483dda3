"""Load the partnership landscape of seeds 004 and 002 (called from the demo's load_demo)."""

from __future__ import annotations

from pathlib import Path

from pcplan.partnerships.importer import PartnershipsImport, import_partnerships_file

DATA_FILE = Path(__file__).resolve().parent / "demo_data" / "partnerships.yaml"


def load_partnerships_demo(path: Path = DATA_FILE) -> PartnershipsImport:
    """Through the same importer as `pcplan import-partnerships`; loading again adds nothing."""
    return import_partnerships_file(path)
