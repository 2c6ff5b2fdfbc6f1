import datetime

import pytest
from django.core import mail
from django.utils import timezone

from actionagenda import periodic
from actionagenda.events.services import RegistrationData, create_event, register

pytestmark = pytest.mark.django_db


def test_each_job_is_enqueued_once_per_window():
    now = 1_800_000_000.0
    assert periodic.run_due(now) == [job.task for job in periodic.JOBS]
    assert periodic.run_due(now + 1) == []
    assert periodic.run_due(now + 301) == ["actionagenda.events.tasks.send_event_reminders",
                                           "actionagenda.interop.tasks.refresh_open_data",
                                           "actionagenda.outreach.tasks.resume_newsletters"]  # the five-minute jobs


def test_a_due_reminder_reaches_the_registrant_through_the_scheduler(django_capture_on_commit_callbacks):
    soon = timezone.now() + datetime.timedelta(hours=20)
    event = create_event(title="Launch webinar", starts_at=soon, ends_at=soon + datetime.timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, RegistrationData(name="Kofi", email="kofi@example.org",
                                                        actor_type="individual", consent=True), email_verified=True)
    # Registered days ago, so the day-before reminder is due now.
    type(registration).objects.filter(pk=registration.pk).update(created=soon - datetime.timedelta(days=3))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        periodic.run_due()
    assert [message.to for message in mail.outbox] == [["kofi@example.org"]]
    assert "Launch webinar" in mail.outbox[0].subject


def test_the_scheduler_erases_registrations_whose_confirmation_link_expired():
    soon = timezone.now() + datetime.timedelta(days=20)
    event = create_event(title="Launch webinar", starts_at=soon, ends_at=soon + datetime.timedelta(hours=2))
    pending = register(event, RegistrationData(name="Kofi", email="kofi@example.org", actor_type="individual",
                                               consent=True))
    type(pending).objects.filter(pk=pending.pk).update(created=timezone.now() - datetime.timedelta(days=3))
    periodic.run_due()
    assert not type(pending).objects.exists()
