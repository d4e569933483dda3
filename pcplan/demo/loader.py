"""The Cambridgeshire and Peterborough demo: the seeds' office and plans, from data files.

The office profile (data/office.yaml) goes through the same code as `pcplan setup`, and plan
data through the same importer as `pcplan import-plan`. Only the demo sign-ins are made here,
because no seed holds them, and only for users the demo created itself (DemoSignIn).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from pcplan.core.models import Organisation, User
from pcplan.core.profile import setup_from_file
from pcplan.demo.models import DemoSignIn
from pcplan.demo.performance import load_performance_demo
from pcplan.engagement.demo import load_engagement_demo
from pcplan.grants.demo import load_grants_demo
from pcplan.panel.demo import load_panel_demo
from pcplan.partnerships.demo import load_partnerships_demo
from pcplan.plans.importer import ImportResult, import_plan_files
from pcplan.transparency.demo import load_transparency_demo

DATA_DIR = Path(__file__).resolve().parent / "data"
OFFICE_FILE = DATA_DIR / "office.yaml"
DEMO_PASSWORD = os.environ.get("PCPLAN_DEMO_PASSWORD", "pcplan-demo")  # noqa: S105


@dataclass(frozen=True)
class DemoLogin:
    username: str
    name: str
    role: str
    organisation_key: str | None
    does: str


DEMO_LOGINS = [
    DemoLogin("admin", "Demo Administrator", User.Role.ADMINISTRATOR, "opcc", "everything"),
    DemoLogin(
        "editor", "Demo OPCC Editor", User.Role.OPCC_EDITOR, "opcc", "keeps the plan, publishes"
    ),
    DemoLogin(
        "constabulary",
        "Demo Constabulary Lead",
        User.Role.CONTRIBUTOR,
        "cambridgeshire-constabulary",
        "updates deliverables the Constabulary leads",
    ),
    DemoLogin("panel", "Demo Panel Member", User.Role.PANEL_MEMBER, None, "reads, changes nothing"),
    DemoLogin(
        "secretariat",
        "Demo Panel Secretariat",
        User.Role.PANEL_SECRETARIAT,
        None,
        "runs Panel meetings, minutes, questions and the precept",
    ),
]


def demo_files() -> list[Path]:
    """The plan files; the office profile beside them is in another format."""
    return sorted(p for p in DATA_DIR.glob("*.yaml") if p != OFFICE_FILE)


@dataclass
class LoadedDemo:
    plans: list[ImportResult]
    # Demo usernames already taken by users the demo did not create: not touched.
    left_alone: list[str] = field(default_factory=list)


@transaction.atomic
def load_demo() -> LoadedDemo:
    results = import_plan_files(demo_files())
    # After the plans: the profile links each CSP to the organisation the plans define.
    setup_from_file(OFFICE_FILE)
    loaded = LoadedDemo(plans=results)
    for login in DEMO_LOGINS:
        user = User.objects.filter(username=login.username).first()
        if user is None:
            user = User(username=login.username)
        elif not DemoSignIn.objects.filter(user=user).exists():
            loaded.left_alone.append(login.username)
            continue
        first, _, last = login.name.partition(" ")
        user.first_name, user.last_name = first, last
        user.role = login.role
        user.organisation = (
            Organisation.objects.get(key=login.organisation_key) if login.organisation_key else None
        )
        user.is_staff = user.is_superuser = login.role == User.Role.ADMINISTRATOR
        user.set_password(DEMO_PASSWORD)
        user.save()
        DemoSignIn.objects.get_or_create(user=user)
    load_performance_demo()
    load_panel_demo()
    load_grants_demo()
    load_engagement_demo()
    load_transparency_demo()
    load_partnerships_demo()
    return loaded
