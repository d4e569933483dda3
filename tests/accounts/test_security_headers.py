"""Security headers (issue 15: "no HSTS, no Content-Security-Policy"): every page carries a
Content-Security-Policy that allows scripts from pcplan's own files only, HSTS is sent behind
TLS, and `check --deploy` is clean with production settings."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

TEMPLATES = Path(__file__).resolve().parents[2] / "pcplan" / "templates"


def test_every_page_carries_a_policy_allowing_only_own_scripts(client, db):
    response = client.get(reverse("public:home"))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]


def test_no_template_has_an_inline_script_the_policy_would_block():
    inline = []
    for path in TEMPLATES.rglob("*.html"):
        for tag in re.findall(r"<script\b[^>]*>", path.read_text(encoding="utf-8")):
            if "src=" not in tag:
                inline.append(f"{path.relative_to(TEMPLATES)}: {tag}")
    assert inline == []


def test_the_page_scripts_are_static_files_that_exist(client, db):
    page = client.get(reverse("public:home")).content.decode()
    assert "/static/accounts/js-enabled.js" in page
    assert "/static/accounts/govuk-init.js" in page
    init = finders.find("accounts/govuk-init.js")
    assert init is not None
    imported = re.search(r'from "([^"]+)"', Path(init).read_text()).group(1)
    assert (Path(init).parent / imported).resolve().name == "govuk-frontend.min.js"
    assert finders.find("pcplan/govuk-frontend.min.js") is not None


def test_hsts_is_sent_over_tls_when_configured(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get(reverse("public:home"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def run_with(env_overrides: dict[str, str], tmp_path: Path, *args: str):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "PCPLAN_DEBUG",
            "PCPLAN_TESTING",
            "DATABASE_URL",
            "SECRET_KEY",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update({"PCPLAN_DATA_DIR": str(tmp_path), **env_overrides})
    return subprocess.run(  # noqa: S603 - our own console script
        [str(Path(sys.executable).parent / "pcplan"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )


PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(60),
    "PCPLAN_HTTPS": "1",
    "ALLOWED_HOSTS": "pcplan.example.org",
}
SHOW = (
    "from django.conf import settings as s; "
    "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, ','.join(s.PCPLAN_TWO_FACTOR_ROLES))"
)


@pytest.mark.slow
def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_with(PRODUCTION, tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    shown = run_with(PRODUCTION, tmp_path, "shell", "--verbosity", "0", "-c", SHOW)
    assert shown.stdout.split() == ["31536000", "True", "administrator,opcc-editor"]


@pytest.mark.slow
def test_without_tls_check_deploy_warns_about_hsts(tmp_path):
    env = {**PRODUCTION, "PCPLAN_HTTPS": "0"}
    result = run_with(env, tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


@pytest.mark.slow
def test_the_demo_signs_in_without_a_second_step(tmp_path):
    """`make demo` runs with PCPLAN_DEBUG: its documented sign-ins work with a password."""
    shown = run_with({"PCPLAN_DEBUG": "1"}, tmp_path, "shell", "--verbosity", "0", "-c", SHOW)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split() == ["0", "False"]
