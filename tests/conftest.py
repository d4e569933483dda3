"""Shared fixtures: named users as the seeds' people would use pcplan, and a small plan."""

from __future__ import annotations

import os

import pytest

from pcplan.core.models import Organisation, User
from tests.factories import (
    DeliverableFactory,
    OrganisationFactory,
    PlanFactory,
    ThemeFactory,
    UpdateFactory,
    UserFactory,
)

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM use there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "a-long-test-password"


@pytest.fixture(scope="session", autouse=True)
def files_per_worker(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Collected static files and generated reports go to this test process's own folders.

    Under pytest-xdist every worker is its own process; sharing the checkout's `staticfiles/`
    and `media/` would let one worker's `collectstatic` (run by `pcplan demo`) overwrite files
    another is reading, and would leave test output in the working directory.
    """
    from django.conf import settings

    settings.STATIC_ROOT = tmp_path_factory.mktemp("staticfiles")
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing() -> None:
    """A fast hasher for every test: Django's default (PBKDF2, over a million rounds) took
    about a second per user on this 2-core machine, and the demo alone makes six users, so
    hashing was a quarter of a demo load. Production keeps Django's default; the tests of
    signing in still check real passwords, only more cheaply."""
    from django.conf import settings
    from django.test.signals import setting_changed

    value = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.PASSWORD_HASHERS = value
    # What override_settings sends: Django forgets the hashers it had loaded.
    setting_changed.send(sender=None, setting="PASSWORD_HASHERS", value=value, enter=True)


@pytest.fixture
def opcc(db):
    return OrganisationFactory(
        key="opcc", name="Office of the Police and Crime Commissioner", kind=Organisation.Kind.OPCC
    )


@pytest.fixture
def constabulary(db):
    return OrganisationFactory(
        key="cambridgeshire-constabulary",
        name="Cambridgeshire Constabulary",
        kind=Organisation.Kind.POLICE,
    )


@pytest.fixture
def csp(db):
    return OrganisationFactory(
        key="safer-peterborough-partnership",
        name="Safer Peterborough Partnership",
        kind=Organisation.Kind.CSP,
    )


@pytest.fixture
def editor(opcc):
    return UserFactory(username="editor", role=User.Role.OPCC_EDITOR, organisation=opcc)


@pytest.fixture
def administrator(opcc):
    return UserFactory(username="admin", role=User.Role.ADMINISTRATOR, organisation=opcc)


@pytest.fixture
def contributor(constabulary):
    """A contributor from the Constabulary."""
    return UserFactory(
        username="constabulary", role=User.Role.CONTRIBUTOR, organisation=constabulary
    )


@pytest.fixture
def csp_contributor(csp):
    return UserFactory(username="csp", role=User.Role.CONTRIBUTOR, organisation=csp)


@pytest.fixture
def panel_member(db):
    return UserFactory(username="panel", role=User.Role.PANEL_MEMBER)


@pytest.fixture
def outsider(db):
    """Signed in, but a contributor with no organisation: may read, may change nothing."""
    return UserFactory(username="outsider", role=User.Role.CONTRIBUTOR, organisation=None)


@pytest.fixture
def plan(db):
    return PlanFactory(key="cambs-2021-24", title="Police and Crime Plan 2021-24")


@pytest.fixture
def theme(plan):
    return ThemeFactory(plan=plan, key="crime-prevention", title="Crime Prevention", position=1)


@pytest.fixture
def constabulary_deliverable(theme, constabulary):
    return DeliverableFactory(theme=theme, title="Serious Violence Strategy", lead=constabulary)


@pytest.fixture
def csp_deliverable(theme, csp):
    return DeliverableFactory(theme=theme, title="Safer Communities Fund bids", lead=csp)


@pytest.fixture
def published_update(constabulary_deliverable):
    return UpdateFactory(deliverable=constabulary_deliverable, text="Needs assessment under way.")


@pytest.fixture
def client_for(client):
    """Sign the test client in as a given user."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def built_staff_bodies(settings):
    """Staff pages build their whole body on every request, as on the first after a change:
    for tests that count a page's queries (pcplan.core.fragments keeps bodies otherwise)."""
    settings.PCPLAN_KEEP_STAFF_PARTS = False


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the public forms' rate limits count in it."""
    from django.core.cache import cache

    from pcplan.core import fragments, pagecache

    cache.clear()
    # SQLite may give a rolled-back test's version ids again: no page kept from another test.
    pagecache._recent.clear()
    fragments.clear()
