"""Fixed-window rate limits counted in Django's cache, so every web process shares the counters (with Redis).

Limits come from settings.ACTIONAGENDA_RATE_LIMITS as "count/seconds", one entry per scope. Sign-up and login
are limited by django-allauth's own ACCOUNT_RATE_LIMITS.
"""

import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied


def _window(scope: str, ident) -> tuple[str, int, int]:
    count, seconds = (int(part) for part in settings.ACTIONAGENDA_RATE_LIMITS[scope].split("/"))
    window = int(time.time() // seconds)
    return f"ratelimit:{scope}:{ident}:{window}", count, seconds


def exceeded(scope: str, ident) -> bool:
    """True when `ident` has already used every hit `scope` allows in the current window."""
    key, count, _seconds = _window(scope, ident)
    return cache.get(key, 0) >= count


def record(scope: str, ident) -> int:
    """Count one hit for `ident` in the current window; returns the hits so far."""
    key, _count, seconds = _window(scope, ident)
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        return 1


def allow(scope: str, ident) -> bool:
    """Count one hit for `ident`; False once the limit of the current window is passed."""
    _key, count, _seconds = _window(scope, ident)
    return record(scope, ident) <= count


def client_ip(request) -> str:
    """The client's address, read as django-allauth reads it for sign-up and login limits: REMOTE_ADDR, or behind
    TRUSTED_PROXY_COUNT proxies the address the outermost trusted one saw in X-Forwarded-For, or the header
    TRUSTED_CLIENT_IP_HEADER names. A request that does not match that set-up falls back to REMOTE_ADDR."""
    try:
        return get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        return request.META.get("REMOTE_ADDR", "") or "unknown"
