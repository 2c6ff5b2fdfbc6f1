"""RFC 9457 problem details for every API error."""

from http import HTTPStatus

from django.http import HttpRequest, JsonResponse

CONTENT_TYPE = "application/problem+json"


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


def from_validation_errors(request: HttpRequest, errors: list[dict]) -> JsonResponse:
    """One entry per field: a JSON pointer to it and a message a person can act on."""
    entries = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "payload", "query")]
        entries.append({"pointer": "#/" + "/".join(location), "field": ".".join(location),
                        "detail": error.get("msg", "Invalid value.")})
    return respond(request, 422, "Invalid request", f"{len(entries)} field(s) need attention.", errors=entries)
