"""Nothing office-specific in code: no Cambridgeshire word outside the demo data (DESIGN.md)."""

from __future__ import annotations

import re
from pathlib import Path

PCPLAN = Path(__file__).resolve().parents[2] / "pcplan"
OFFICE_WORDS = re.compile(r"cambridgeshire|peterborough", re.IGNORECASE)

# Demo data is one office's data files; migrations record history as it was.
EXEMPT_PARTS = {"demo", "demo_data", "migrations"}


def files_naming_an_office() -> list[str]:
    found = []
    for path in sorted([*PCPLAN.rglob("*.py"), *PCPLAN.rglob("*.html")]):
        relative = path.relative_to(PCPLAN)
        if EXEMPT_PARTS & set(relative.parts[:-1]):
            continue
        if OFFICE_WORDS.search(path.read_text(encoding="utf-8")):
            found.append(f"pcplan/{relative.as_posix()}")
    return found


def test_no_python_or_template_names_the_seeds_office_outside_the_demo_data():
    assert files_naming_an_office() == []


def test_the_check_finds_an_office_word_where_there_is_one(tmp_path, monkeypatch):
    (tmp_path / "views.py").write_text('TITLE = "Peterborough"\n', encoding="utf-8")
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "loader.py").write_text('AREA = "Cambridgeshire"\n', encoding="utf-8")
    monkeypatch.setattr(__import__(__name__, fromlist=["PCPLAN"]), "PCPLAN", tmp_path)

    assert files_naming_an_office() == ["pcplan/views.py"]
