"""Take the screenshots in docs/screenshots/ from the demo, with the test suite's browser set-up.

Run with `make screenshots`. It serves the demo from a throwaway SQLite file on port 8765.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
BASE = "http://127.0.0.1:8765"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def wait_for(url: str) -> None:
    for _ in range(120):
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own local server
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the demo server did not answer at {url}")


def sign_in(page: Page, username: str) -> None:
    page.goto(BASE + "/account/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pcplan-demo")
    page.get_by_role("button", name="Sign in").click()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    data_dir = tempfile.mkdtemp()
    env = {**os.environ, "PCPLAN_DEBUG": "1", "PCPLAN_DATA_DIR": data_dir}
    env.pop("DATABASE_URL", None)
    pcplan = str(Path(sys.executable).parent / "pcplan")
    server = subprocess.Popen(  # noqa: S603
        [pcplan, "demo", "--addrport", "127.0.0.1:8765"], env=env, stdout=subprocess.DEVNULL
    )
    try:
        wait_for(BASE + "/")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(BASE + "/plans/cambs-2021-24/")
            page.screenshot(path=OUT / "public-plan.png")
            page.goto(BASE + "/performance/")
            page.screenshot(path=OUT / "public-performance.png", full_page=True)
            page.goto(BASE + "/panel/")
            page.get_by_role("link", name="1 February 2023").first.click()
            page.screenshot(path=OUT / "public-panel-meeting.png")
            page.goto(BASE + "/panel/forward-plan/")
            page.screenshot(path=OUT / "public-panel-forward-plan.png")
            public_shots = {
                "public-grants-register.png": "/grants/",
                "public-decisions.png": "/decisions/",
                "public-specified-information.png": "/specified-information/",
                "public-partnerships.png": "/partnerships/",
                "public-you-said-we-did.png": "/engagement/you-said-we-did/",
            }
            for name, path in public_shots.items():
                page.goto(BASE + path)
                page.screenshot(path=OUT / name)
            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto(BASE + "/plans/cambs-2021-24/")
            phone.screenshot(path=OUT / "public-plan-phone.png")
            phone.goto(BASE + "/no-such-page/")
            phone.screenshot(path=OUT / "public-not-found-phone.png")
            phone.close()
            sign_in(page, "editor")
            shots = {
                "staff-home-editor.png": "/staff/",
                "staff-plan-overview.png": "/staff/plans/cambs-2021-24/",
                "staff-delivery-plan.png": "/staff/plans/cambs-2021-24/deliverables/"
                "?status=in-progress",
                "staff-report-generate.png": "/staff/plans/cambs-2021-24/reports/new/",
                "staff-what-changed.png": "/staff/plans/cambs-2021-24/what-changed/",
                "staff-grants.png": "/staff/grants/",
                "staff-decisions.png": "/staff/decisions/",
                "staff-specified-information.png": "/staff/specified-information/",
                "staff-partnerships.png": "/staff/partnerships/",
                "staff-engagement.png": "/staff/engagement/",
            }
            for name, path in shots.items():
                page.goto(BASE + path)
                page.screenshot(path=OUT / name)
            page.goto(BASE + "/staff/plans/cambs-2021-24/deliverables/")
            page.get_by_role("link", name="Serious Violence Strategy").click()
            page.screenshot(path=OUT / "staff-deliverable.png", full_page=True)
            page.get_by_role("link", name="Add an update").click()
            page.get_by_role("button", name="Save update").click()
            page.screenshot(path=OUT / "staff-update-form-errors.png")
            admin = browser.new_page(viewport={"width": 1280, "height": 900})
            sign_in(admin, "admin")
            admin.goto(BASE + "/staff/office/")
            admin.screenshot(path=OUT / "staff-office-profile.png", full_page=True)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)
    sys.stdout.write(f"screenshots written to {OUT}\n")


if __name__ == "__main__":
    main()
