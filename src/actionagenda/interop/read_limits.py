"""Rate limits on the API's reads: per token for a client that sends a valid one (`api_read_token`), per client
address otherwise (`api_read`), counted in the shared cache by `ratelimits.consume` like every other limit.

The budgets (settings.ACTIONAGENDA_RATE_LIMITS, README) are set for harvesters: 10^5 commitments are 1,000 pages
of 100, a few minutes at the anonymous budget. A refusal is a 429 problem with Retry-After, which cross-origin
scripts may read (interop.cors exposes it). A token that is unknown, revoked or of an inactive account counts
against its address, so that made-up tokens buy no budget; whether an operation accepts it is the
operation's business.
"""

from django.http import HttpRequest

from actionagenda import ratelimits
from actionagenda.accounts.models import ApiToken

from .cors import API_PREFIX, READS

BEARER = "bearer "


class ReadLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if request.method in READS and request.path.startswith(API_PREFIX):
            try:
                ratelimits.consume(*client(request))
            except ratelimits.RateLimited as refusal:
                return ratelimits.problem(request, refusal, "Too many requests",
                                          f"This client's read budget is used up; try again in {refusal.retry_after} "
                                          "s. Harvesters: send an API token for a larger budget.")
        return self.get_response(request)


def client(request: HttpRequest) -> tuple[str, str]:
    """The limit's scope and who is counted in it: the token's id, or the client's address."""
    header = request.headers.get("authorization", "")
    if header[:len(BEARER)].lower() == BEARER:
        token = (ApiToken.objects.filter(digest=ApiToken.hash(header[len(BEARER):].strip()), revoked=False,
                                         user__is_active=True).values_list("pk", flat=True).first())
        if token is not None:
            return "api_read_token", str(token)
    return "api_read", ratelimits.client_ip(request)


def document(schema: dict) -> dict:
    """The OpenAPI document says that every read may be refused 429 (this middleware answers for all of them),
    and that every 429 says when to try again (before `problems.document`, which gives errors their type)."""
    for operations in schema["paths"].values():
        for method, operation in operations.items():
            answers = operation.setdefault("responses", {})
            statuses = {int(status): status for status in answers}  # ninja's keys are numbers, not yet strings
            if method == "get" and 429 not in statuses:
                answers[429] = {"description": "Too Many Requests", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                statuses[429] = 429
            if 429 in statuses:
                answers[statuses[429]].setdefault("headers", {})["Retry-After"] = {
                    "description": "Seconds until the limit frees up", "schema": {"type": "integer"}}
    return schema
