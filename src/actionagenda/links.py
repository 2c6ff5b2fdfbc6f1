"""The platform's public address: every absolute link it hands out (e-mails, share links, calendar files, the
API's `url` fields, allauth's e-mails) is made here, from SITE_URL, never from the request's Host header.

Templates load it as `{% load links %}` and write `{{ event.get_absolute_url|absolute }}`.
"""

from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from django import template
from django.conf import settings

register = template.Library()


def absolute(path: str) -> str:
    """`path` (a path on this site, as get_absolute_url() or reverse() give it) at the public address."""
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError(f"not a path on this site: {path!r}")
    return settings.SITE_URL + path


def rebased(url: str) -> str:
    """A link to this site built by someone else from the request (allauth does) moved to the public address:
    behind a proxy the request's host is the proxy's."""
    parts = urlsplit(url)
    return absolute(urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment)))


def origin() -> tuple[str, str]:
    """The public address as (scheme, host and any path prefix), for builders that join them themselves
    (Django's sitemaps write `scheme://domain` + path)."""
    scheme, rest = settings.SITE_URL.split("://", 1)
    return scheme, rest


def host() -> str:
    """The public host name, for identifiers that must stay the same whatever page made them (calendar UIDs)."""
    return urlsplit(settings.SITE_URL).hostname or "actionagenda"


def share(url: str, text: str) -> dict[str, str]:
    """Share links for a page at `url` (absolute), plain links that load no other site's script: an e-mail,
    and the sharing pages of X, LinkedIn and Facebook."""
    return {
        "email": f"mailto:?subject={quote(text)}&body={quote(text + chr(10) + url)}",
        "x": "https://x.com/intent/post?" + urlencode({"text": text, "url": url}),
        "linkedin": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
    }


register.filter("absolute", absolute)
