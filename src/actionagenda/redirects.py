"""Where to send a person next when the request names the place (`next`): only ever a page of this site."""

from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def next_url(request, fallback, **fallback_kwargs) -> str:
    """The request's `next` (POST, then GET) when it is a URL on this host, else `fallback` resolved like
    `redirect()` does: an absolute or protocol-relative URL to another site would make this an open redirect."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return resolve_url(fallback, **fallback_kwargs)
