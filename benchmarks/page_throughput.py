"""Pages' throughput under `pcplan serve` (gunicorn) against a bare Django view (issue 17).

Loads the demo into a throwaway SQLite database (or the PostgreSQL database named with
--database, dropped and created again), starts `pcplan serve` with 2 workers and production
settings, and runs wrk (Debian package `wrk`) against each public page, each run followed by
the same run against a bare view answering "ok" through the same middleware (the yardstick).
Prints each page's requests per second, its ratio to the bare view's, p50, p95 and p99 latency
and errors. Targets: every public page at least 0.5 of the bare view's throughput; every staff
page's p95 under 150 ms at 10 connections on the demo ×10.

Run from the checkout:  .venv/bin/python benchmarks/page_throughput.py
Options: --seconds 5 --connections 10,50 --no-page-cache (to see pages built on every request)
         --database postgres://postgres@127.0.0.1:5432/pcplan_bench
         --staff        the main staff pages instead, signed in as the demo's administrator
                        (a session made in the database, its second step passed, as after
                        signing in; the cookie is given to wrk with -H)
         --api          the API's main routes instead (/api/v1/ lists and records, anonymous),
                        each against a bare DRF endpoint answering the same number of records
                        in about as many bytes (benchmarks/throughput_urls.py; issue 14)
         --floor        also the bare view plus the public-version read every cached page makes
                        (the floor of a public page), measured like a page; with --staff, the
                        bare view signed in (the floor of a staff page)
         --bulk 10000   with --api: also 10,000 published deliverables and ten updates each
                        (benchmarks/bulk_data.py, as the search benchmark), the size issue 14
                        names for the list endpoints
         --multiply 10  the demo ×10 (`pcplan demo --multiply 10`: every record copied with
                        new keys, pcplan/demo/multiply.py)
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
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.demo_database import PCPLAN, load_demo, run  # noqa: E402

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
# `--floor`: the bare view plus the public-version read, measured as a page against the bare
# view: the most a cached public page can reach while a publish shows on the next request.
FLOOR_PAGE = "/bench/bare-version/"
# `--staff --floor`: the bare view signed in, the floor of every staff page.
STAFF_FLOOR_PAGE = "/bench/bare-staff/"

# Signs in the demo's administrator (who may read every staff page, the Panel's too) as the
# sign-in pages would, its authenticator step passed, and prints the session cookie, then the
# main staff pages.
STAFF_SESSION = """
import django
django.setup()
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from pcplan.core.models import User
from pcplan.delivery.models import Deliverable
from pcplan.panel.models import Meeting
from pcplan.plans.models import Plan
user = User.objects.get(username="admin")
device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
if device is None:
    device = TOTPDevice.objects.create(user=user, name="benchmark", confirmed=True)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session[DEVICE_ID_SESSION_KEY] = device.persistent_id
session.create()
print(f"cookie {settings.SESSION_COOKIE_NAME}={session.session_key}")
plan = Plan.objects.public().order_by("-starts_on", "pk").first()
deliverable = Deliverable.objects.filter(theme__plan=plan).order_by("pk").first()
meeting = Meeting.objects.of_panel().order_by("-date", "pk").first()
print("/staff/")
print(f"/staff/plans/{plan.key}/deliverables/")
print(f"/staff/deliverables/{deliverable.pk}/")
print("/staff/grants/")
print(f"/staff/panel/meetings/{meeting.pk}/")
print("/staff/decisions/")
"""

# The API's main routes, anonymous (issue 14): lists at the default page size, and a record.
FIND_API = """
import django
django.setup()
from pcplan.api import public
print("/api/v1/plans/")
print("/api/v1/deliverables/")
print(f"/api/v1/deliverables/{public.deliverables().first().pk}/")
print("/api/v1/updates/")
print(f"/api/v1/updates/{public.updates().first().pk}/")
print("/api/v1/meetings/")
print(f"/api/v1/meetings/{public.meetings().first().pk}/")
print("/api/v1/decisions/")
"""

# `--bulk N`: the issue 14 size beside the demo, then fresh planner statistics on PostgreSQL.
BULK = """
from django.db import connection
from benchmarks.bulk_data import build
build({deliverables}, 10)
if connection.vendor == "postgresql":
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
"""


def api_yardsticks(env: dict[str, str], base: str) -> dict[str, str]:
    """`--api`: each API route, and its yardstick: the bare DRF endpoint answering as many
    records (a page's `results`, or one) in about as many bytes as the route does."""
    import json

    found = run(env, "shell", "-v0", "-c", FIND_API).split()
    yardsticks = {}
    for page in (line for line in found if line.startswith("/")):
        with urllib.request.urlopen(base + page, timeout=120) as response:  # noqa: S310 - local
            body = response.read()
        data = json.loads(body)
        items = len(data["results"]) if "results" in data else 1
        yardsticks[page] = f"/bench/bare-api/{items}/{len(body)}/"
    return yardsticks


# The other main staff pages (issue 17): each is measured as the six above are. URL names, not
# addresses, so a moved page is still found; the recommendations page is the Panel's list as a
# signed-in visitor gets it (built on every request: signed-in visitors are never served the
# page cache), and search asks for words every part of the demo has.
MORE_STAFF_PAGES = """
from django.urls import reverse
print(reverse("engagement:staff-home"))
print(reverse("engagement:concerns"))
print(reverse("partnerships:staff-home"))
print(reverse("transparency:compliance"))
print(reverse("performance:staff-dashboard"))
print(reverse("panel:staff-home"))
print(reverse("panel:recommendations"))
print(reverse("plans:plan-detail", args=[plan.key]))
print(reverse("api:staff-search") + "?q=domestic+abuse")
"""


def staff_pages_script() -> str:
    """The staff session and every staff page the benchmark measures, as one shell script."""
    return STAFF_SESSION + MORE_STAFF_PAGES


# wrk prints p50, p75, p90 and p99; the staff target is a p95.
PERCENTILES = """
done = function(summary, latency, requests)
  io.write(string.format("percentiles %d %d %d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wrk(
    url: str, connections: int, seconds: int, script: Path, headers: list[str]
) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url]
    for header in headers:
        command[1:1] = ["-H", header]
    out = subprocess.run(  # noqa: S603
        command,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.search(r"^percentiles (\d+) (\d+) (\d+)$", out, re.M)
    p50, p95, p99 = (int(v) / 1000 for v in found.groups()) if found else (float("nan"),) * 3
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    errors = 0
    # A redirect counts as an error here: a staff page that sends the benchmark to sign in
    # has not been measured.
    for pattern in (
        r"Non-2xx or 3xx responses: (\d+)",
        r"Socket errors: .*?timeout (\d+)",
    ):
        found_errors = re.search(pattern, out)
        errors += int(found_errors[1]) if found_errors else 0
    return {"rps": rps, "p50": p50, "p95": p95, "p99": p99, "errors": errors}


def fetch(url: str, headers: list[str]) -> None:
    """Read a page as wrk will, and fail if it is not the page (a redirect to sign in)."""
    request = urllib.request.Request(url)  # noqa: S310 - local
    for header in headers:
        name, _, value = header.partition(": ")
        request.add_header(name, value)
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
        response.read()
        if response.url != url:
            raise OSError(f"redirected to {response.url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", default="10,50")
    parser.add_argument("--database", default="")
    parser.add_argument("--no-page-cache", action="store_true")
    parser.add_argument("--staff", action="store_true", help="the main staff pages, signed in")
    parser.add_argument("--api", action="store_true", help="the API's main routes, anonymous")
    parser.add_argument("--multiply", type=int, default=1, help="the demo ×N")
    parser.add_argument("--bulk", type=int, default=0, help="N more deliverables, ten updates each")
    parser.add_argument(
        "--floor", action="store_true", help="also the bare view plus the public-version read"
    )
    parser.add_argument(
        "--data-dir", help="keep the SQLite demo here, and use it as it is if it is already there"
    )
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    work = Path(options.data_dir or tempfile.mkdtemp(prefix="pcplan-throughput-"))
    work.mkdir(parents=True, exist_ok=True)
    # A kept demo is used again only if it was multiplied as asked.
    marker = work / "multiplied.txt"
    reuse = (
        options.data_dir
        and (work / "pcplan.sqlite3").exists()
        and not options.database
        and marker.exists()
        and marker.read_text().strip() == f"{options.multiply} {options.bulk}"
    )
    env = {**os.environ, "PCPLAN_DATA_DIR": str(work), "PYTHONPATH": str(ROOT)}
    for name in ("PCPLAN_TESTING", "PCPLAN_DEBUG", "PCPLAN_CACHE_URL"):
        env.pop(name, None)
    env.update(
        SECRET_KEY="benchmark-only-key",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SETTINGS_MODULE="benchmarks.throughput_settings",
        PCPLAN_PAGE_CACHE="0" if options.no_page_cache else "1",
    )
    load_demo(
        env, work=work, database=options.database, reuse=bool(reuse), multiply=options.multiply
    )
    if options.bulk and not reuse:
        run(env, "shell", "-v0", "-c", BULK.format(deliverables=options.bulk))
    if not reuse:
        marker.write_text(f"{options.multiply} {options.bulk}")
    headers: list[str] = []
    if options.staff:
        found = run(env, "shell", "-v0", "-c", staff_pages_script()).splitlines()
        cookie = next(line.split(" ", 1)[1] for line in found if line.startswith("cookie "))
        headers.append(f"Cookie: {cookie}")
        pages = [line for line in found if line.startswith("/")]
        if options.floor:
            pages.insert(0, STAFF_FLOOR_PAGE)
    else:
        # Django's shell also says how many models it imported: only the addresses are wanted.
        found = run(env, "shell", "-v0", "-c", FIND_PAGES).split()
        pages = FIXED_PAGES + [line for line in found if line.startswith("/")]
        if options.floor:
            pages.insert(0, FLOOR_PAGE)
    script = work / "percentiles.lua"
    script.write_text(PERCENTILES)
    port = free_port()
    yardsticks: dict[str, str] = {}
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
        if options.api:
            yardsticks = api_yardsticks(env, base)
            pages = list(yardsticks)
        answered = []
        for page in pages:  # every page answers, and each worker has built it once
            try:
                for _ in range(4):
                    fetch(base + page, headers)
                answered.append(page)
            except OSError as exc:
                print(f"{page}: {exc}; left out", flush=True)
        pages = answered
        load = os.getloadavg()[0]
        cache = "off" if options.no_page_cache else "on"
        db = "PostgreSQL" if options.database else "SQLite"
        who = "staff pages as the administrator" if options.staff else "public pages"
        if options.api:
            who = "API routes, anonymous, against a bare DRF endpoint of the same size"
        if options.bulk:
            who += f", {options.bulk:,} more deliverables and {options.bulk * 10:,} updates"
        print(
            f"{db}, demo ×{options.multiply}, {who}, page cache {cache}, "
            f"wrk {options.seconds} s per run, load {load:.1f}"
        )
        print("| page | conns | req/s | bare req/s | ratio | p50 ms | p95 ms | p99 ms | errors |")
        print("|---|---|---|---|---|---|---|---|---|")
        for connections in (int(c) for c in options.connections.split(",")):
            for page in pages:
                got = wrk(base + page, connections, options.seconds, script, headers)
                bare = wrk(
                    base + yardsticks.get(page, BARE), connections, options.seconds, script, []
                )
                ratio = got["rps"] / bare["rps"] if bare["rps"] else float("nan")
                print(
                    f"| {page} | {connections} | {got['rps']:.0f} | {bare['rps']:.0f} "
                    f"| {ratio:.2f} | {got['p50']:.1f} | {got['p95']:.1f} "
                    f"| {got['p99']:.1f} | {got['errors']:.0f} |",
                    flush=True,
                )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        if not options.data_dir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
