"""Benchmark: the public grants register with 5,000 awards across 10 years and 20 funds.

Run from the checkout (uses a throw-away SQLite database):

    PCPLAN_TESTING=1 .venv/bin/python benchmarks/grants_register.py

It times the register page (first page of 50, totals and the chart by fund), a filtered page
and the full CSV download, 30 requests each, and prints the median and the queries per request.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PCPLAN_TESTING", "1")
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcplan.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from pcplan.core.models import CommunitySafetyPartnership, Office, Organisation  # noqa: E402
from pcplan.grants.models import Award, Fund  # noqa: E402
from pcplan.transparency.models import Decision  # noqa: E402

AWARDS, FUNDS, YEARS, RUNS = 5000, 20, 10, 30


def build() -> None:
    office = Office(name="Benchmark office")
    office.save()
    areas = [
        CommunitySafetyPartnership.objects.create(office=office, name=f"Area {n}") for n in range(6)
    ]
    recipients = Organisation.objects.bulk_create(
        Organisation(key=f"org-{n}", name=f"Recipient {n}", kind="csp") for n in range(200)
    )
    funds = Fund.objects.bulk_create(
        Fund(key=f"fund-{n}", name=f"Fund {n}", budget=Decimal("10000000")) for n in range(FUNDS)
    )
    start = dt.date(2014, 4, 1)

    def decided_on(n: int) -> dt.date:
        return start + dt.timedelta(days=(n * 365 * YEARS) // AWARDS)

    decisions = Decision.objects.bulk_create(
        Decision(
            number=f"D/{n}",
            decided_on=decided_on(n),
            title=f"Grant {n}",
            summary=f"Grant {n}",
            kind=Decision.Kind.GRANT,
            decision_maker="The office holder",
            is_published=True,
        )
        for n in range(AWARDS)
    )
    Award.objects.bulk_create(
        Award(
            reference=f"award-{n}",
            fund=funds[n % FUNDS],
            recipient=recipients[n % len(recipients)],
            area=areas[n % len(areas)],
            purpose=f"Purpose of award {n}",
            amount=Decimal(1000 + n) + Decimal("0.25"),
            conditions="Six-monthly returns.",
            reasons="Meets the fund's criteria.",
            decision=decisions[n],
            decision_date=decided_on(n),
            is_published=True,
        )
        for n in range(AWARDS)
    )


def timed(client: Client, url: str) -> tuple[float, int]:
    client.get(url)  # warm
    times = []
    for _ in range(RUNS):
        begin = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200, url  # noqa: S101
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries)


def main() -> None:
    setup_test_environment()  # lets the test client's host in, as the tests do
    call_command("migrate", verbosity=0)
    build()
    client = Client()
    for label, url in (
        ("register page", "/grants/"),
        ("register page, one fund and one year's month", "/grants/?fund=fund-3&month=2019-06"),
        ("register CSV (all 5,000 awards)", "/grants/register.csv"),
    ):
        median, queries = timed(client, url)
        print(f"{label}: median {median:.1f} ms over {RUNS} requests, {queries} queries")


if __name__ == "__main__":
    main()
