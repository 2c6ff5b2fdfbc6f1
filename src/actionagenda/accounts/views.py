"""The account's own pages beside allauth's e-mail, password and two-factor pages: the profile, the API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from actionagenda import ratelimits

from . import services
from .forms import ApiTokenForm, ProfileForm
from .models import ApiToken


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """The name the public reads with one's contributions."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("account_profile")
    return render(request, "accounts/profile.html", {"form": form})


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def api_tokens(request):
    """The person's API tokens, and a new one made, whose secret this answer alone shows."""
    form = ApiTokenForm(request.POST or None, user=request.user)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            created = {"name": form.cleaned_data["name"], "secret": services.create_api_token(request.user, form)}
        except ratelimits.RateLimited as refusal:
            return ratelimits.respond(request, refusal, _("You have made too many tokens in a short time. Please "
                                                          "try again later."))
        form = ApiTokenForm(user=request.user)
    tokens = ApiToken.objects.filter(user=request.user)
    return render(request, "accounts/api_tokens.html", {"form": form, "tokens": tokens, "created": created},
                  status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def revoke_api_token(request, pk):
    """Ask for confirmation (GET), then revoke (POST). Another person's token is not found at all."""
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if request.method == "POST":
        token.revoke()
        messages.success(request, _("The token “%(name)s” is revoked: it no longer works.") % {"name": token.name})
        return redirect("account_api_tokens")
    return render(request, "accounts/revoke_api_token.html", {"token": token})
