"""Fixed-window rate limits counted in the shared cache (Redis, or the database: see settings.CACHES).

Limits come from settings.ACTIONAGENDA_RATE_LIMITS as "count/seconds", one entry per scope. A hit is checked and
counted in one atomic increment, so racing requests in any number of processes never get more than `count`
through. A refusal is answered 429 with Retry-After: `refuse` for a view's own page, `respond` for the site's
429 page, `problem` for the API. Sign-up and login are limited by django-allauth's own ACCOUNT_RATE_LIMITS, in
the same cache; `allauth_refusal` answers them.
"""

import math
import time

from allauth.account import app_settings
from allauth.account.adapter import get_adapter
from allauth.core.internal.ratelimit import parse_rates
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.shortcuts import render

from actionagenda.interop import problems


class RateLimited(Exception):
    """The scope's limit for this client is used up until the window ends, `retry_after` seconds from now."""

    def __init__(self, scope: str, retry_after: int):
        super().__init__(f"{scope}: retry after {retry_after} s")
        self.scope = scope
        self.retry_after = retry_after


def consume(scope: str, ident) -> None:
    """Count one hit of `ident` in `scope`; raises RateLimited once the window's limit is passed."""
    count, seconds = (int(part) for part in settings.ACTIONAGENDA_RATE_LIMITS[scope].split("/"))
    now = time.time()
    key = f"ratelimit:{scope}:{ident}:{int(now // seconds)}"
    # The window's number is in the key, so a key outliving its window is never counted again.
    hits = _hit(key, seconds)
    if hits > count:
        raise RateLimited(scope, max(1, math.ceil(seconds - now % seconds)))


def _hit(key: str, seconds: int) -> int:
    """The count of `key` after one more hit: an increment, or the window's first hit. Incrementing first
    costs one locked write per hit; adding first cost two (with the database cache on SQLite, 4 statements
    and 0.14-0.26 ms instead of 9 and 0.53-0.56 ms, measured on a file database). Every read of the API
    counts a hit."""
    for _attempt in range(2):
        try:
            return cache.incr(key)
        except ValueError:  # no count yet in this window (or it expired, or was culled)
            if cache.add(key, 1, timeout=seconds):
                return 1
            # a racing request started the count between the two: increment it
    cache.set(key, 1, timeout=seconds)  # culled twice in a row: start again
    return 1


def refuse(response, refusal: RateLimited):
    """`response` (a page or fragment explaining the refusal) as the answer to a refused request: 429, with
    Retry-After."""
    response.status_code = 429
    response["Retry-After"] = str(refusal.retry_after)
    return response


def respond(request, refusal: RateLimited, message: str = ""):
    """The site's 429 page for a refused request, with `message` in place of the general explanation."""
    return refuse(render(request, "429.html", {"message": message}), refusal)


def problem(request, refusal: RateLimited, title: str, detail: str):
    """The API's answer to a refused request: a 429 problem+json document, with Retry-After."""
    return refuse(problems.respond(request, 429, title, detail), refusal)


def allauth_refusal(request, actions: tuple[str, ...]):
    """The site's 429 page for a request django-allauth refused. allauth keeps a sliding window of hit times and
    says nothing of when it frees up: Retry-After is the longest window of the refused `actions`, after which
    the request is allowed again for certain."""
    limits = app_settings.RATE_LIMITS
    durations = [rate.duration for action in actions for rate in parse_rates(limits.get(action))]
    return respond(request, RateLimited("allauth", math.ceil(max(durations, default=60))))


def client_ip(request) -> str:
    """The client's address, read as django-allauth reads it for sign-up and login limits: REMOTE_ADDR, or behind
    TRUSTED_PROXY_COUNT proxies the address the outermost trusted one saw in X-Forwarded-For, or the header
    TRUSTED_CLIENT_IP_HEADER names. A request that does not match that set-up falls back to REMOTE_ADDR."""
    try:
        return get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        return request.META.get("REMOTE_ADDR", "") or "unknown"
