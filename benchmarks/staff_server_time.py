"""Each main staff page's own server time and SQL queries, in one process (issue 17).

`page_throughput.py --staff` measures the pages through gunicorn and wrk; this measures what
one request costs the server, without the network or the other workers: Django set up on a
kept demo database with production settings, the demo's administrator signed in with the test
Client (its authenticator step passed, as after signing in), and each page requested 20 times.
Prints each page's median and fastest server time, its median CPU time (the machine may be
shared), its queries and its Python function calls (one more request each, counted: the
calls, unlike the times, do not change with other work on the machine).

Build the demo ×10 once, then measure it:
  PCPLAN_TESTING=1 PCPLAN_DATA_DIR=/tmp/staffspeed PYTHONPATH=$PWD \\
      .venv/bin/python -m pcplan.cli demo --multiply 10 --no-serve
  PYTHONPATH=$PWD .venv/bin/python benchmarks/staff_server_time.py --data-dir /tmp/staffspeed
Options: --times 20    requests per page
         --page URL    only this page (may be given more than once)
         --profile URL one page under cProfile instead: the 20 functions with the most time of
                       their own, then pcplan's 20 with the most time including their callees
         --callers NAME with --profile: also who calls the functions named NAME (a regular
                       expression, e.g. gettext)
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def production_settings(data_dir: str) -> None:
    """The settings `page_throughput.py` serves with: production's, on the kept database."""
    for name in ("PCPLAN_TESTING", "PCPLAN_DEBUG", "PCPLAN_CACHE_URL", "DATABASE_URL"):
        os.environ.pop(name, None)
    os.environ.update(
        PCPLAN_DATA_DIR=data_dir,
        SECRET_KEY="benchmark-only-key",  # noqa: S106
        ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="pcplan.settings",
        PCPLAN_PAGE_CACHE="1",
    )


def staff_pages() -> list[str]:
    """The pages `page_throughput.py --staff` measures (STAFF_SESSION, MORE_STAFF_PAGES)."""
    from django.urls import reverse

    from pcplan.delivery.models import Deliverable
    from pcplan.panel.models import Meeting
    from pcplan.plans.models import Plan

    plan = Plan.objects.public().order_by("-starts_on", "pk").first()
    assert plan is not None, "no public plan: is the demo loaded?"
    deliverable = Deliverable.objects.filter(theme__plan=plan).order_by("pk").first()
    meeting = Meeting.objects.of_panel().order_by("-date", "pk").first()
    assert deliverable is not None and meeting is not None
    return [
        "/staff/",
        f"/staff/plans/{plan.key}/deliverables/",
        f"/staff/deliverables/{deliverable.pk}/",
        "/staff/grants/",
        f"/staff/panel/meetings/{meeting.pk}/",
        "/staff/decisions/",
        reverse("engagement:staff-home"),
        reverse("engagement:concerns"),
        reverse("partnerships:staff-home"),
        reverse("transparency:compliance"),
        reverse("performance:staff-dashboard"),
        reverse("panel:staff-home"),
        reverse("panel:recommendations"),
        reverse("plans:plan-detail", args=[plan.key]),
        reverse("api:staff-search") + "?q=domestic+abuse",
    ]


def signed_in_client():  # noqa: ANN201 - django.test.Client, imported after setup
    """The test Client as the demo's administrator, the authenticator step passed."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from pcplan.core.models import User

    user = User.objects.get(username="admin")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="benchmark", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def fetch(client, url: str) -> None:  # noqa: ANN001
    response = client.get(url)
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}")
    # A streamed page is built as it is read.
    response.getvalue() if response.streaming else response.content  # noqa: B018


def queries(client, url: str) -> int:  # noqa: ANN001
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fetch(client, url)
    return len(captured)


def python_calls(client, url: str) -> int:  # noqa: ANN001
    """The Python function calls of one request: unlike its time, the same on a busy machine."""
    profiler = cProfile.Profile()
    profiler.runcall(fetch, client, url)
    return int(pstats.Stats(profiler).total_calls)  # type: ignore[attr-defined]


def measure(client, url: str, times: int) -> tuple[float, float, float, int, int]:  # noqa: ANN001
    """Over `times` requests (after one to warm up): the median and fastest milliseconds on the
    clock, the median milliseconds of this process's CPU (less changed by other work on a
    shared machine), then the queries and the Python function calls of one more request."""
    fetch(client, url)
    took = []
    cpu = []
    for _ in range(times):
        began, began_cpu = time.perf_counter(), time.process_time()
        fetch(client, url)
        took.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return (
        statistics.median(took),
        min(took),
        statistics.median(cpu),
        queries(client, url),
        python_calls(client, url),
    )


def profile(client, url: str, times: int, callers: str) -> None:  # noqa: ANN001
    fetch(client, url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(times):
        fetch(client, url)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    print(f"{url}: {times} requests")
    stats.sort_stats("tottime").print_stats(20)
    # pcplan's own functions (and its templates' tags): where the page's time goes.
    stats.sort_stats("cumulative").print_stats(r"pcplan/(?!accounts/|core/pagecache)", 20)
    if callers:
        stats.print_callers(callers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", required=True, help="where the demo was loaded")
    parser.add_argument("--times", type=int, default=20)
    parser.add_argument("--page", action="append", default=[])
    parser.add_argument("--profile", default="")
    parser.add_argument("--callers", default="")
    options = parser.parse_args()
    production_settings(options.data_dir)

    import django

    django.setup()
    from django.core.management import call_command

    # Production's cache is a database table, made by `pcplan migrate` outside the tests.
    call_command("createcachetable", verbosity=0)
    client = signed_in_client()
    if options.profile:
        profile(client, options.profile, options.times, options.callers)
        return
    print(f"{'page':<44} {'median ms':>9} {'min ms':>7} {'CPU ms':>7} {'queries':>7} {'calls':>7}")
    for url in options.page or staff_pages():
        median, fastest, cpu, count, calls = measure(client, url, options.times)
        print(
            f"{url:<44} {median:9.1f} {fastest:7.1f} {cpu:7.1f} {count:7d} {calls:7d}", flush=True
        )


if __name__ == "__main__":
    main()
