"""The OpenAPI document is valid and tells the truth: schemathesis calls every operation through the WSGI
application with generated requests (bounded in examples and time) and checks each answer against it."""

import time

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from actionagenda.assistant import services as assistant
from factories import CommitmentFactory

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES_PER_OPERATION = 100
SECONDS_PER_OPERATION = 10


@pytest.fixture
def schema():
    """The document as the live API serves it, calls going through the WSGI application in this test's
    transaction (as Django's test client does, the end of a request must not close the connection)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def published():
    assistant.load_catalogue()
    return [CommitmentFactory(links={"countries": [country], "gbf_targets": ["GBF-17"]}) for country in ("KE", "SN")]


def test_the_document_is_valid_openapi(client):
    validate(client.get("/api/v1/openapi.json").json())


def test_every_error_is_documented_as_problem_details(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    errors = {(path, status): list(answer["content"]) for path, operations in paths.items()
              for operation in operations.values()
              for status, answer in operation["responses"].items() if int(status) >= 400}
    assert {media for medias in errors.values() for media in medias} == {"application/problem+json"}
    assert {status for path, status in errors if path == "/api/v1/commitments/{commitment_id}"} == {"404", "422"}
    assert {status for path, status in errors if path == "/api/v1/assistant/ask"} == {"422", "429"}
    assert {status for path, status in errors if path == "/api/v1/commitments/{commitment_id}/reports"} == {
        "401", "404", "422", "429"}


def _fuzz(operation) -> None:
    """Up to EXAMPLES_PER_OPERATION generated calls, or fewer when SECONDS_PER_OPERATION run out."""
    deadline = time.monotonic() + SECONDS_PER_OPERATION

    @hypothesis.given(case=operation.as_strategy())
    @hypothesis.settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
                         phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
                         suppress_health_check=list(hypothesis.HealthCheck))
    def conforms(case):
        if time.monotonic() < deadline:
            case.call_and_validate(checks=CHECKS)

    conforms()


def test_every_operation_answers_as_its_document_says(schema, published):
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.path for operation in operations} >= {"/api/v1/commitments", "/api/v1/assistant/ask"}
    failures = []
    for operation in operations:
        try:
            _fuzz(operation)
        except (AssertionError, FailureGroup) as failure:  # every operation's failures, not the first only
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")
    assert not failures, "\n\n".join(failures)
