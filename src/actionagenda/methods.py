"""HTTP methods, one rule for the whole site: HEAD answers wherever GET does, and a 405 is never an empty HTML
page (the API answers problem+json, everything else plain text naming the allowed methods).

A calendar client or a link checker sends HEAD before it downloads an .ics file or an export; Django's
`require_GET`, the method lists of function views and django-ninja's operations all refuse it. Answering HEAD
as GET here, before any view or middleware sees the method, keeps the rule in one place; the WSGI servers
(runserver, gunicorn) send the headers without the body.
"""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from actionagenda.interop import problems


def read_only(view):
    """A view that only reads (a file, a feed): GET and HEAD. Any other method is told 405 by the view itself;
    CSRF is not checked first, since nothing here changes anything, so a POST is not answered a CSRF page."""
    return csrf_exempt(require_safe(view))


def allowed_methods(response) -> list[str]:
    """The Allow header's methods, with HEAD wherever GET is (this middleware answers it)."""
    allowed = sorted({method.strip().upper() for method in response.get("Allow", "").split(",") if method.strip()})
    if "GET" in allowed and "HEAD" not in allowed:
        allowed.insert(allowed.index("GET") + 1, "HEAD")
    return allowed


def not_allowed(request: HttpRequest, response) -> HttpResponse:
    allowed = allowed_methods(response)
    if request.path.startswith("/api/"):
        answer = problems.respond(request, 405, "Method Not Allowed",
                                  f"{request.method} is not allowed here. Allowed: {', '.join(allowed)}.")
    else:
        answer = HttpResponse(_("%(method)s is not allowed here. Allowed: %(allowed)s.")
                              % {"method": request.method, "allowed": ", ".join(allowed)} + "\n",
                              status=405, content_type="text/plain; charset=utf-8")
    answer["Allow"] = ", ".join(allowed)
    return answer


class MethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        response = self.get_response(request)
        if head:
            request.method = "HEAD"
        if response.status_code == 405:
            return not_allowed(request, response)
        return response
