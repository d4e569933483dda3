"""schemathesis against the running schema (issue 14): at least 1,000 generated requests
across every operation the schema lists, no server error, every response of the content type
and shape the schema says.

Requests are made in this process through the WSGI application, on the test database, with
an editor's token so that the staff routes are exercised too (anonymous requests are made
by the published-only tests). Examples are derandomized: CI runs the same requests each time.
"""

from __future__ import annotations

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import openapi
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from pcplan.api.tokens import issue_token
from pcplan.wsgi import application

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

REQUESTS_WANTED = 1000
# 33 operations x (30 + 6) examples: 1,188 requests.
EXAMPLES_PER_OPERATION = 30
NEGATIVE_EXAMPLES_PER_OPERATION = 6


@pytest.fixture
def one_connection():
    """Keep the test's database connection across requests, as Django's test client does:
    the WSGI handler would otherwise close it at the end of each request (inside the test's
    transaction, PostgreSQL would lose the test data)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_a_thousand_generated_requests_meet_the_schema_and_none_is_a_server_error(
    one_connection, planted_secrets, editor
):
    schema = openapi.from_wsgi("/api/schema/?format=json", application)
    _token, raw = issue_token(editor, "schemathesis")
    headers = {"Authorization": f"Bearer {raw}"}
    made: dict[str, int] = {}

    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            fuzz(operation, mode, headers, made)

    assert set(made) == {operation.label for operation in operations}
    assert sum(made.values()) >= REQUESTS_WANTED, made


def fuzz(operation, mode, headers, made):
    checks = [not_a_server_error]
    examples = NEGATIVE_EXAMPLES_PER_OPERATION
    if mode is GenerationMode.POSITIVE:
        checks += [content_type_conformance, response_schema_conformance]
        examples = EXAMPLES_PER_OPERATION

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def call(case):
        response = case.call(headers=headers)
        made[operation.label] = made.get(operation.label, 0) + 1
        case.validate_response(response, checks=checks)

    call()
