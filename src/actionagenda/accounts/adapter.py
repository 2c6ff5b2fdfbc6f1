"""django-allauth on this site: its refusals answer 429 with Retry-After on the site's page, never a form error;
the links in its e-mails point at the public address."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionagenda import links, ratelimits
from actionagenda.accounts import roles

# The allauth limits (ACCOUNT_RATE_LIMITS actions) that can refuse each of its pages.
_ACTIONS = {
    "account_login": ("login", "login_failed"),
    "account_signup": ("signup",),
    "account_reset_password": ("reset_password",),
    "account_reset_password_from_key": ("reset_password_from_key",),
    "account_email": ("manage_email",),
    "account_change_password": ("change_password",),
    "account_set_password": ("change_password",),
    "account_reauthenticate": ("reauthenticate",),
}


def rate_limited(request):
    """allauth's handler429 hook (urls.handler429): the page refused by one of allauth's limits."""
    match = request.resolver_match
    return ratelimits.allauth_refusal(request, _ACTIONS.get(match.url_name if match else "", ("login", "signup")))


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """The secretariat signs in to moderate: it lands on the queue, others on their commitments (a `next`
        address, when there is one, wins for both)."""
        if roles.is_secretariat(request.user):
            return reverse("commitments:moderation")
        return super().get_login_redirect_url(request)

    def pre_authenticate(self, request, **credentials):
        """Too many failed logins answer 429 with Retry-After, like every other limit, not a form error."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            raise ImmediateHttpResponse(ratelimits.allauth_refusal(request, ("login_failed",))) from error

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth builds its links (`activate_url`, `password_reset_url`, `signup_url`) from the request's host;
        the e-mail carries them at the public address, like every other link the platform sends."""
        context = {key: links.rebased(value) if key.endswith("_url") and isinstance(value, str) else value
                   for key, value in context.items()}
        super().send_mail(template_prefix, email, context)
