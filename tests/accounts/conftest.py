from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD


def sign_in(client, username, password=PASSWORD):
    return client.post(reverse("core:login"), {"username": username, "password": password})


@pytest.fixture
def two_factor_required(settings):
    """Production's rule: administrators and OPCC editors must pass the second step."""
    settings.PCPLAN_TWO_FACTOR_ROLES = ["administrator", "opcc-editor"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """These tests sign in dozens of times: a fast hasher keeps them quick (production keeps
    Django's default)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
