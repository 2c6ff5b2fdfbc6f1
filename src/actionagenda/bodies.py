"""Request bodies larger than the site accepts are refused by their Content-Length, before anything reads them.

Without this an anonymous 90 MB multipart POST is written to a temporary file before CSRF refuses it. Only the
upload pages (the admin's and the programme import, all the secretariat's), for the secretariat, get the larger
limit their upload fields need.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from actionagenda.accounts import roles
from actionagenda.interop import problems

# The pages whose forms carry an upload field (each field checks its own size too).
UPLOAD_VIEWS = {
    "admin:events_event_add", "admin:events_event_change",
    "admin:assistant_guidancedocument_add", "admin:assistant_guidancedocument_change",
    "consultations:import",
}


def limit_for(request) -> int:
    if roles.is_secretariat(request.user):
        try:
            if resolve(request.path_info).view_name in UPLOAD_VIEWS:
                return settings.ACTIONAGENDA_MAX_UPLOAD_REQUEST_BYTES
        except Resolver404:
            pass
    return settings.ACTIONAGENDA_MAX_REQUEST_BYTES


class RequestBodyLimitMiddleware:
    """Answers 413 to a request whose declared body is over its limit (problem+json on the API)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.ACTIONAGENDA_MAX_REQUEST_BYTES and length > limit_for(request):
            return self.refuse(request, limit_for(request))
        return self.get_response(request)

    def refuse(self, request, limit: int):
        detail = _("The request is larger than the %(limit)s this address accepts.") % {"limit": filesizeformat(limit)}
        if request.path.startswith("/api/"):
            return problems.respond(request, 413, problems.title_for(413), detail)
        return HttpResponse(detail, status=413, content_type="text/plain; charset=utf-8")
