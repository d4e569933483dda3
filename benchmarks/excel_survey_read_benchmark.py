"""Time reading a survey export as Excel (openpyxl read-only, streaming) against the same rows
as CSV, both through `surveys.read_file`.

Run from the checkout:
    .venv/bin/python benchmarks/excel_survey_read_benchmark.py [--rows 25000]
Prints the rows read, the file sizes, the seconds for each read, their ratio and the peak
Python memory (tracemalloc) of the Excel read.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import time
import tracemalloc

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcplan.settings")
os.environ.setdefault("PCPLAN_TESTING", "1")

import django  # noqa: E402

django.setup()

from openpyxl import Workbook  # noqa: E402

from pcplan.engagement import surveys  # noqa: E402

HEADER = ["ID", "Submitted", "District", "Top issues"]


def row(n: int) -> list[object]:
    return [n, "2021-07-01", "Fenland", "Rural crime; Speeding"]


def excel(rows: int) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER)
    for n in range(rows):
        sheet.append(row(n))
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def text(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for n in range(rows):
        writer.writerow(row(n))
    return out.getvalue().encode()


def timed(name: str, data: bytes) -> tuple[int, float]:
    start = time.perf_counter()
    read = surveys.read_file(name, data)
    return len(read.rows) - 1, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=25_000)
    rows = parser.parse_args().rows
    xlsx, plain = excel(rows), text(rows)
    read, csv_seconds = timed("export.csv", plain)
    _, xlsx_seconds = timed("export.xlsx", xlsx)
    tracemalloc.start()
    surveys.read_file("export.xlsx", xlsx)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"rows read: {read:,}; xlsx {len(xlsx):,} bytes, csv {len(plain):,} bytes")
    print(f"csv read (yardstick): {csv_seconds:.2f} s")
    print(f"xlsx read: {xlsx_seconds:.2f} s ({xlsx_seconds / csv_seconds:.1f} x the csv)")
    print(f"xlsx read peak Python memory: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
