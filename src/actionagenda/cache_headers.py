"""Cache-Control for pages that show a signed-in person's own data, applied to every response."""

from django.utils.cache import patch_cache_control


class PrivatePagesMiddleware:
    """A response built for a signed-in person is `private`, so that no shared cache (a proxy, a CDN) keeps
    their page for the next visitor; the account pages (allauth: sign-in, password, e-mail addresses, second
    factor) are also `no-store`, so that their content is never written to disk, not even by the browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.func.__module__.startswith("allauth."):
            patch_cache_control(response, private=True, no_store=True)
        # A page that never read the session cannot depend on who asked (and reading it here would mark it).
        elif request.session.accessed and request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response
