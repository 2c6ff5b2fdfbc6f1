"""Fixed-window rate limits counted in Django's cache, so every web process shares the counters (with Redis).

Limits come from settings.ACTIONAGENDA_RATE_LIMITS as "count/seconds", one entry per scope. Sign-up and login
are limited by django-allauth's own ACCOUNT_RATE_LIMITS.
"""

import time

from django.conf import settings
from django.core.cache import cache


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
    """The address the limit is keyed on. Behind a proxy, REMOTE_ADDR is the proxy's own address unless the
    deployment rewrites it (documented in the README)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"
