"""A complete body for `POST /api/v1/commitments` and the calls the write API tests make."""

from actionagenda.accounts.models import ApiToken
from actionagenda.interop.write_schemas import EXAMPLE


def body(**changes) -> dict:
    """The OpenAPI document's example body (so the example is known to work), with `changes`; None drops a field."""
    data = {**EXAMPLE, **changes}
    return {key: value for key, value in data.items() if value is not None}


def token_for(user, scope=ApiToken.Scope.WRITE) -> str:
    return ApiToken.issue(user, name="partner platform", scope=scope)[1]


def call(client, method: str, path: str, token: str | None, data=None, **headers):
    if token:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return getattr(client, method)(path, data, content_type="application/json", **headers)


def pointers(response) -> set[str]:
    return {entry["pointer"] for entry in response.json()["errors"]}
