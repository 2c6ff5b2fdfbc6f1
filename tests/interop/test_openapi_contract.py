"""The OpenAPI document is valid and tells the truth: schemathesis calls every operation through the WSGI
application with generated requests (bounded in examples and time: about a minute for the whole API) and checks
each answer against it. It runs with the suite, so CI runs it on SQLite and PostgreSQL."""

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
SECONDS_FOR_THE_API = 60  # shared by the operations: adding one does not lengthen the run


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
def published(settings):
    """Data for the generated requests: two published commitments and a withdrawn one (a tombstone for
    updated_after); the read budget is lifted, since every operation is called a hundred times a minute."""
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "api_read": "100000/60"}
    assistant.load_catalogue()
    CommitmentFactory(status="withdrawn")
    return [CommitmentFactory(links={"countries": [country], "gbf_targets": ["GBF-17"]}) for country in ("KE", "SN")]


def test_the_document_is_valid_openapi(client):
    validate(client.get("/api/v1/openapi.json").json())


def test_every_error_is_documented_as_problem_details(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    errors = {(path, status): list(answer["content"]) for path, operations in paths.items()
              for operation in operations.values()
              for status, answer in operation["responses"].items() if int(status) >= 400}
    assert {media for medias in errors.values() for media in medias} == {"application/problem+json"}
    assert {status for path, status in errors if path == "/api/v1/commitments/{commitment_id}"} == {
        "400", "401", "403", "404", "409", "412", "422", "429"}  # GET, PATCH and DELETE
    assert {status for path, status in errors if path == "/api/v1/commitments"} == {
        "400", "401", "403", "409", "422", "429"}  # GET and POST
    assert {status for path, status in errors if path == "/api/v1/assistant/ask"} == {"422", "429"}
    assert {status for path, status in errors if path == "/api/v1/commitments/{commitment_id}/reports"} == {
        "401", "403", "404", "422", "429"}


def test_every_parameter_is_described(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    undescribed = [f"{method.upper()} {path} {parameter['name']}" for path, operations in paths.items()
                   for method, operation in operations.items() for parameter in operation.get("parameters", [])
                   if not parameter.get("description")]
    assert not undescribed


def test_every_read_says_it_may_be_refused_429_with_retry_after(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    reads = {path: operations["get"] for path, operations in paths.items() if "get" in operations}
    assert len(reads) >= 5
    for path, operation in reads.items():
        assert "Retry-After" in operation["responses"]["429"]["headers"], path


def test_the_reads_of_data_say_they_answer_304_with_their_validators(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/commitments", "/api/v1/commitments/{commitment_id}", "/api/v1/statistics",
                 "/api/v1/vocabularies/{name}"):
        operation = paths[path]["get"]
        assert {"If-None-Match", "If-Modified-Since"} <= {parameter["name"] for parameter in operation["parameters"]}
        assert set(operation["responses"]["304"]["headers"]) == {"ETag", "Last-Modified"}
        assert "ETag" in operation["responses"]["200"]["headers"]


def fuzz(operation, seconds: float, examples: int = EXAMPLES_PER_OPERATION, prepare=None, headers=None) -> None:
    """Up to `examples` generated calls, or fewer when `seconds` run out, each checked against the document;
    `prepare(case)` may adjust a case before it is sent (the write tests aim ids at real commitments)."""
    deadline = time.monotonic() + seconds

    @hypothesis.given(case=operation.as_strategy())
    @hypothesis.settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                         phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
                         suppress_health_check=list(hypothesis.HealthCheck))
    def conforms(case):
        if prepare is not None:
            prepare(case)
        if time.monotonic() < deadline:
            case.call_and_validate(headers=headers, checks=CHECKS)

    conforms()


def test_every_operation_answers_as_its_document_says(schema, published):
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.path for operation in operations} >= {"/api/v1/commitments", "/api/v1/assistant/ask"}
    failures = []
    for operation in operations:
        try:
            fuzz(operation, SECONDS_FOR_THE_API / len(operations))
        except (AssertionError, FailureGroup) as failure:  # every operation's failures, not the first only
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")
    assert not failures, "\n\n".join(failures)
