import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from actionagenda.events import services
from actionagenda.events.models import Registration
from factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def event_starting_in(delta):
    starts = timezone.now() + delta
    return EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=1))


def registered_days_ago(event, days=3, **fields):
    registration = RegistrationFactory(event=event, **fields)
    Registration.objects.filter(pk=registration.pk).update(created=timezone.now() - datetime.timedelta(days=days))
    return registration


def test_the_day_reminder_goes_once(django_capture_on_commit_callbacks):
    event = event_starting_in(datetime.timedelta(hours=20))
    registration = registered_days_ago(event)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders() == 1
        assert services.send_due_reminders() == 0
    [message] = mail.outbox
    assert message.to == [registration.email] and message.subject.startswith("Tomorrow")
    assert event.online_url in message.body
    registration.refresh_from_db()
    assert registration.reminded_at is not None


def test_the_hour_reminder_follows_the_day_reminder_once(django_capture_on_commit_callbacks):
    event = event_starting_in(datetime.timedelta(minutes=40))
    registration = registered_days_ago(event, reminded_at=timezone.now() - datetime.timedelta(hours=20))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders")
        call_command("send_event_reminders")
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Starting within the hour"]
    registration.refresh_from_db()
    assert registration.reminded_hour_at is not None


def test_no_reminder_goes_to_waitlisted_or_cancelled_people(django_capture_on_commit_callbacks):
    event = event_starting_in(datetime.timedelta(hours=20))
    registered_days_ago(event, status="waitlisted", position=1)
    registered_days_ago(event, status="cancelled")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders() == 0
    assert mail.outbox == []


def test_no_reminder_for_events_further_away():
    event = event_starting_in(datetime.timedelta(days=3))
    registered_days_ago(event, days=5)
    assert services.send_due_reminders() == 0


def test_someone_who_registered_within_the_last_day_gets_no_day_reminder():
    event = event_starting_in(datetime.timedelta(hours=20))
    RegistrationFactory(event=event)
    assert services.send_due_reminders() == 0


def test_a_past_event_gets_no_reminder():
    event = event_starting_in(-datetime.timedelta(minutes=10))
    registered_days_ago(event)
    assert services.send_due_reminders() == 0
