"""Every CSV and Excel file pcplan writes is guarded against formula injection (issue 15:
"measure names beginning with =, +, -, @ go unescaped into CSV downloads").

`tests/performance/test_csv_injection.py` proves the guard (`pcplan.lib.spreadsheet.csv_safe`)
on a download; this test finds every place in pcplan's source that writes a spreadsheet, so a
new download written with a bare `csv.writer` or openpyxl fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pcplan

SOURCE = Path(pcplan.__file__).parent
GUARD = SOURCE / "lib" / "spreadsheet.py"
CSV_WRITER = re.compile(r"\bcsv\.(writer|DictWriter)\(")
WORKBOOK = re.compile(r"\bWorkbook\(")


def python_files() -> list[Path]:
    return [p for p in SOURCE.rglob("*.py") if "migrations" not in p.parts]


def test_no_csv_is_written_but_through_the_guarded_writer():
    bare = [str(p.relative_to(SOURCE)) for p in python_files() if p != GUARD]
    bare = [name for name in bare if CSV_WRITER.search((SOURCE / name).read_text())]
    assert bare == []
    assert CSV_WRITER.search(GUARD.read_text())


def test_every_excel_file_written_guards_each_cell():
    writers = [p for p in python_files() if WORKBOOK.search(p.read_text())]
    # One writer: core.exports, which the list downloads, the Delivery Plan sheet and the API's
    # xlsx all write through. A search that finds none has stopped finding it.
    assert SOURCE / "core" / "exports.py" in writers
    assert "exports.write_xlsx(" in (SOURCE / "api" / "renderers.py").read_text()
    unguarded = [str(p.relative_to(SOURCE)) for p in writers if "csv_safe(" not in p.read_text()]
    assert unguarded == []
