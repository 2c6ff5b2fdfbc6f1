"""API bearer tokens (accounts.ApiToken): who a request acts for, with which access, and how often it may write.

Writes need a token with the write scope (an unknown, revoked or malformed one is refused 401, a read-only one
403); reads need none, and a valid token sent with one (read or write) adds its owner's unpublished commitments.
Every write counts against a limit per token and one per client address (429 with Retry-After).
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from actionagenda import ratelimits
from actionagenda.accounts.models import ApiToken

WRITE_LIMIT = "api_write"


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>`: the token's user acts (`request.user`; `request.auth` is the token)."""

    def __init__(self, scope: str = ApiToken.Scope.WRITE):
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str):
        found = ApiToken.find(token)
        if found is None:
            return None
        if not found.allows(self.scope):
            raise HttpError(403, _("This token is read-only: make a token with write access on your account's API "
                                   "tokens page."))
        request.user = found.user
        return found


def reader(request: HttpRequest) -> ApiToken | None:
    """The valid token a read was sent with, else None: a read with an unknown or revoked token is answered as
    one without (and counted against its address, interop.read_limits), never refused."""
    if "Authorization" not in request.headers:
        return None
    found = BearerToken(ApiToken.Scope.READ)(request)
    if found is not None:
        request.auth = found
    return found


def count_write(request: HttpRequest) -> None:
    """Count one write of the request's token and of its client address; raises ratelimits.RateLimited past
    either limit (settings.ACTIONAGENDA_RATE_LIMITS["api_write"])."""
    ratelimits.consume(WRITE_LIMIT, f"token:{request.auth.pk}")
    ratelimits.consume(WRITE_LIMIT, f"address:{ratelimits.client_ip(request)}")
