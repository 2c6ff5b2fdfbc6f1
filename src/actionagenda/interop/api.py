"""The public API, version 1: the contract partners build on. Errors are RFC 9457 problem details."""

import hashlib
import json
from functools import cache

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from ninja import Header, NinjaAPI, Path, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic import Field

from actionagenda import ratelimits
from actionagenda.assistant.api import router as assistant_router
from actionagenda.vocabularies import catalogue, cbd

from . import conditional, problems, read_limits, write_api  # noqa: F401 (write_api adds its operations to the commitments router)
from .bch_api import router as bch_router
from .commitments_api import router as commitments_router
from .commitments_api import statistics_router
from .reports_api import router as reports_router


class API(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return conditional.document(problems.document(read_limits.document(schema)))


api = API(
    title="actionagenda API",
    version="1",
    description="Biosafety commitments of non-state actors under the CBD Action Agenda for Nature and People.",
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.exception_handler(ValidationError)
def validation_problem(request: HttpRequest, exc: ValidationError):
    return problems.from_validation_errors(request, exc.errors)


@api.exception_handler(AuthenticationError)
def authentication_problem(request: HttpRequest, exc: AuthenticationError):
    return problems.respond(request, 401, "Authentication required",
                            "Send a valid API token as 'Authorization: Bearer <token>'.")


@api.exception_handler(problems.Refused)
def refused_problem(request: HttpRequest, exc: problems.Refused):
    return exc.answer(request)


@api.exception_handler(ratelimits.RateLimited)
def rate_limited_problem(request: HttpRequest, exc: ratelimits.RateLimited):
    return ratelimits.problem(request, exc, "Too many requests",
                              f"Try again in {exc.retry_after} seconds (the Retry-After header).")


@api.exception_handler(HttpError)
def http_problem(request: HttpRequest, exc: HttpError):
    return problems.respond(request, exc.status_code, problems.title_for(exc.status_code), str(exc))


class VocabularyEntry(Schema):
    code: str
    label: str
    group: str = ""
    number: str = ""
    cbd: list[str] = Field([], description="The CBD thesaurus identifiers for this code, which filters also accept "
                                           "(GBF targets, action categories and their CBD subject terms, countries)")


class VocabularyOut(Schema):
    name: str
    label: str
    entries: list[VocabularyEntry]


@api.get("/vocabularies/{name}", response={200: VocabularyOut, 304: None, **problems.responses(404)},
         tags=["vocabularies"], summary="A controlled vocabulary with labels in the requested language")
def vocabulary(request, response: HttpResponse, conditions: Header[conditional.Conditions],
               name: str = Path(..., description=", ".join(sorted(catalogue.PUBLISHED)) + " or country")):
    """Every entry at once, in the vocabulary's own order (a few hundred at most: no pages)."""
    if catalogue.get(name) is None:
        raise HttpError(404, f"No vocabulary named '{name}'. Known: {', '.join(sorted(catalogue.PUBLISHED))}, country.")
    body, version = _vocabulary(name, get_language())
    return conditional.answer(request, response, conditions, version, None, VocabularyOut) or body


@cache
def _vocabulary(name: str, language: str) -> tuple[dict, str]:
    """A vocabulary in `language` and its digest: code data and compiled translations, fixed for a process."""
    found = catalogue.get(name)
    body = {"name": found.name, "label": str(found.label), "entries": [
        {"code": e.code, "label": str(e.label), "group": e.group, "number": e.number,
         "cbd": cbd.identifiers(found.name, e.code)} for e in found]}
    return body, hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


api.add_router("/commitments", commitments_router)
api.add_router("/commitments", reports_router)
api.add_router("/commitments", bch_router)
api.add_router("/assistant", assistant_router)
api.add_router("/statistics", statistics_router)
