"""Background tasks of the events app: e-mails to registrants (run in-process or by `actionagenda worker`)."""

from django.conf import settings
from django_tasks import task

from actionagenda.mail import send_templated

from . import calendars, services
from .models import Registration

# Notices that carry an invitation (.ics): a confirmed place, or the withdrawal of one.
_WITH_INVITATION = {"confirmed", "promoted", "reminder_day"}


def _invitation(registration: Registration, notice: str) -> tuple[tuple[str, bytes, str], ...]:
    if notice in _WITH_INVITATION and registration.status == Registration.Status.CONFIRMED:
        return (("invitation.ics", calendars.invitation(registration), "text/calendar; method=REQUEST"),)
    if notice == "cancelled":
        return (("invitation.ics", calendars.invitation(registration, cancelled=True),
                 "text/calendar; method=CANCEL"),)
    return ()


@task()
def send_registration_notice(registration_id: int, notice: str) -> int:
    """E-mail a registrant about their registration (`notice` names the template pair), in their language."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    # Gone: a pending registration merged into the address's earlier one, or erased after its link expired.
    if registration is None or registration.anonymised_at:
        return 0
    context = {"registration": registration, "event": registration.event,
               "show_online_link": registration.status == Registration.Status.CONFIRMED}
    if notice == "pending":
        context.update(confirmation_link=services.confirmation_link(registration),
                       confirmation_hours=services.CONFIRMATION_HOURS)
    return send_templated(f"events/email/{notice}", context, [registration.email], registration.language,
                          attachments=_invitation(registration, notice))


@task()
def send_event_reminders() -> int:
    """Queue the day and hour reminders that are due (each sent once per registration); run periodically."""
    return services.send_due_reminders()


@task()
def purge_unconfirmed_registrations() -> int:
    """Delete pending registrations whose confirmation link has expired; run periodically."""
    return services.purge_unconfirmed()


@task()
def anonymise_past_registrations() -> int:
    """Erase registrants' personal data once the retention period after their event has passed (the consent
    text promises it); run periodically."""
    return services.anonymise_past_registrations(settings.ACTIONAGENDA_REGISTRATION_RETENTION_DAYS)
