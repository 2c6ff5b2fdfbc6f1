"""The newsletter's public pages: sign-up, confirmation, preferences and unsubscribing (reached from the links in
every e-mail, without an account), and the archive of sent issues."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from actionagenda import ratelimits
from actionagenda.methods import read_only

from . import newsletter, newsletter_content
from .models import Newsletter, Subscriber
from .newsletter_forms import PreferencesForm, SignUpForm


def _private(response):
    # The address holds a secret token: never send it to other sites in a Referer.
    response["Referrer-Policy"] = "same-origin"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    """Sign-up: the same answer whatever the address holds; the link e-mailed to it subscribes it."""
    if request.method != "POST":
        return render(request, "outreach/newsletter/signup.html",
                      {"form": SignUpForm(initial={"language": get_language()})})
    form = SignUpForm(request.POST)
    try:
        ratelimits.consume("newsletter_signup", ratelimits.client_ip(request))
    except ratelimits.RateLimited as refusal:
        form.add_error(None, _("Too many sign-ups from your network. Please try again in a few minutes."))
        return ratelimits.refuse(render(request, "outreach/newsletter/signup.html", {"form": form}), refusal)
    if not form.is_valid():
        return render(request, "outreach/newsletter/signup.html", {"form": form}, status=400)
    newsletter.subscribe(form.cleaned_data["email"], form.preferences(get_language()))
    return render(request, "outreach/newsletter/signup_sent.html", {
        "email": newsletter.normalised(form.cleaned_data["email"]), "days": newsletter.CONFIRMATION_DAYS})


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, signed):
    """The e-mailed link: a button that subscribes (a GET changes nothing: mail scanners open links)."""
    found = newsletter.confirmation_for(signed)
    if found is None:
        return _private(render(request, "outreach/newsletter/confirm.html", {"invalid": True}, status=404))
    subscriber, preferences = found
    if request.method == "POST":
        subscriber = newsletter.confirm(subscriber, preferences)
        return redirect(f"{_preferences_url(subscriber)}?confirmed=1")
    return _private(render(request, "outreach/newsletter/confirm.html", {"subscriber": subscriber}))


def _preferences_url(subscriber: Subscriber) -> str:
    return reverse("outreach:newsletter_preferences", kwargs={"token": subscriber.token})


@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    """A subscriber's choices, reached from every e-mail's link."""
    subscriber = newsletter.subscriber_for_token(token)
    if subscriber is None:
        raise Http404
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            newsletter.update_preferences(subscriber, form.preferences())
            saved = True
    else:
        chosen = newsletter.Preferences.of(subscriber)
        form = PreferencesForm(initial={"language": chosen.language, "topics": chosen.topics,
                                        "actor_types": chosen.actor_types, "countries": chosen.countries})
    return _private(render(request, "outreach/newsletter/preferences.html", {
        "form": form, "subscriber": subscriber, "saved": saved, "confirmed": "confirmed" in request.GET},
        status=400 if form.is_bound and not form.is_valid() else 200))


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" with no cookie and no token of ours.
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET: a page with a button (scanners that open links unsubscribe no one). POST with List-Unsubscribe=One-Click,
    from that button or from a mail client's one-click unsubscribe (the List-Unsubscribe header's address): done."""
    subscriber = Subscriber.objects.filter(token=token).first() if token else None
    if subscriber is None:
        raise Http404
    if request.method == "POST":
        if request.POST.get("List-Unsubscribe") != "One-Click":
            return HttpResponse(status=400)
        newsletter.unsubscribe(token)
        return _private(render(request, "outreach/newsletter/unsubscribed.html"))
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return _private(render(request, "outreach/newsletter/unsubscribed.html"))
    return _private(render(request, "outreach/newsletter/unsubscribe.html", {"subscriber": subscriber}))


@read_only
def archive(request):
    """The issues sent, newest first, each with its subject in the page's language."""
    language = get_language()
    issues = [(issue, newsletter_content.in_language(issue.sent_content, language))
              for issue in Newsletter.objects.exclude(status=Newsletter.Status.DRAFT).order_by("-sending_started_at")]
    return render(request, "outreach/newsletter/archive.html", {"issues": issues})


@read_only
def issue(request, pk):
    """An issue as it was sent, in the page's language."""
    sent = get_object_or_404(Newsletter.objects.exclude(status=Newsletter.Status.DRAFT), pk=pk)
    return render(request, "outreach/newsletter/issue.html", {
        "newsletter": sent, "issue": newsletter_content.in_language(sent.sent_content, get_language())})
