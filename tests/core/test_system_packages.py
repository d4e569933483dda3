"""`make demo` and `make test` install the Debian packages they need, or say how to.

The script is run for real; only the system commands it calls (dpkg-query, id, sudo, apt-get)
are small stand-ins on PATH, so no test changes this machine's packages.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "system-packages.sh"
APP_PACKAGES = "fonts-liberation libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils"


def stand_in(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/usr/bin/env bash\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def machine(tmp_path: Path, *, installed: set[str], uid: int, sudo: bool) -> dict[str, str]:
    """A PATH whose dpkg-query knows only `installed`, whose apt-get logs what it is asked."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    listed = " ".join(sorted(installed))
    stand_in(
        bin_dir,
        "dpkg-query",
        f'for p in {listed}; do [[ "${{@: -1}}" == "$p" ]] && printf installed && exit 0; done\n'
        "exit 1",
    )
    stand_in(bin_dir, "id", f"echo {uid}")
    stand_in(bin_dir, "apt-get", f'echo "$SUDO_MARK apt-get $*" >> {log}')
    if sudo:
        stand_in(bin_dir, "sudo", '[[ "$1" == -n ]] && shift; SUDO_MARK=sudo "$@"')
    return {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path)}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own script
        ["/bin/bash", str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_nothing_is_installed_when_every_package_is_there(tmp_path):
    env = machine(tmp_path, installed={*APP_PACKAGES.split(), "chromium"}, uid=1000, sudo=False)
    result = run(env, "--test")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "apt.log").exists()


def test_without_root_or_sudo_it_stops_with_the_exact_command_to_run(tmp_path):
    env = machine(tmp_path, installed={"fonts-liberation"}, uid=1000, sudo=False)
    result = run(env, "--test")
    assert result.returncode == 1
    expected = (
        "sudo apt-get update && sudo apt-get install -y -q --no-install-recommends "
        "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils chromium"
    )
    assert expected in result.stderr
    assert not (tmp_path / "apt.log").exists()


def test_as_root_it_installs_only_what_is_missing(tmp_path):
    all_but_poppler = set(APP_PACKAGES.split()) - {"poppler-utils"}
    env = machine(tmp_path, installed=all_but_poppler, uid=0, sudo=False)
    result = run(env)
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "apt.log").read_text().splitlines()
    assert log == [
        " apt-get update -q",
        " apt-get install -y -q --no-install-recommends poppler-utils",
    ]


def test_chromium_is_wanted_for_the_tests_only(tmp_path):
    env = machine(tmp_path, installed=set(APP_PACKAGES.split()), uid=0, sudo=False)
    assert run(env).returncode == 0
    assert not (tmp_path / "apt.log").exists()
    assert run(env, "--test").returncode == 0
    assert "install -y -q --no-install-recommends chromium" in (tmp_path / "apt.log").read_text()


def test_with_passwordless_sudo_it_installs_through_sudo(tmp_path):
    env = machine(tmp_path, installed=set(), uid=1000, sudo=True)
    result = run(env)
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "apt.log").read_text().splitlines()
    assert log[0] == "sudo apt-get update -q"
    assert log[1] == f"sudo apt-get install -y -q --no-install-recommends {APP_PACKAGES}"


def test_make_demo_and_make_test_check_the_packages_first():
    makefile = (SCRIPT.parents[1] / "Makefile").read_text()
    rules = {
        line.split(":")[0]: line.split(":", 1)[1].split()
        for line in makefile.splitlines()
        if line and not line[0].isspace() and ":" in line and "=" not in line
    }
    assert rules["demo"][0] == "system-packages"
    assert rules["test"][0] == "system-packages-test"
    assert os.access(SCRIPT, os.X_OK)
