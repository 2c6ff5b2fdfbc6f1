"""RFC 9457 problem details for every API error.

Every app answering an API error imports this module, and the API (`interop.api`) imports those apps' routers:
it imports nothing of the project, so that no app importing it pulls in the API or another app.
"""

from http import HTTPStatus

from django.http import HttpRequest, JsonResponse
from ninja import Schema

CONTENT_TYPE = "application/problem+json"


class FieldProblem(Schema):
    pointer: str
    field: str
    detail: str


class Problem(Schema):
    """What every error of the API answers (RFC 9457), with `errors` naming each field of a 422."""

    type: str
    title: str
    status: int
    instance: str
    detail: str | None = None
    errors: list[FieldProblem] | None = None


def responses(*statuses: int) -> dict[int, type[Problem]]:
    """The error answers an operation declares, e.g. `response={200: Out, **problems.responses(404, 422)}`."""
    return dict.fromkeys(statuses, Problem)


def document(schema: dict) -> dict:
    """The OpenAPI document says what is sent: ninja labels every declared answer application/json, but
    errors go out as application/problem+json."""
    for operations in schema["paths"].values():
        for operation in operations.values():
            for status, answer in operation.get("responses", {}).items():
                if int(status) >= 400 and "application/json" in answer.get("content", {}):
                    answer["content"] = {CONTENT_TYPE: answer["content"].pop("application/json")}
    return schema


def title_for(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def respond(request: HttpRequest, status: int, title: str, detail: str = "", errors: list | None = None,
            **extra) -> JsonResponse:
    body = {"type": "about:blank", "title": title, "status": status, "instance": request.path}
    if detail:
        body["detail"] = detail
    if errors is not None:
        body["errors"] = errors
    body.update(extra)
    return JsonResponse(body, status=status, content_type=CONTENT_TYPE)


class Refused(Exception):
    """Raised by an operation to answer with a problem (the API's handler calls `respond`): `errors` as in a 422,
    `extra` members beside them (RFC 9457 extensions)."""

    def __init__(self, status: int, title: str, detail: str = "", errors: list | None = None, **extra):
        super().__init__(f"{status} {title}: {detail}")
        self.status, self.title, self.detail, self.errors, self.extra = status, title, detail, errors, extra

    def answer(self, request: HttpRequest) -> JsonResponse:
        return respond(request, self.status, self.title, self.detail, self.errors, **self.extra)


def invalid(errors: list[dict]) -> Refused:
    """The 422 of a body with `errors` (entries of pointer, field and detail)."""
    return Refused(422, "Invalid request", f"{len(errors)} field(s) need attention.", errors=errors)


def from_validation_errors(request: HttpRequest, errors: list[dict]) -> JsonResponse:
    """One entry per field: a JSON pointer to it and a message a person can act on."""
    entries = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "payload", "query")]
        entries.append({"pointer": "#/" + "/".join(location), "field": ".".join(location),
                        "detail": error.get("msg", "Invalid value.")})
    return respond(request, 422, "Invalid request", f"{len(entries)} field(s) need attention.", errors=entries)
