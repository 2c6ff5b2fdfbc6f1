"""Secretariat accounts can moderate and administer everything: they must use a second factor, whatever they do."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from actionagenda.interop import problems

from . import roles

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
OPEN_VIEW_MODULES = ("allauth.", "django.views.i18n", "django.views.static")


def _open_without_second_factor(request, view_func) -> bool:
    """Their own account pages (to set the factor up, or sign out), the admin's sign-out, the language switch,
    uploaded files.

    Decided by the view that will answer rather than by the path: `/admin/accounts/…` is not an account page."""
    module = getattr(view_func, "__module__", "")
    match = request.resolver_match
    return module.startswith(OPEN_VIEW_MODULES) or (match.namespace == "admin" and match.url_name == "logout")


class SecretariatSecondFactorMiddleware:
    """Refuses every request of a secretariat member without an authenticator app, and sends them to set one up.

    The API's reads are public data, so they are answered; its writes are refused with a problem document. API
    bearer tokens do not pass here: a token is issued from the server's command line or on the account's tokens
    page, which this refuses too without the second factor, so a token cannot be had with the password alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not self._must_set_up(request, view_func):
            return None
        message = _("Secretariat accounts use a second factor. Set up an authenticator app to continue.")
        if request.path.startswith("/api/"):
            return problems.respond(request, 403, "Second factor required", message)
        messages.warning(request, message)
        if request.htmx:
            # A redirect would be followed by htmx and the set-up page swapped into a fragment of this one.
            return HttpResponseClientRedirect(reverse("mfa_activate_totp"))
        return redirect("mfa_activate_totp")

    def _must_set_up(self, request, view_func) -> bool:
        if not settings.ACTIONAGENDA_SECRETARIAT_MFA or not roles.is_secretariat(request.user):
            return False
        if _open_without_second_factor(request, view_func):
            return False
        if request.path.startswith("/api/") and request.method in SAFE_METHODS:
            return False
        return not is_mfa_enabled(request.user)
