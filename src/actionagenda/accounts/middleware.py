"""Secretariat accounts can moderate and administer everything: they must use a second factor."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

# Pages a secretariat member without a second factor can still reach: their account pages (to set it up,
# or sign out), the language switch and the static files.
OPEN_PREFIXES = ("/static/", "/media/", "/i18n/")


class SecretariatSecondFactorMiddleware:
    """Sends a secretariat member without an authenticator app to its set-up page, whatever they open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up(request):
            messages.warning(request, _("Secretariat accounts use a second factor. Set up an authenticator app "
                                        "to continue."))
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_set_up(self, request) -> bool:
        if not settings.ACTIONAGENDA_SECRETARIAT_MFA or request.method != "GET":
            return False
        user = request.user
        if not user.is_authenticated or not user.is_secretariat:
            return False
        path = request.path
        if path.startswith(OPEN_PREFIXES) or "/accounts/" in path or path.startswith("/api/"):
            return False
        return not is_mfa_enabled(user)
