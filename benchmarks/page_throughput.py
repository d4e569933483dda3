"""Public pages' throughput under `pcplan serve` (gunicorn) against a bare Django view (issue 17).

Loads the demo into a throwaway SQLite database (or the PostgreSQL database named with
--database, dropped and created again), starts `pcplan serve` with 2 workers and production
settings, and runs wrk (Debian package `wrk`) against each public page, each run followed by
the same run against a bare view answering "ok" through the same middleware (the yardstick).
Prints each page's requests per second, its ratio to the bare view's, p50 and p99 latency and
errors. Target: every public page at least 0.5 of the bare view's throughput.

Run from the checkout:  .venv/bin/python benchmarks/page_throughput.py
Options: --seconds 5 --connections 10,50 --no-page-cache (to see pages built on every request)
         --database postgres://postgres@127.0.0.1:5432/pcplan_bench
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PCPLAN = Path(sys.executable).parent / "pcplan"
BARE = "/bench/bare/"

FIND_PAGES = """
import django
django.setup()
from pcplan.delivery.models import Deliverable
from pcplan.panel.models import Meeting
from pcplan.plans.models import Plan
plan = Plan.objects.public().order_by("-starts_on").first()
deliverable = Deliverable.objects.public().filter(theme__plan=plan).first()
meeting = Meeting.objects.order_by("-date").first()
print(f"/plans/{plan.key}/")
print(f"/plans/{plan.key}/themes/{deliverable.theme.key}/")
print(f"/plans/{plan.key}/deliverables/{deliverable.pk}/")
print(f"/panel/meetings/{meeting.pk}/")
"""
FIXED_PAGES = ["/", "/panel/", "/performance/", "/grants/", "/decisions/"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own commands
        [str(PCPLAN), *args], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"pcplan {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def wrk(url: str, connections: int, seconds: int) -> dict[str, float]:
    out = subprocess.run(  # noqa: S603
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def ms(label: str) -> float:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", out, re.M)
        if not match:
            return float("nan")
        value, unit = float(match[1]), match[2]
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses: (\d+)", r"Socket errors: .*?timeout (\d+)"):
        found = re.search(pattern, out)
        errors += int(found[1]) if found else 0
    return {"rps": rps, "p50": ms("50"), "p99": ms("99"), "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", default="10,50")
    parser.add_argument("--database", default="")
    parser.add_argument("--no-page-cache", action="store_true")
    parser.add_argument(
        "--data-dir", help="keep the SQLite demo here, and use it as it is if it is already there"
    )
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    work = Path(options.data_dir or tempfile.mkdtemp(prefix="pcplan-throughput-"))
    work.mkdir(parents=True, exist_ok=True)
    reuse = options.data_dir and (work / "pcplan.sqlite3").exists() and not options.database
    env = {**os.environ, "PCPLAN_DATA_DIR": str(work), "PYTHONPATH": str(ROOT)}
    for name in ("PCPLAN_TESTING", "PCPLAN_DEBUG", "PCPLAN_CACHE_URL"):
        env.pop(name, None)
    env.update(
        SECRET_KEY="benchmark-only-key",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SETTINGS_MODULE="benchmarks.throughput_settings",
        PCPLAN_PAGE_CACHE="0" if options.no_page_cache else "1",
    )
    if options.database:
        env["DATABASE_URL"] = options.database
        name = options.database.rsplit("/", 1)[1]
        admin = options.database.rsplit("/", 1)[0] + "/postgres"
        for sql in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
            subprocess.run(["psql", admin, "-qc", sql], check=True)  # noqa: S603, S607
    else:
        env.pop("DATABASE_URL", None)
    started = time.monotonic()
    if reuse:
        run(env, "migrate", "-v0")
    else:
        debug = {**env, "PCPLAN_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "pcplan.settings"}
        run(debug, "demo", "--no-serve")
        print(f"demo loaded in {time.monotonic() - started:.0f} s", flush=True)
    # Django's shell also says how many models it imported: only the addresses are wanted.
    found = run(env, "shell", "-v0", "-c", FIND_PAGES).split()
    pages = FIXED_PAGES + [line for line in found if line.startswith("/")]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603
        [str(PCPLAN), "serve", "--workers", "2", "--bind", f"127.0.0.1:{port}"], env=env
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + BARE, timeout=5).read()  # noqa: S310 - local
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("pcplan serve did not start")
                time.sleep(0.5)
        answered = []
        for page in pages:  # every page answers, and each worker has built it once
            try:
                for _ in range(4):
                    urllib.request.urlopen(base + page, timeout=120).read()  # noqa: S310
                answered.append(page)
            except OSError as exc:
                print(f"{page}: {exc}; left out", flush=True)
        pages = answered
        load = os.getloadavg()[0]
        cache = "off" if options.no_page_cache else "on"
        db = "PostgreSQL" if options.database else "SQLite"
        print(f"{db}, page cache {cache}, wrk {options.seconds} s per run, load {load:.1f}")
        print("| page | conns | req/s | bare req/s | ratio | p50 ms | p99 ms | errors |")
        print("|---|---|---|---|---|---|---|---|")
        for connections in (int(c) for c in options.connections.split(",")):
            for page in pages:
                got = wrk(base + page, connections, options.seconds)
                bare = wrk(base + BARE, connections, options.seconds)
                print(
                    f"| {page} | {connections} | {got['rps']:.0f} | {bare['rps']:.0f} "
                    f"| {got['rps'] / bare['rps']:.2f} | {got['p50']:.1f} | {got['p99']:.1f} "
                    f"| {got['errors']:.0f} |",
                    flush=True,
                )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        if not options.data_dir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
