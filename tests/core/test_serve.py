"""`pcplan serve` runs pcplan under gunicorn with the workers PCPLAN_WORKERS asks for (issue 17)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pcplan.core.management.commands.serve import gunicorn_argv

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def worker_count(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return len(children)


def test_pcplan_serve_starts_gunicorn_with_the_workers_asked_for_and_serves_static_files(
    tmp_path: Path,
) -> None:
    port = free_port()
    env = {**os.environ, "PCPLAN_DATA_DIR": str(tmp_path), "PCPLAN_DEBUG": "1"}
    env.update(PCPLAN_WORKERS="2", PCPLAN_BIND=f"127.0.0.1:{port}")
    env.pop("DATABASE_URL", None)  # nothing here reads the database
    server = subprocess.Popen(  # noqa: S603 - our own console script
        [str(Path(sys.executable).parent / "pcplan"), "serve"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}/static/accounts/js-enabled.js"
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local
                    body = response.read().decode()
                    server_header = response.headers.get("Server", "")
                break
            except OSError:
                assert server.poll() is None, server.communicate()[0]
                assert time.monotonic() < deadline, "pcplan serve did not answer"
                time.sleep(0.2)
        assert "js-enabled" in body
        assert "gunicorn" in server_header
        # The command became gunicorn's master (exec), which started the workers asked for.
        assert Path(f"/proc/{server.pid}/cmdline").read_bytes().find(b"gunicorn") >= 0
        deadline = time.monotonic() + 60
        while worker_count(server.pid) != 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert worker_count(server.pid) == 2
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


def test_the_command_line_names_pcplan_s_wsgi_application_and_the_options() -> None:
    argv = gunicorn_argv(bind="unix:/run/pcplan.sock", workers=3, threads=2, timeout=30)
    assert argv[:2] == ["gunicorn", "pcplan.wsgi:application"]
    options = dict(zip(argv[2::2], argv[3::2], strict=False))
    assert options["--bind"] == "unix:/run/pcplan.sock"
    assert options["--workers"] == "3"
    assert options["--threads"] == "2"
    assert options["--timeout"] == "30"
