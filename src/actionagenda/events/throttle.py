"""A fixed-window rate limit counted in the shared cache (local memory or Redis), keyed by client IP."""

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def allow(request, scope: str) -> bool:
    """Count one hit for this client in `scope`; False once the limit in ACTIONAGENDA_RATE_LIMITS is passed."""
    count, seconds = (int(part) for part in settings.ACTIONAGENDA_RATE_LIMITS[scope].split("/"))
    key = f"ratelimit:{scope}:{client_ip(request)}"
    if cache.add(key, 1, timeout=seconds):
        return True
    try:
        return cache.incr(key) <= count
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return True
