"""The write operations answer as the OpenAPI document says when schemathesis calls them with a valid write token
and generated bodies (bounded in examples and time): never a server error, every answer as documented."""


import pytest

from factories import ActorFactory, CommitmentFactory

from .test_openapi_contract import fuzz, schema  # noqa: F401 (the fixture)
from .write_api import token_for

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION, SECONDS_PER_OPERATION = 60, 15


def _fuzz(operation, headers: dict, ids: list[int]) -> None:
    def prepare(case):
        # Generated ids would only ever find nothing: the calls go to the author's commitments, in every state.
        if "commitment_id" in (case.path_parameters or {}):
            case.path_parameters["commitment_id"] = ids[case.path_parameters["commitment_id"] % len(ids)]
        if isinstance(case.body, dict) and case.method.upper() == "PATCH":
            case.body.pop("version", None)  # a random version is refused before the body is read

    fuzz(operation, SECONDS_PER_OPERATION, EXAMPLES_PER_OPERATION, prepare=prepare, headers=headers)


def test_the_write_operations_answer_as_documented_with_a_token(schema, author, settings):  # noqa: F811
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "api_write": "100000/3600",
                                         "commitment_submit": "100000/3600"}
    actor = ActorFactory(members=[author])
    ids = [CommitmentFactory(actor=actor, status=status).pk for status in ("draft", "returned", "published")]
    headers = {"Authorization": f"Bearer {token_for(author)}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    writes = [operation for operation in operations if operation.method.upper() in ("POST", "PATCH", "DELETE")]
    assert {(operation.method.upper(), operation.path) for operation in writes} >= {
        ("POST", "/api/v1/commitments"), ("PATCH", "/api/v1/commitments/{commitment_id}"),
        ("DELETE", "/api/v1/commitments/{commitment_id}")}
    failures = []
    for operation in writes:
        try:
            _fuzz(operation, headers, ids)
        except Exception as failure:  # noqa: BLE001 (every operation's failures, not the first only)
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")
    assert not failures, "\n\n".join(failures)
