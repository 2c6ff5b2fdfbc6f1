"""Fixed-window rate limits counted in Django's cache, so every web process shares the same counters.

Limits come from settings.ACTIONAGENDA_RATE_LIMITS as "count/seconds".
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


def record(scope: str, ident) -> None:
    """Count one hit for `ident` in the current window."""
    key, _count, seconds = _window(scope, ident)
    cache.add(key, 0, timeout=seconds)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
