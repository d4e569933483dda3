"""Fixtures for performance tests: pcplan's own small police.uk files, and the real extracts."""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from pathlib import Path

import pytest
from django.core.cache import cache

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "police-uk"
# Real data.police.uk extracts, beside the checkout where present (../shared/data/police-uk).
SHARED_POLICE_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "police-uk"


@pytest.fixture(autouse=True)
def _figures_cache_cleared() -> None:
    """The dashboard's figures are cached per data version; tests roll the database back, so a
    version can repeat with other data: each test starts with an empty cache."""
    cache.clear()


@pytest.fixture
def police_files(tmp_path: Path) -> Path:
    """A writable copy of the fixture folder, so a test may spoil one file."""
    target = tmp_path / "police-uk"
    shutil.copytree(FIXTURES, target)
    return target


@pytest.fixture
def shared_police_data() -> Path:
    if not SHARED_POLICE_DATA.is_dir():
        pytest.skip(f"real data.police.uk extracts not present at {SHARED_POLICE_DATA}")
    return SHARED_POLICE_DATA.resolve()


def count_street_rows(paths: list[Path]) -> Counter[tuple[str, str]]:
    """An independent count with the csv module: rows per (month from file name, crime type)."""
    counts: Counter[tuple[str, str]] = Counter()
    for path in paths:
        month = path.name[:7]
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for row in csv.DictReader(stream):
                counts[(month, row["Crime type"])] += 1
    return counts


@pytest.fixture
def national_measures(db) -> None:
    """The measures the data migration loads. Browser tests flush every table (transactional
    tests do), so tests that need them ask for them rather than rely on the migration's rows."""
    from pcplan.performance.models import Measure
    from pcplan.performance.national import ensure_national_measures

    ensure_national_measures(Measure)


@pytest.fixture(autouse=True)
def office(db):
    """Every performance page reads its areas and forces from the office profile."""
    from tests.offices.profiles import seeds_office

    return seeds_office()
