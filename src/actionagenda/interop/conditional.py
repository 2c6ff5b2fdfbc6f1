"""Conditional reads of the API: `ETag` and `Last-Modified` on every read of commitments, statistics and
vocabularies, and `If-None-Match` / `If-Modified-Since` answered 304 Not Modified before the body is built.

The validators come from the data's version, never from the body: for a list, the latest `updated` of any
commitment (which the facet index reads anyway, `Index.latest`); for one commitment, its own `updated`, which
moves with every change its record shows (`CommitmentQuerySet.touch`). The ETag also covers what the same data
is shown with: the path and parameters, the language (the `url` fields), the token sent (an author sees their
own), the public address (`SITE_URL`) and the record's JSON Schema, so that a release which adds a field does
not answer 304 to a client holding the old body. The ETags are weak: equal ones promise the same data, not the
same bytes.

Only the If-None-Match / If-Modified-Since half of RFC 9110 section 13.2.2 applies to a read. Django's
`get_conditional_response` also answers If-Match with a bare 412, which no read needs.
"""

import datetime
import hashlib
import json
from functools import cache

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_etags, parse_http_date_safe
from django.utils.translation import get_language
from ninja import Schema
from pydantic import BaseModel, Field

from actionagenda import links

# Copied onto a 304 (RFC 9110 section 15.4.5); Vary is added afterwards by the locale middleware.
KEPT_ON_304 = ("ETag", "Last-Modified", "Cache-Control")


class Conditions(Schema):
    """The request headers of a conditional read."""

    if_none_match: str | None = Field(None, alias="If-None-Match",
                                      description="The ETag of the copy you hold: 304 Not Modified, with no body, "
                                                  "while it is current")
    if_modified_since: str | None = Field(None, alias="If-Modified-Since",
                                          description="The Last-Modified of the copy you hold (an HTTP date, to the "
                                                      "second; ignored with If-None-Match, which is exact): 304 "
                                                      "while nothing changed since")


def answer(request: HttpRequest, response: HttpResponse, conditions: Conditions, version: str,
           last_modified: datetime.datetime | None, shape: type[BaseModel]) -> HttpResponse | None:
    """Put the validators of `version` of the data (read as `shape`) on `response`, the answer being built; a 304
    carrying them when the client's copy is current, else None (build the body)."""
    response["ETag"] = etag(request, version, shape)
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    # Kept but checked again on every use: the 304 costs little, a stale list a harvest.
    patch_cache_control(response, no_cache=True, **({"private": True} if "authorization" in request.headers else {}))
    if not is_current(conditions, response["ETag"], last_modified):
        return None
    not_modified = HttpResponseNotModified()
    for header in KEPT_ON_304:
        if header in response:
            not_modified[header] = response[header]
    return not_modified


def etag(request: HttpRequest, version: str, shape: type[BaseModel]) -> str:
    parts = (version, request.get_full_path(), get_language() or "", request.headers.get("authorization", ""),
             links.absolute("/"), _schema_digest(shape))
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def is_current(conditions: Conditions, current_etag: str, last_modified: datetime.datetime | None) -> bool:
    if conditions.if_none_match is not None:  # weak comparison; If-Modified-Since then does not count
        held = parse_etags(conditions.if_none_match)
        return "*" in held or current_etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in held}
    since = parse_http_date_safe(conditions.if_modified_since) if conditions.if_modified_since else None
    return since is not None and last_modified is not None and int(last_modified.timestamp()) <= since


@cache
def _schema_digest(shape: type[BaseModel]) -> str:
    return hashlib.sha256(json.dumps(shape.model_json_schema(), sort_keys=True).encode()).hexdigest()


def document(schema: dict) -> dict:
    """The OpenAPI document says which headers carry the validators: on every answer of an operation that
    may answer 304."""
    validators = {
        "ETag": {"description": "Send it back as If-None-Match", "schema": {"type": "string"}},
        "Last-Modified": {"description": "Send it back as If-Modified-Since (when there is data)",
                          "schema": {"type": "string"}},
    }
    for operations in schema["paths"].values():
        for operation in operations.values():
            answers = {int(status): answer for status, answer in operation.get("responses", {}).items()}
            if 304 in answers:
                for status in (200, 304):
                    answers[status].setdefault("headers", {}).update(validators)
    return schema
