"""Processes around events: creation, registration with capacity and waitlist, confirmation of the e-mail
address, cancellation with automatic promotion, reminders, and the deletion path for registrants' personal data.

Places are counted under a row lock on the Event (`select_for_update`), so concurrent registrations and
cancellations are serialised per event: confirmed registrations never exceed the capacity, and every freed
place promotes exactly one waitlisted person. E-mails are queued as tasks once the transaction has committed.

Anyone can type anyone's address, so a registration with an address the visitor has not proven stays pending
until the link e-mailed to that address is followed. A pending registration holds no place (otherwise anyone
could fill an event with made-up addresses), blocks nobody (the address's owner can register and confirm their
own) and shows nothing (no online link, no position). The place is given when the link is followed: confirmed
while places remain, otherwise at the end of the waitlist. The link works for `CONFIRMATION_MAX_AGE`; pending
registrations older than that are deleted by the periodic `purge_unconfirmed`.
"""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import Event, Registration, new_token

Status = Registration.Status

DAY_REMINDER = datetime.timedelta(hours=24)
HOUR_REMINDER = datetime.timedelta(hours=1)
CONFIRMATION_HOURS = 48
CONFIRMATION_MAX_AGE = datetime.timedelta(hours=CONFIRMATION_HOURS)
_CONFIRMATION_SALT = "events.registration.confirm"


def unique_slug(title: str, starts_at: datetime.datetime) -> str:
    base = slugify(f"{title[:60]} {starts_at:%Y-%m-%d}") or "event"
    slug, n = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_event(*, title: str, starts_at: datetime.datetime, ends_at: datetime.datetime, timezone: str = "UTC",
                 kind: str = Event.Kind.WEBINAR, description: str = "", **fields) -> Event:
    """Create a published event; `starts_at`/`ends_at` must be aware datetimes. Extra keyword arguments set
    other Event fields (capacity, online_url, location, ...)."""
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise ValueError("Event times must carry a time zone.")
    return Event.objects.create(title=title, slug=unique_slug(title, starts_at), starts_at=starts_at,
                                ends_at=ends_at, timezone=timezone, kind=kind, description=description, **fields)


@dataclass(frozen=True)
class RegistrationData:
    name: str
    email: str
    actor_type: str
    consent: bool
    organisation: str = ""
    country: str = ""
    language: str = "en"


def _notify(registration: Registration, notice: str) -> None:
    # Imported here: tasks imports this module.
    from .tasks import send_registration_notice

    transaction.on_commit(lambda: send_registration_notice.enqueue(registration.pk, notice))


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def register(event: Event, data: RegistrationData, *, email_verified: bool = False) -> Registration:
    """Register a person. With `email_verified` (a signed-in user's verified address) the place is given at
    once: confirmed while places remain, otherwise at the end of the waitlist. Any other address gets a pending
    registration and an e-mail with the confirmation link (see `confirm`), whatever else the address holds.

    Raises ValidationError (keyed by form field) when registration is closed, consent is missing or a verified
    address already holds a place or a waitlist position for this event.
    """
    if not data.consent:
        raise ValidationError({"consent": _("Please agree to the use of your data for this event.")})
    email = data.email.strip().lower()
    with transaction.atomic():
        event = _locked(event)
        if not event.registration_is_open():
            raise ValidationError(_("Registration for this event is closed."))
        registration = Registration(event=event, name=data.name.strip(), email=email,
                                    organisation=data.organisation.strip(), country=data.country,
                                    actor_type=data.actor_type, consent=True, language=data.language,
                                    status=Status.PENDING)
        if not email_verified:
            registration.save()
            _notify(registration, "pending")
            return registration
        if Registration.objects.active().filter(event=event, email=email).exists():
            raise ValidationError({"email": _("This e-mail address is already registered for this event. "
                                              "Look for the confirmation e-mail, which has a link to cancel.")})
        _give_place(event, registration)
    return registration


def _give_place(event: Event, registration: Registration) -> None:
    """Confirm or waitlist `registration` and tell the registrant; the caller holds the lock on `event`."""
    if not event.is_full:
        registration.status, registration.confirmed_at = Status.CONFIRMED, timezone.now()
    else:
        registration.status, registration.position = Status.WAITLISTED, _next_position(event)
    registration.save()
    _notify(registration, registration.status)


def confirmation_link(registration: Registration) -> str:
    """The signed path, e-mailed to the address only, that confirms a pending registration."""
    signed = signing.TimestampSigner(salt=_CONFIRMATION_SALT).sign(registration.token)
    return reverse("events:confirm", kwargs={"signed": signed})


def pending_for_link(signed: str) -> Registration | None:
    """The registration a confirmation link names, or None when the link is forged, expired or used up."""
    try:
        token = signing.TimestampSigner(salt=_CONFIRMATION_SALT).unsign(signed, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature:
        return None
    return registration_for_token(token)


def confirm(registration: Registration) -> Registration:
    """Give the place to a pending registration whose e-mailed link was followed; returns the registration that
    now stands for the address (the earlier one when the address already held a place: the new one is dropped).

    Idempotent for a registration that is no longer pending. Raises ValidationError when registration closed
    meanwhile.
    """
    with transaction.atomic():
        event = _locked(registration.event)
        registration = Registration.objects.select_related("event").get(pk=registration.pk)
        if registration.status != Status.PENDING:
            return registration
        existing = Registration.objects.active().filter(event=event, email=registration.email).first()
        if existing is not None:
            registration.delete()
            return existing
        if not event.registration_is_open():
            raise ValidationError(_("Registration for this event is closed."))
        _give_place(event, registration)
        Registration.objects.filter(event=event, email=registration.email, status=Status.PENDING).delete()
    return registration


def purge_unconfirmed(now: datetime.datetime | None = None) -> int:
    """Delete pending registrations whose confirmation link has expired; returns how many were deleted."""
    cutoff = (now or timezone.now()) - CONFIRMATION_MAX_AGE
    deleted, _by_model = Registration.objects.filter(status=Status.PENDING, created__lt=cutoff).delete()
    return deleted


def _next_position(event: Event) -> int:
    last = Registration.objects.filter(event=event, status=Status.WAITLISTED).aggregate(last=Max("position"))
    return (last["last"] or 0) + 1


def _promote_waitlisted(event: Event) -> list[Registration]:
    """Fill free places from the head of the waitlist; the caller holds the lock on `event`."""
    if event.has_ended or event.starts_at <= timezone.now():
        return []
    free = event.free_places()
    waiting = Registration.objects.filter(event=event, status=Status.WAITLISTED).order_by("position", "pk")
    promoted = list(waiting if free is None else waiting[:free])
    now = timezone.now()
    for registration in promoted:
        registration.status, registration.position, registration.confirmed_at = Status.CONFIRMED, None, now
        registration.save(update_fields=["status", "position", "confirmed_at"])
        _notify(registration, "promoted")
    return promoted


def promote_waitlisted(event: Event) -> list[Registration]:
    """Fill free places after the capacity was raised (admin); returns the promoted registrations."""
    with transaction.atomic():
        return _promote_waitlisted(_locked(event))


def cancel(token: str) -> tuple[Registration, list[Registration]]:
    """Cancel the registration holding `token` and promote the first waitlisted person into a freed place.

    Idempotent: cancelling twice changes nothing the second time. Raises Registration.DoesNotExist for an
    unknown token. Returns the registration and the list of people promoted.
    """
    with transaction.atomic():
        event_id = Registration.objects.values_list("event_id", flat=True).get(token=token)
        event = _locked(Event(pk=event_id))
        # Read again under the lock: a concurrent cancel of the same registration may have committed meanwhile.
        registration = Registration.objects.select_related("event").get(token=token)
        if registration.status == Status.CANCELLED:
            return registration, []
        was_active = registration.is_active
        registration.status, registration.position, registration.cancelled_at = Status.CANCELLED, None, timezone.now()
        registration.save(update_fields=["status", "position", "cancelled_at"])
        if was_active:
            _notify(registration, "cancelled")
        return registration, _promote_waitlisted(event)


def registration_for_token(token: str) -> Registration | None:
    return Registration.objects.select_related("event").filter(token=token).first() if token else None


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Queue reminders for confirmed registrants: one a day before the start, one an hour before; never twice.

    Each registration is claimed with a conditional UPDATE, so two runners at once cannot both send. People who
    registered less than a day before the start already have the confirmation and get only the hour reminder.
    """
    now = now or timezone.now()
    confirmed = Registration.objects.filter(status=Status.CONFIRMED, event__published=True)
    due = {
        ("reminder_day", "reminded_at"): confirmed.filter(
            reminded_at__isnull=True, event__starts_at__gt=now + HOUR_REMINDER,
            event__starts_at__lte=now + DAY_REMINDER, created__lte=F("event__starts_at") - DAY_REMINDER),
        ("reminder_hour", "reminded_hour_at"): confirmed.filter(
            reminded_hour_at__isnull=True, event__starts_at__gt=now, event__starts_at__lte=now + HOUR_REMINDER),
    }
    sent = 0
    for (notice, field), queryset in due.items():
        for pk in queryset.values_list("pk", flat=True):
            with transaction.atomic():
                claimed = Registration.objects.filter(pk=pk, **{f"{field}__isnull": True}).update(**{field: now})
                if claimed:
                    _notify(Registration(pk=pk), notice)
                    sent += 1
    return sent


def _anonymise(registrations) -> int:
    """Erase name, e-mail, organisation and country; status, actor type and dates stay for statistics."""
    erased = 0
    for pk in registrations.filter(anonymised_at__isnull=True).values_list("pk", flat=True).iterator():
        Registration.objects.filter(pk=pk).update(
            name="", email=f"erased-{pk}@invalid.invalid", organisation="", country="", token=new_token(),
            anonymised_at=timezone.now())
        erased += 1
    return erased


def anonymise_past_registrations(older_than_days: int, now: datetime.datetime | None = None) -> int:
    """Anonymise the registrations of events that ended more than `older_than_days` ago; returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=older_than_days)
    return _anonymise(Registration.objects.filter(event__ends_at__lt=cutoff))


def anonymise_registrations_of(emails: set[str]) -> int:
    """Anonymise every registration made with one of `emails` (a person's erasure request); returns how many."""
    return _anonymise(Registration.objects.filter(email__in={email.lower() for email in emails}))
