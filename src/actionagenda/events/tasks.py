"""Background tasks of the events app: e-mails to registrants (run in-process or by `actionagenda worker`)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from actionagenda.mail import subject_line

from . import calendars, services
from .models import Registration

# Notices that carry an invitation (.ics): a confirmed place, or the withdrawal of one.
_WITH_INVITATION = {"confirmed", "promoted", "reminder_day"}


def _subject(notice: str, title: str) -> str:
    subjects = {
        "pending": _("Please confirm your registration: %(title)s"),
        "confirmed": _("Your registration: %(title)s"),
        "waitlisted": _("You are on the waitlist: %(title)s"),
        "promoted": _("A place is free for you: %(title)s"),
        "cancelled": _("Registration cancelled: %(title)s"),
        "reminder_day": _("Tomorrow: %(title)s"),
        "reminder_hour": _("Starting within the hour: %(title)s"),
    }
    return subject_line(subjects[notice] % {"title": title})


@task()
def send_registration_notice(registration_id: int, notice: str) -> int:
    """E-mail a registrant about their registration (`notice` names the template), in their language."""
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    if registration.anonymised_at:
        return 0
    language = registration.language if registration.language in dict(settings.LANGUAGES) else "en"
    with translation.override(language):
        context = {"registration": registration, "event": registration.event, "site_url": settings.SITE_URL,
                   "show_online_link": registration.status == Registration.Status.CONFIRMED}
        if notice == "pending":
            context.update(confirmation_link=services.confirmation_link(registration),
                           confirmation_hours=services.CONFIRMATION_HOURS)
        message = EmailMessage(_subject(notice, registration.event.title),
                               render_to_string(f"events/email/{notice}.txt", context), to=[registration.email])
    if notice in _WITH_INVITATION and registration.status == Registration.Status.CONFIRMED:
        message.attach("invitation.ics", calendars.invitation(registration), "text/calendar; method=REQUEST")
    elif notice == "cancelled":
        message.attach("invitation.ics", calendars.invitation(registration, cancelled=True),
                       "text/calendar; method=CANCEL")
    return message.send()


@task()
def send_event_reminders() -> int:
    """Queue the day and hour reminders that are due (each sent once per registration); run periodically."""
    return services.send_due_reminders()


@task()
def purge_unconfirmed_registrations() -> int:
    """Delete pending registrations whose confirmation link has expired; run periodically."""
    return services.purge_unconfirmed()
