"""Load and faults (issue 15): many signed-in and anonymous users at once against `pcplan serve`
and `pcplan worker`, with the worker, a server worker, the server and the database made to fail
on the way, then proof from the database that nothing was lost.

One command loads the demo (SQLite, or the PostgreSQL database named with --database, dropped
and created again), starts `pcplan serve` and `pcplan worker` as production runs them, and runs
--users "users" for --minutes. Each user is a thread with its own signed-in session (a session
made in the database, as benchmarks/page_throughput.py makes it) and, every --think seconds on
average, does one of: read a public page (anonymous), read a staff page, add an update to a
deliverable through its form (as the page served it, with its CSRF token), or edit its own
update through its form (with the version the form carries). Beside them one user asks for a
progress report every minute (built by the worker) and one uploads a data.police.uk file through
the web form every two minutes (imported by the worker), each followed on its job's page.

The bare view of page_throughput.py (the same middleware, answering "ok") is measured in the
same run, with as many threads and no pause, before the load: the yardstick for throughput.

--faults: during the load, in turn, kill -9 the worker while it runs a job (then start a worker
again, as systemd would, and press "Start again" on the job's page, as its owner would), kill -9
one gunicorn worker, kill -9 the gunicorn master (then start `pcplan serve` again), and, on
PostgreSQL, restart the database server (`pg_ctlcluster --skip-systemctl-redirect 15 main
restart`; or, with --faults=safe, end every connection to the benchmark database only, which
leaves other databases of a shared server alone). A request in flight during a fault, or sent
before the service is back, is counted apart ("during fault windows"); outside them every
non-2xx/3xx answer and every connection error is an error.

Afterwards, from the database: every update whose save was answered is there exactly once (one
whose answer was lost in a fault at most once), every edit answered is the text kept, every
job is done (one stopped by a killed worker only once started again and then done), and every
police file imported holds all its rows. Exits 1 if any error outside fault windows or any
broken invariant.

Run from the checkout:  .venv/bin/python benchmarks/load_and_faults.py --minutes 5 --users 50
    --database postgres://postgres@127.0.0.1:5432/pcplan_load --faults
Options: --think 1.0 (mean seconds between one user's requests), --workers 5 (gunicorn's),
         --faults=safe (the database fault without restarting the server), --data-dir DIR
         (keep the SQLite demo there and use it again), --keep-database (the same on PostgreSQL)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import requests  # noqa: E402 - after the checkout is on the path

from benchmarks.demo_database import PCPLAN, admin_url, has_demo, load_demo, run  # noqa: E402
from benchmarks.page_throughput import (  # noqa: E402
    BARE,
    FIND_PAGES,
    FIXED_PAGES,
    STAFF_SESSION,
    free_port,
)
from tests.htmlforms import served_form  # noqa: E402

POLICE_FILE = Path("/work/shared/data/police-uk/2024-10/2024-10-cambridgeshire-street.csv")
REPORT_EVERY = 60.0
IMPORT_EVERY = 120.0
# A fault's window runs from the fault until the service answers again, and this much after:
# requests sent in it may meet a server still starting workers or reconnecting.
GRACE = 2.0
TIMEOUT = 60.0


# Each user's session: STAFF_SESSION made once per user (it prints the cookie and the pages).
def sessions_script(users: int) -> str:
    return f"for _ in range({users}):\n" + textwrap.indent(STAFF_SESSION, "    ")


# What the load saved, read back after the run. Updates are found by the run's mark in their
# text; jobs are those started since the run began.
CHECK = """
import django, json, sys
django.setup()
from django_tasks_db.models import DBTaskResult
from pcplan.core.models import BackgroundJob
from pcplan.delivery.models import Update
from pcplan.performance.models import ImportRun
mark = {mark!r}
texts = {{}}
for text in Update.objects.filter(text__contains=mark).values_list("text", flat=True):
    texts[text] = texts.get(text, 0) + 1
jobs = [
    {{"id": str(j.pk), "title": j.title, "status": j.status, "interrupted": j.interrupted,
      "outcome": j.outcome, "problems": j.problems, "task_id": j.task_id}}
    for j in BackgroundJob.objects.filter(created_at__gte={since!r})
]
tasks = list(
    DBTaskResult.objects.filter(enqueued_at__gte={since!r}).values_list("status", flat=True)
)
runs = [r.rows for r in ImportRun.objects.filter(started_at__gte={since!r})]
print("CHECK " + json.dumps({{"texts": texts, "jobs": jobs, "tasks": tasks, "runs": runs}}))
"""


@dataclass
class Tracked:
    """One update a user added, and its edits: each text sent and whether it was answered as
    saved (True), refused (False) or not answered at all (None)."""

    texts: list[tuple[str, bool | None]]
    edit_url: str = ""


@dataclass
class Sample:
    kind: str
    started: float
    ended: float
    status: int  # 0: no answer (connection error, timeout)
    error: str = ""


@dataclass
class Run:
    base: str
    mark: str
    deadline: float
    samples: list[Sample] = field(default_factory=list)
    windows: list[tuple[str, float, float]] = field(default_factory=list)
    updates: list[Tracked] = field(default_factory=list)
    restarted: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    faults_done: threading.Event = field(default_factory=threading.Event)

    def going(self) -> bool:
        """The load goes on until its time is up and every fault has been made (on a slow
        machine a short run would otherwise end before its last fault)."""
        return time.monotonic() < self.deadline or not self.faults_done.is_set()

    def record(self, sample: Sample) -> None:
        with self.lock:
            self.samples.append(sample)

    def in_window(self, sample: Sample) -> bool:
        return any(
            sample.started <= end and sample.ended >= start for _, start, end in self.windows
        )


def timed(
    run_: Run,
    session: requests.Session,
    kind: str,
    method: str,
    url: str,
    expect: int | None = None,
    **kwargs: Any,
) -> requests.Response | None:
    """One request, its time and outcome recorded. An answer of 400 or more is an error, and
    so is any other answer than `expect` when given (a form shown again is not a save)."""
    started = time.monotonic()
    try:
        response = session.request(
            method, run_.base + url, timeout=TIMEOUT, allow_redirects=False, **kwargs
        )
    except requests.RequestException as exc:
        run_.record(Sample(kind, started, time.monotonic(), 0, type(exc).__name__))
        return None
    ended = time.monotonic()
    error = ""
    if response.status_code >= 400 or (expect and response.status_code != expect):
        error = f"HTTP {response.status_code}"
    run_.record(Sample(kind, started, ended, response.status_code, error))
    return response


def new_session(cookie: str = "") -> requests.Session:
    session = requests.Session()
    if cookie:
        name, _, value = cookie.partition("=")
        session.cookies.set(name, value, domain="127.0.0.1", path="/")
    return session


def post_form(
    run_: Run, session: requests.Session, kind: str, url: str, changes: dict[str, Any]
) -> tuple[bool, requests.Response | None]:
    """GET the form page, then POST its form back as served (CSRF token, version) with the
    user's changes, expecting to be sent on (a save). Whether the POST was sent, and its
    answer (None if there was none)."""
    page = timed(run_, session, f"{kind} (form)", "GET", url, expect=200)
    if page is None or page.status_code != 200:
        return False, None
    data = served_form(page.text, action="")
    data.update(changes)
    return True, timed(run_, session, kind, "POST", url, expect=302, data=data)


def outcome(answer: requests.Response | None) -> bool | None:
    return None if answer is None else answer.status_code == 302


def user_loop(
    run_: Run,
    number: int,
    cookie: str,
    public: list[str],
    staff: list[str],
    deliverable: int,
    think: float,
) -> None:
    signed_in = new_session(cookie)
    anonymous = new_session()
    rng = random.Random(number)  # noqa: S311 - a mix of requests, not a secret
    mine: list[Tracked] = []
    sent = 0
    while run_.going():
        time.sleep(rng.uniform(0, 2 * think))
        roll = rng.random()
        editable = [t for t in mine if t.edit_url]
        if roll < 0.45:
            timed(run_, anonymous, "public page", "GET", rng.choice(public))
        elif roll < 0.80:
            timed(run_, signed_in, "staff page", "GET", rng.choice(staff))
        elif roll < 0.92 or not editable:
            sent += 1
            text = f"{run_.mark} user {number} update {sent}"
            sent_it, answer = post_form(
                run_,
                signed_in,
                "add an update",
                f"/staff/deliverables/{deliverable}/updates/new/",
                {"text": text},
            )
            if not sent_it:
                continue  # the form was not served: nothing was sent
            tracked = Tracked([(text, outcome(answer))])
            with run_.lock:
                run_.updates.append(tracked)
            mine.append(tracked)
            if outcome(answer):
                tracked.edit_url = _own_update_edit_link(run_, signed_in, deliverable, text) or ""
        else:
            sent += 1
            tracked = rng.choice(editable)
            text = f"{run_.mark} user {number} edit {sent}"
            sent_it, answer = post_form(
                run_, signed_in, "edit an update", tracked.edit_url, {"text": text}
            )
            if sent_it:
                tracked.texts.append((text, outcome(answer)))


def _own_update_edit_link(
    run_: Run, session: requests.Session, deliverable: int, text: str
) -> str | None:
    """The edit address of the update just saved, read from the deliverable's staff page."""
    page = timed(run_, session, "staff page", "GET", f"/staff/deliverables/{deliverable}/")
    if page is None or page.status_code != 200:
        return None
    at = page.text.find(text)
    if at < 0:
        return None
    links = re.findall(r'href="(/staff/updates/\d+/edit/)"', page.text[at:])
    return links[0] if links else None


def follow_job(run_: Run, session: requests.Session, kind: str, job_url: str) -> str:
    """Read the job's page until it is done or not done (as its page refreshes itself)."""
    while time.monotonic() < run_.deadline + 300:
        page = timed(run_, session, f"{kind} (job page)", "GET", job_url)
        if page is not None and page.status_code == 200:
            if "govuk-panel--confirmation" in page.text:
                return "done"
            if "start-again/" in page.text:
                return "stopped"
            if "govuk-error-summary" in page.text:
                return "not done"
        time.sleep(2)
    return "timed out"


def start_again(run_: Run, session: requests.Session, job_url: str) -> bool:
    """Press "Start again" on the job's page, as its owner would."""
    page = timed(run_, session, "start again (form)", "GET", job_url)
    if page is None or "start-again/" not in page.text:
        return False
    action = f"{job_url}start-again/"
    data = served_form(page.text, action=action)
    answer = timed(run_, session, "start again", "POST", action, data=data)
    if answer is not None and answer.status_code == 302:
        with run_.lock:
            run_.restarted.append(job_url)
        return True
    return False


def ask_for_report(run_: Run, session: requests.Session, plan: str) -> str | None:
    _sent, answer = post_form(
        run_, session, "generate a report", f"/staff/plans/{plan}/reports/new/", {}
    )
    if answer is None or answer.status_code != 302:
        return None
    return str(answer.headers["Location"])


def upload_police_file(run_: Run, session: requests.Session) -> str | None:
    url = "/staff/performance/police-data/upload/"
    page = timed(run_, session, "police import (form)", "GET", url)
    if page is None or page.status_code != 200:
        return None
    data = served_form(page.text, action="")
    with POLICE_FILE.open("rb") as file:
        answer = timed(
            run_,
            session,
            "police import",
            "POST",
            url,
            data=data,
            files={"file": (POLICE_FILE.name, file, "text/csv")},
        )
    if answer is None or answer.status_code != 302:
        return None
    return str(answer.headers["Location"])


def every(run_: Run, seconds: float, offset: float, work: Any) -> None:
    """Run `work` every `seconds` from `offset` in, and follow each job it starts to its end."""
    time.sleep(offset)
    while run_.going():
        began = time.monotonic()
        work()
        time.sleep(max(0.0, seconds - (time.monotonic() - began)))


def job_runner(run_: Run, session: requests.Session, kind: str, start: Any) -> None:
    job_url = start()
    if job_url is None:
        return
    outcome = follow_job(run_, session, kind, job_url)
    if outcome == "stopped" and start_again(run_, session, job_url):
        outcome = follow_job(run_, session, kind, job_url)
    if outcome != "done":
        run_.record(Sample(f"{kind} (job)", time.monotonic(), time.monotonic(), 0, outcome))


class Services:
    """`pcplan serve` and `pcplan worker`, started, killed and started again."""

    def __init__(self, env: dict[str, str], port: int, workers: int, log: Path) -> None:
        self.env, self.port, self.workers, self.log = env, port, workers, log
        self.server: subprocess.Popen[bytes] | None = None
        self.worker: subprocess.Popen[bytes] | None = None

    def _spawn(self, *args: str) -> subprocess.Popen[bytes]:
        # Each service in its own process group, as systemd keeps each in its own control
        # group: killing the service kills the group (see kill_server).
        with self.log.open("ab") as log:
            return subprocess.Popen(  # noqa: S603 - our own commands
                [str(PCPLAN), *args],
                env=self.env,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )

    def kill_server(self) -> None:
        """kill -9 the server as systemd does when its main process dies: the gunicorn master
        and every worker of its group. A worker left behind would keep the listening socket
        for up to half a minute, and the server started again could not bind it (gunicorn
        gives up after five tries: the first fault runs did exactly that)."""
        assert self.server is not None
        os.killpg(self.server.pid, signal.SIGKILL)
        self.server.wait()

    def start_server(self) -> None:
        self.server = self._spawn(
            "serve", "--workers", str(self.workers), "--bind", f"127.0.0.1:{self.port}"
        )
        self.wait_for_server()

    def wait_for_server(self, page: str = BARE, session: requests.Session | None = None) -> None:
        """Until the page answers 200 (the bare view reads no database; a staff page does)."""
        deadline = time.monotonic() + 300  # each worker imports pcplan when it first starts
        while True:
            try:
                answer = (session or requests).get(
                    f"http://127.0.0.1:{self.port}{page}", timeout=30, allow_redirects=False
                )
                if answer.status_code == 200:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"{page} did not answer in time (see {self.log})")
            time.sleep(0.3)

    def start_worker(self) -> None:
        self.worker = self._spawn("worker", "--interval", "0.5")

    def server_workers(self) -> list[int]:
        assert self.server is not None
        children = Path(f"/proc/{self.server.pid}/task/{self.server.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def stop(self) -> None:
        for process in (self.worker, self.server):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    process.kill()


def faults(
    run_: Run,
    services: Services,
    session: requests.Session,
    database: str,
    safe: bool,
    duration: float,
) -> None:
    """Each fault in turn, spread over the run; each window closes once the service answers."""
    try:
        steps = ["worker", "gunicorn worker", "gunicorn master"] + (
            ["database"] if database else []
        )
        gap = duration / (len(steps) + 1)
        began = time.monotonic()
        for number, step in enumerate(steps, start=1):
            time.sleep(max(0.0, began + number * gap - time.monotonic()))
            if step == "worker":
                kill_worker_mid_task(run_, services, session)
                continue
            start = time.monotonic()
            if step == "gunicorn worker":
                victims = services.server_workers()
                if victims:
                    os.kill(random.choice(victims), signal.SIGKILL)  # noqa: S311
                time.sleep(1)
            elif step == "gunicorn master":
                services.kill_server()
                time.sleep(1)  # systemd starts it again (Restart=always, RestartSec=1)
                services.start_server()
            else:
                restart_database(database, safe)
            # Answering again means reading the database again: the staff home, signed in.
            services.wait_for_server("/staff/", session)
            with run_.lock:
                run_.windows.append((step, start, time.monotonic() + GRACE))
            print(f"fault: {step} ({time.monotonic() - start:.1f} s to answer again)", flush=True)
    finally:
        run_.faults_done.set()


def kill_worker_mid_task(run_: Run, services: Services, session: requests.Session) -> None:
    """Start an import, wait until the worker runs it, kill -9 the worker, start a worker again
    and press "Start again" once the job is said to be stopped."""
    job_url = upload_police_file(run_, session)
    if job_url is None:
        print("fault: worker: the import could not be started", flush=True)
        return
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page = timed(run_, session, "police import (job page)", "GET", job_url)
        if page is not None and "<strong>Running</strong>" in page.text:
            break
        time.sleep(0.2)
    else:
        print("fault: worker: the import never ran", flush=True)
        return
    start = time.monotonic()
    assert services.worker is not None
    services.worker.kill()
    services.worker.wait()
    services.start_worker()
    outcome = follow_job(run_, session, "police import", job_url)
    with run_.lock:
        run_.windows.append(("worker", start, time.monotonic() + GRACE))
    print(f"fault: worker killed mid-task: the job was {outcome}", flush=True)
    if outcome == "stopped" and start_again(run_, session, job_url):
        outcome = follow_job(run_, session, "police import", job_url)
    if outcome != "done":
        run_.record(Sample("police import (job)", start, time.monotonic(), 0, outcome))


def restart_database(database: str, safe: bool) -> None:
    if not safe:
        restart = ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart"]
        subprocess.run(restart, check=True)  # noqa: S603, S607
        return
    name = database.rsplit("/", 1)[1]
    admin = database.rsplit("/", 1)[0] + "/postgres"
    sql = (
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "  # noqa: S608 - ours
        f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    )
    subprocess.run(["psql", admin, "-qAtc", sql], check=True, capture_output=True)  # noqa: S603, S607


def bare_view(base: str, users: int, seconds: float) -> tuple[float, list[float]]:
    """The bare view's requests per second with `users` threads and no pause."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def hammer() -> None:
        session = requests.Session()
        mine = []
        while time.monotonic() < stop:
            began = time.monotonic()
            session.get(base + BARE, timeout=TIMEOUT).raise_for_status()
            mine.append(time.monotonic() - began)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=hammer) for _ in range(users)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies) / (time.monotonic() - began), latencies


def percentiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        one = values[0] * 1000 if values else float("nan")
        return one, one, one
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000, cuts[98] * 1000


def update_kept(tracked: Tracked, stored: dict[str, int]) -> list[str]:
    """What is wrong with one update the load added and edited, from the texts stored.

    It holds one text: none of them if its adding was refused or never answered, else the
    last edit answered as saved, or an edit sent after it whose answer was lost."""
    present = [text for text, _ in tracked.texts if stored.get(text)]
    first, created = tracked.texts[0]
    if created is False:
        return [f"{first!r}, refused, is stored"] if present else []
    if len(present) > 1:
        return [f"one update holds {len(present)} texts: {present}"]
    if not present:
        return [] if created is None else [f"{first!r}, answered as saved, is lost"]
    saved = [n for n, (_, ok) in enumerate(tracked.texts) if ok]
    allowed = {
        text
        for n, (text, ok) in enumerate(tracked.texts)
        if n == (saved[-1] if saved else 0) or (ok is None and n > (saved[-1] if saved else 0))
    }
    if present[0] not in allowed:
        return [f"{first!r}: holds {present[0]!r}, not the last edit saved"]
    return []


def check_database(env: dict[str, str], run_: Run, since: str) -> list[str]:
    """What must hold in the database after the run; each broken rule, said."""
    out = run(env, "shell", "-v0", "-c", CHECK.format(mark=run_.mark, since=since))
    found = json.loads(next(x for x in out.splitlines() if x.startswith("CHECK "))[6:])
    problems = []
    texts: dict[str, int] = found["texts"]
    for text, count in texts.items():
        if count > 1:
            problems.append(f"{text!r} is stored {count} times")
    answered = lost = edits = 0
    for tracked in run_.updates:
        problems.extend(update_kept(tracked, texts))
        answered += tracked.texts[0][1] is True
        lost += tracked.texts[0][1] is None
        edits += len(tracked.texts) - 1
    for job in found["jobs"]:
        if job["status"] != "done":
            problems.append(
                f"job {job['title']} ({job['id']}) is {job['status']}: {job['outcome']}"
            )
    lines = sum(1 for _ in POLICE_FILE.open()) - 1
    for rows in found["runs"]:
        if rows != lines:
            problems.append(f"a police import holds {rows} rows of the file's {lines}")
    print(
        f"database: {answered} updates answered as saved, {lost} whose answer was lost; "
        f"{edits} edits; {len(found['jobs'])} jobs "
        f"({len(run_.restarted)} started again after their worker was killed), "
        f"task results { {s: found['tasks'].count(s) for s in set(found['tasks'])} }; "
        f"{len(found['runs'])} police imports of {lines} rows each",
        flush=True,
    )
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--database", default="", help="postgres://... (dropped and made again)")
    parser.add_argument(
        "--faults",
        nargs="?",
        const="all",
        choices=["all", "safe"],
        help="kill the worker, a server worker and the server, and restart the database "
        "(safe: end the benchmark database's connections instead of restarting the server)",
    )
    parser.add_argument("--think", type=float, default=1.0, help="mean pause per user, seconds")
    parser.add_argument("--workers", type=int, default=5, help="gunicorn worker processes")
    parser.add_argument("--bare-seconds", type=float, default=10.0)
    parser.add_argument(
        "--keep-database",
        action="store_true",
        help="use the PostgreSQL database as it is if a demo was loaded into it",
    )
    parser.add_argument(
        "--data-dir",
        help="keep the SQLite demo here, and use it again if it is there (what a run saved "
        "stays: the checks go by the run's mark)",
    )
    options = parser.parse_args()
    work = Path(options.data_dir or tempfile.mkdtemp(prefix="pcplan-load-"))
    work.mkdir(parents=True, exist_ok=True)
    reuse = bool(options.data_dir and not options.database and (work / "pcplan.sqlite3").exists())
    env = {**os.environ, "PCPLAN_DATA_DIR": str(work), "PYTHONPATH": str(ROOT)}
    for name in ("PCPLAN_TESTING", "PCPLAN_DEBUG", "PCPLAN_CACHE_URL"):
        env.pop(name, None)
    env.update(
        SECRET_KEY="benchmark-only-key",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SETTINGS_MODULE="benchmarks.throughput_settings",
        # Plain HTTP on the loopback: cookies must travel without TLS.
        SECURE_COOKIES="0",
        # Every report is built by the worker, so that the worker is always busy.
        PCPLAN_BACKGROUND_REPORT_DELIVERABLES="0",
        PCPLAN_JOB_HEARTBEAT_SECONDS="2",
    )
    if options.database:
        reuse = options.keep_database and has_demo(*admin_url(options.database))
    load_demo(env, work=work, database=options.database, reuse=reuse)
    found = run(env, "shell", "-v0", "-c", sessions_script(options.users)).splitlines()
    cookies = [line.split(" ", 1)[1] for line in found if line.startswith("cookie ")]
    staff = sorted({line for line in found if line.startswith("/")})
    public = FIXED_PAGES + [
        line for line in run(env, "shell", "-v0", "-c", FIND_PAGES).split() if line.startswith("/")
    ]
    plan = next(re.search(r"/staff/plans/([^/]+)/", p)[1] for p in staff if "/plans/" in p)  # type: ignore[index]
    deliverable = int(
        next(
            re.search(r"/staff/deliverables/(\d+)/", p)[1]
            for p in staff
            if "/deliverables/" in p and "/plans/" not in p
        )
    )  # type: ignore[index]
    since = (
        run(
            env,
            "shell",
            "-v0",
            "-c",
            "from django.utils import timezone; print(timezone.now().isoformat())",
        )
        .strip()
        .splitlines()[-1]
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = work / "services.log"
    services = Services(env, port, options.workers, log)
    try:
        services.start_server()
        services.start_worker()
        for page in public + staff:  # every page answers, and is built once
            session = new_session("" if page in public else cookies[0])
            answer = session.get(base + page, timeout=120, allow_redirects=False)
            if answer.status_code != 200:
                sys.exit(f"{page} answered {answer.status_code} before the load")
        bare_rps, bare_latencies = bare_view(base, options.users, options.bare_seconds)
        duration = options.minutes * 60
        mark = f"Load test {time.strftime('%Y%m%d%H%M%S')}"
        run_ = Run(base=base, mark=mark, deadline=time.monotonic() + duration)
        reporter, importer = new_session(cookies[0]), new_session(cookies[-1])
        threads = [
            threading.Thread(
                target=user_loop,
                args=(run_, n, cookies[n], public, staff, deliverable, options.think),
            )
            for n in range(options.users)
        ]
        threads.append(
            threading.Thread(
                target=every,
                args=(
                    run_,
                    REPORT_EVERY,
                    1.0,
                    lambda: job_runner(
                        run_, reporter, "report", lambda: ask_for_report(run_, reporter, plan)
                    ),
                ),
            )
        )
        threads.append(
            threading.Thread(
                target=every,
                args=(
                    run_,
                    IMPORT_EVERY,
                    2.0,
                    lambda: job_runner(
                        run_, importer, "police import", lambda: upload_police_file(run_, importer)
                    ),
                ),
            )
        )
        if not options.faults:
            run_.faults_done.set()
        else:
            fault_session = new_session(cookies[1 % len(cookies)])
            threads.append(
                threading.Thread(
                    target=faults,
                    args=(
                        run_,
                        services,
                        fault_session,
                        options.database,
                        options.faults == "safe",
                        duration,
                    ),
                )
            )
        load_began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        load_seconds = time.monotonic() - load_began
        report(run_, options, bare_rps, bare_latencies, load_seconds)
        problems = check_database(env, run_, since)
        assert services.worker is not None
        if services.worker.poll() is not None:
            problems.append(f"the worker stopped by itself (see {log})")
    finally:
        services.stop()
        if not options.data_dir:
            shutil.rmtree(work, ignore_errors=True)
    outside = [s for s in run_.samples if s.error and not run_.in_window(s)]
    for problem in problems:
        print(f"NOT KEPT: {problem}")
    if outside or problems:
        sys.exit(1)
    print("0 errors outside fault windows; every saved update and every job accounted for")


def report(
    run_: Run, options: argparse.Namespace, bare_rps: float, bare: list[float], seconds: float
) -> None:
    db = "PostgreSQL" if options.database else "SQLite"
    print(
        f"{db}, {options.users} users for {seconds:.0f} s (think {options.think} s), "
        f"gunicorn {options.workers} workers, faults {options.faults or 'none'}, "
        f"load {os.getloadavg()[0]:.1f}"
    )
    kinds: dict[str, list[Sample]] = defaultdict(list)
    for sample in run_.samples:
        kinds[sample.kind].append(sample)
    print("| kind | requests | errors | in fault windows | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|---|---|")
    for kind in sorted(kinds):
        samples = kinds[kind]
        answered = [s.ended - s.started for s in samples if s.status]
        errors = [s for s in samples if s.error and not run_.in_window(s)]
        faulted = [s for s in samples if s.error and run_.in_window(s)]
        p50, p95, p99 = percentiles(answered)
        print(
            f"| {kind} | {len(samples)} | {len(errors)} | {len(faulted)} "
            f"| {p50:.0f} | {p95:.0f} | {p99:.0f} |"
        )
    every_latency = [s.ended - s.started for s in run_.samples if s.status]
    p50, p95, p99 = percentiles(every_latency)
    print(
        f"all: {len(run_.samples)} requests, {len(run_.samples) / seconds:.1f} req/s, "
        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms"
    )
    b50, b95, b99 = percentiles(bare)
    print(
        f"bare view, {options.users} threads, no pause: {bare_rps:.0f} req/s, "
        f"p50 {b50:.0f} ms, p95 {b95:.0f} ms, p99 {b99:.0f} ms"
    )
    for name, start, end in run_.windows:
        print(f"fault window: {name}, {end - start:.1f} s")
    errors = defaultdict(int)
    for sample in run_.samples:
        if sample.error:
            where = "in fault window" if run_.in_window(sample) else "OUTSIDE fault windows"
            errors[(sample.kind, sample.error, where)] += 1
    for (kind, error, where), count in sorted(errors.items()):
        print(f"  {count} × {kind}: {error} ({where})")


if __name__ == "__main__":
    main()
