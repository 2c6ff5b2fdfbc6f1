import datetime
import secrets
import zoneinfo
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from actionagenda.concurrency import Versioned
from actionagenda.uploads import EVENT_DOCUMENTS, MAX_EVENT_DOCUMENT, UploadCheck
from actionagenda.validators import multi_line, one_line
from actionagenda.vocabularies import languages
from actionagenda.vocabularies.catalogue import ACTOR_TYPES, LANGUAGES

# What an event page in another language says of the language the event is held in.
HELD_IN = {"en": _("This event is held in English."), "fr": _("This event is held in French."),
           "es": _("This event is held in Spanish.")}
HELD_IN_OTHER = _("This event is held in this language: %(language)s.")


def validate_timezone(name: str) -> None:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(_("“%(name)s” is not a known time zone."), params={"name": name}) from error


@dataclass(frozen=True)
class RegistrationState:
    """Whether a visitor can register now, and the sentence that says why (or why not)."""

    code: str
    message: str = ""

    @property
    def is_open(self) -> bool:
        return self.code in ("open", "waitlist")


def duration_text(starts_at: datetime.datetime, ends_at: datetime.datetime, zone: str) -> str:
    """How long an event lasts, as people say it: hours and minutes under a day, else the calendar days it
    covers in the organiser's time zone (a meeting from 10:00 on 31 December to 18:00 on 2 January lasts
    3 days, not "2 days, 8 hours"). Elapsed time is counted on aware datetimes, so a DST change is honoured."""
    elapsed = ends_at - starts_at
    if elapsed < datetime.timedelta(days=1):
        minutes = round(elapsed.total_seconds() / 60)
        hours, minutes = divmod(minutes, 60)
        parts = []
        if hours:
            parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
        if minutes or not hours:
            parts.append(ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes})
        return " ".join(parts)
    tz = zoneinfo.ZoneInfo(zone)
    # An end at midnight belongs to the day before: a week from Monday 00:00 to Sunday 24:00 is 7 days.
    last = (ends_at.astimezone(tz) - datetime.timedelta(microseconds=1)).date()
    days = (last - starts_at.astimezone(tz).date()).days + 1
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


class Event(Versioned):
    """A webinar or key event (regional meeting, biosafety week); times are stored in UTC."""

    class Kind(models.TextChoices):
        WEBINAR = "webinar", _("Webinar")
        MEETING = "meeting", _("Regional meeting")
        BIOSAFETY_WEEK = "biosafety_week", _("Biosafety week")
        OTHER = "other", _("Other event")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WEBINAR)
    title = models.CharField(_("title"), max_length=250, validators=[one_line])
    slug = models.SlugField(_("slug"), max_length=80, unique=True, validators=[one_line])
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown is allowed."),
                                   validators=[multi_line])
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES.choices, default="en",
                                help_text=_("The language the event is held in, and its title and description "
                                            "written in; its pages in the other languages say so."))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    timezone = models.CharField(_("organiser's time zone"), max_length=64, default="UTC",
                                validators=[one_line, validate_timezone],
                                help_text=_("IANA name, for example America/Montreal."))
    location = models.CharField(_("location"), max_length=250, blank=True,
                                help_text=_("City and venue of an in-person meeting; leave empty for online events."),
                                validators=[one_line])
    online_url = models.URLField(_("online link"), blank=True,
                                 help_text=_("Shown only to confirmed registrants and in their e-mails."),
                                 validators=[one_line])
    recording_url = models.URLField(_("recording link"), blank=True,
                                    help_text=_("Shown on the event page once the event has ended."),
                                    validators=[one_line])
    class Access(models.TextChoices):
        OPEN = "open", _("Open to all, no registration needed")
        INVITATION = "invitation", _("By invitation")

    accepts_registrations = models.BooleanField(_("accepts registrations"), default=True)
    access_without_registration = models.CharField(
        _("without registration"), max_length=12, choices=Access.choices, default=Access.OPEN,
        help_text=_("What the event page says when the event does not accept registrations."))
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True,
                                           help_text=_("Places for confirmed registrants; empty means unlimited."))
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True,
                                               help_text=_("Empty means at the start of the event."))
    published = models.BooleanField(_("published"), default=True)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    def language_notice(self) -> str:
        """The sentence that tells a reader of a page in another language which language the event is in."""
        return languages.notice(self.language, HELD_IN, HELD_IN_OTHER)

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()

    def confirmed_count(self) -> int:
        """Confirmed registrations: the `confirmed` annotation when the query made one, else counted now."""
        annotated = getattr(self, "confirmed", None)
        return self.registrations.filter(status="confirmed").count() if annotated is None else annotated

    def free_places(self) -> int | None:
        """Places left for confirmed registrants; None when the capacity is unlimited."""
        return None if self.capacity is None else max(self.capacity - self.confirmed_count(), 0)

    @property
    def is_full(self) -> bool:
        """New registrants join the waitlist."""
        return self.free_places() == 0

    def registration_is_open(self, now=None) -> bool:
        """Registration runs from `registration_opens` (or creation) until `registration_closes` or the start."""
        return self.registration_state(now).is_open

    def registration_state(self, now=None) -> RegistrationState:
        """Where registration stands, with the reason a visitor is told: not needed, by invitation, not open
        yet (and when it opens), open, full (new registrants join the waitlist), closed, or the event ended."""
        now = now or timezone.now()
        closes = self.registration_closes or self.starts_at
        if not self.accepts_registrations:
            if self.access_without_registration == self.Access.INVITATION:
                return RegistrationState("invitation", _(
                    "Participation is by invitation: the secretariat invites the participants, so there is no "
                    "registration on this site."))
            return RegistrationState("not_needed", _(
                "No registration is needed: this event is open to all."))
        if self.ends_at <= now:
            return RegistrationState("ended", _("This event has ended."))
        if not self.published:
            return RegistrationState("closed", _("Registration is closed."))
        if self.registration_opens is not None and now < self.registration_opens:
            return RegistrationState("not_open_yet", _("Registration opens on %(date)s UTC.") % {
                "date": formats.date_format(self.registration_opens.astimezone(datetime.UTC), "DATETIME_FORMAT")})
        if now >= closes:
            if self.registration_closes is not None and now < self.starts_at:
                return RegistrationState("closed", _("Registration closed on %(date)s UTC.") % {
                    "date": formats.date_format(closes.astimezone(datetime.UTC), "DATETIME_FORMAT")})
            return RegistrationState("closed", _("Registration closed when the event started."))
        if self.is_full:
            return RegistrationState("waitlist", _(
                "This event is full: register to join the waitlist. When someone cancels, the first person on "
                "the waitlist gets the place automatically."))
        return RegistrationState("open")

    @property
    def duration(self) -> str:
        return duration_text(self.starts_at, self.ends_at, self.timezone)

    @property
    def is_multi_day(self) -> bool:
        return self.ends_at - self.starts_at >= datetime.timedelta(days=1)

    @property
    def online_link_to_come(self) -> bool:
        """An online event (no venue) whose link is not set yet: registrants are told it will come by e-mail."""
        return not self.location and not self.online_url


class Speaker(Versioned):
    """A speaker or panellist of an event, shown in `order`."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200, validators=[one_line])
    affiliation = models.CharField(_("role and affiliation"), max_length=250, blank=True, validators=[one_line])
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class EventDocument(Versioned):
    """A document attached to an event (concept note, programme): an uploaded file or a link."""

    class Kind(models.TextChoices):
        CONCEPT_NOTE = "concept_note", _("Concept note")
        PROGRAMME = "programme", _("Programme")
        OTHER = "other", _("Other document")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=250, validators=[one_line])
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(_("file"), upload_to="events/documents/%Y/", blank=True,
                            validators=[UploadCheck(EVENT_DOCUMENTS, MAX_EVENT_DOCUMENT)],
                            help_text=_("PDF, Word, PowerPoint, Excel or OpenDocument text, up to 20 MB."))
    url = models.URLField(_("link"), blank=True, validators=[one_line])
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if bool(self.file) == bool(self.url):
            raise ValidationError(_("Give either a file or a link, not both."))

    @property
    def href(self) -> str:
        # Uploaded files go through our view, which serves them in every configuration (MEDIA_URL is served
        # only with DEBUG on).
        if self.file:
            return reverse("events:document", kwargs={"slug": self.event.slug, "pk": self.pk})
        return self.url


def new_token() -> str:
    return secrets.token_urlsafe(32)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        """Registrations that hold a place or a waitlist position (not pending, not cancelled)."""
        return self.filter(status__in=Registration.ACTIVE)


class Registration(models.Model):
    """One person's registration for an event: pending (the address is not confirmed yet), confirmed,
    waitlisted (in `position` order) or cancelled.

    The `token` is the registrant's secret: 256 random bits, sent only to their e-mail address, used in the
    cancel link. A pending registration holds no place and reveals nothing; it becomes confirmed or waitlisted
    when the link e-mailed to the address is followed. Registrations are changed only through `events.services`.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting e-mail confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=200, validators=[one_line])
    email = models.EmailField(_("e-mail"), validators=[one_line])
    organisation = models.CharField(_("organisation"), max_length=250, blank=True, validators=[one_line])
    country = CountryField(_("country"), blank=True)
    actor_type = models.CharField(_("actor type"), max_length=32, choices=ACTOR_TYPES.choices)
    consent = models.BooleanField(_("consent"), default=False)
    language = models.CharField(_("language"), max_length=8, default="en", validators=[one_line])
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    position = models.PositiveIntegerField(_("waitlist position"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("day reminder sent"), null=True, blank=True)
    reminded_hour_at = models.DateTimeField(_("hour reminder sent"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    ACTIVE = (Status.CONFIRMED, Status.WAITLISTED)
    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], condition=Q(status__in=["confirmed", "waitlisted"]),
                                    name="events_one_active_registration_per_email"),
        ]
        indexes = [models.Index(fields=["event", "status", "position"], name="events_reg_status_idx")]

    def __str__(self):
        return f"{self.name} <{self.email}> ({self.get_status_display()})"

    @property
    def waitlist_place(self) -> int | None:
        """1 for the next person to be promoted; positions themselves keep gaps left by people who cancelled."""
        if self.status != self.Status.WAITLISTED:
            return None
        ahead = Registration.objects.filter(event_id=self.event_id, status=self.Status.WAITLISTED,
                                            position__lt=self.position)
        return ahead.count() + 1

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    def get_cancel_url(self):
        return reverse("events:cancel", kwargs={"token": self.token})
