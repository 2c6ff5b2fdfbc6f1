from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from actionagenda import ratelimits, uploads
from actionagenda.methods import read_only

from . import calendars, services
from .forms import RegistrationForm
from .models import Event, EventDocument, Registration

REGISTRANT_SALT = "events.registrant"
REGISTRANT_COOKIE_AGE = 60 * 60 * 24 * 180


def _upcoming():
    return Event.objects.filter(published=True, ends_at__gte=timezone.now())


def upcoming(request):
    events = list(_upcoming())
    groups = [(label, [e for e in events if e.kind == kind]) for kind, label in Event.Kind.choices]
    return render(request, "events/list.html", {"groups": [g for g in groups if g[1]], "has_events": bool(events)})


def _cookie_name(event: Event) -> str:
    return f"aa_event_{event.pk}"


def _remember(request, response, registration: Registration) -> None:
    """A signed cookie lets the browser that registered see the online link without an account."""
    response.set_signed_cookie(_cookie_name(registration.event), registration.token, salt=REGISTRANT_SALT,
                               max_age=REGISTRANT_COOKIE_AGE, httponly=True, samesite="Lax",
                               secure=request.is_secure())


def _registrant(request, event: Event) -> Registration | None:
    """The visitor's active registration: from the signed cookie, or a signed-in user's verified addresses."""
    active = event.registrations.active()
    token = request.get_signed_cookie(_cookie_name(event), default=None, salt=REGISTRANT_SALT)
    if token and (registration := active.filter(token=token).first()):
        return registration
    if request.user.is_authenticated:
        emails = request.user.verified_emails()
        return active.filter(email__in=emails).first() if emails else None
    return None


def _initial(request) -> dict:
    user = request.user
    return {"name": user.name, "email": user.email} if user.is_authenticated else {}


@require_http_methods(["GET", "HEAD", "POST"])
def detail(request, slug):
    event = get_object_or_404(Event.objects.prefetch_related("speakers", "documents")
                              .annotate(confirmed=Count("registrations", filter=Q(registrations__status="confirmed"))),
                              slug=slug, published=True)
    form, status, refusal = RegistrationForm(initial=_initial(request)), 200, None
    if request.method == "POST":
        form, status = RegistrationForm(request.POST), 400
        try:
            ratelimits.consume("event_register", ratelimits.client_ip(request))
        except ratelimits.RateLimited as error:
            refusal = error
            form.add_error(None, _("Too many registrations from your network. Please try again in a few minutes."))
        if refusal is None and form.is_valid():
            data = services.RegistrationData(language=request.LANGUAGE_CODE, **form.cleaned_data)
            verified = request.user.is_authenticated and data.email.lower() in request.user.verified_emails()
            try:
                registration = services.register(event, data, email_verified=verified)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return _registered(request, registration)
    registrant = _registrant(request, event)
    context = {"event": event, "form": form, "registrant": registrant,
               "show_form": registrant is None or form.is_bound or "another" in request.GET,
               "registration_state": event.registration_state()}
    response = render(request, "events/detail.html", context, status=status)
    return ratelimits.refuse(response, refusal) if refusal else response


def _registered(request, registration: Registration):
    if registration.status == Registration.Status.PENDING:
        # The same answer whatever the address already holds: the visitor may not own it.
        messages.info(request, _("Almost done: we have sent a link to %(email)s. Follow it within %(hours)s hours "
                                 "to confirm your registration.")
                      % {"email": registration.email, "hours": services.CONFIRMATION_HOURS})
        return redirect(registration.event)
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(request, _("You are registered. We have sent a confirmation with a calendar invitation "
                                    "to %(email)s.") % {"email": registration.email})
    else:
        messages.info(request, _("The event is full: you are on the waitlist, position %(position)s. We have "
                                 "sent the details to %(email)s.") % {"position": registration.waitlist_place,
                                                                      "email": registration.email})
    response = redirect(registration.event)
    _remember(request, response, registration)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def registration(request, token):
    """The registrant's own page, reached from the link in their e-mails: details, online link, cancel."""
    registration = services.registration_for_token(token)
    if registration is None:
        raise Http404
    if request.method == "POST":
        registration, _promoted = services.cancel(token)
        messages.success(request, _("Your registration is cancelled."))
        return redirect("events:cancel", token=token)
    response = render(request, "events/registration.html",
                      {"registration": registration, "event": registration.event})
    # The page's address holds the secret token: never send it to other sites (such as the online link).
    # "same-origin" rather than "no-referrer", which would make the cancel POST fail the CSRF origin check.
    response["Referrer-Policy"] = "same-origin"
    if registration.is_active:
        _remember(request, response, registration)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, signed):
    """The link e-mailed to a pending registrant: a button that confirms (a GET changes nothing, so mail
    scanners that open links confirm no one), then the event page with the place and the online link."""
    registration = services.pending_for_link(signed)
    if registration is None:
        return render(request, "events/confirm.html", {"invalid": True}, status=404)
    if registration.status != Registration.Status.PENDING:
        return redirect(registration.get_cancel_url())
    error = None
    if request.method == "POST":
        try:
            return _registered(request, services.confirm(registration))
        except ValidationError as refused:
            error = refused.messages[0]
    response = render(request, "events/confirm.html",
                      {"registration": registration, "event": registration.event, "error": error},
                      status=400 if error else 200)
    response["Referrer-Policy"] = "same-origin"
    return response


def _ics(content: bytes, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@read_only
def calendar_feed(request):
    return _ics(calendars.feed(_upcoming()))


@read_only
def event_ics(request, slug):
    event = get_object_or_404(Event, slug=slug, published=True)
    return _ics(calendars.event_file(event), filename=f"{event.slug}.ics")


@read_only
def document(request, slug, pk):
    """An uploaded document of a published event (concept note, programme), as a download."""
    attached = get_object_or_404(EventDocument.objects.exclude(file=""), pk=pk, event__slug=slug,
                                 event__published=True)
    return uploads.attachment(attached.file)
