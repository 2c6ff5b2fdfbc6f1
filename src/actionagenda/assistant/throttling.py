"""Rate limit of asking, per client IP, counted in Django's cache (shared by every process with Redis)."""

from django.conf import settings
from django.core.cache import cache


def _limit(scope: str) -> tuple[int, int]:
    count, seconds = settings.ACTIONAGENDA_RATE_LIMITS[scope].split("/")
    return int(count), int(seconds)


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow(request, scope: str = "assistant") -> bool:
    """Count one use of `scope` by this client; False once the limit of the current window is passed."""
    count, seconds = _limit(scope)
    key = f"ratelimit:{scope}:{client_ip(request)}"
    if cache.add(key, 1, seconds):
        return True
    try:
        used = cache.incr(key)
    except ValueError:  # the window expired between add and incr
        cache.add(key, 1, seconds)
        return True
    return used <= count
