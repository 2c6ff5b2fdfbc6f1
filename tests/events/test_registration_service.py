import dataclasses
import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from actionagenda.events import services
from actionagenda.events.models import Registration
from factories import EventFactory

pytestmark = pytest.mark.django_db

PERSON = services.RegistrationData(name="Amina Otieno", email="Amina@Example.org", actor_type="organization",
                                   consent=True, organisation="Kenya Biosafety Network", country="KE")


def person(n: int) -> services.RegistrationData:
    return dataclasses.replace(PERSON, name=f"Person {n}", email=f"person{n}@example.org")


def test_it_confirms_while_places_remain():
    event = EventFactory(capacity=2)
    registration = services.register(event, PERSON, email_verified=True)
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.email == "amina@example.org"
    assert registration.confirmed_at is not None


def test_it_waitlists_in_order_when_full():
    event = EventFactory(capacity=1)
    services.register(event, person(1), email_verified=True)
    second = services.register(event, person(2), email_verified=True)
    third = services.register(event, person(3), email_verified=True)
    assert (second.status, second.position) == (Registration.Status.WAITLISTED, 1)
    assert (third.status, third.position) == (Registration.Status.WAITLISTED, 2)
    assert event.registrations.filter(status="confirmed").count() == 1


def test_unlimited_capacity_confirms_everyone():
    event = EventFactory(capacity=None)
    statuses = {services.register(event, person(n), email_verified=True).status for n in range(5)}
    assert statuses == {Registration.Status.CONFIRMED}


def test_it_refuses_a_second_registration_with_the_same_email():
    event = EventFactory()
    services.register(event, PERSON, email_verified=True)
    with pytest.raises(ValidationError) as error:
        services.register(event, dataclasses.replace(PERSON, email="amina@example.org "), email_verified=True)
    assert "email" in error.value.error_dict
    assert event.registrations.count() == 1


def test_it_accepts_a_new_registration_after_cancelling():
    event = EventFactory()
    first = services.register(event, PERSON, email_verified=True)
    services.cancel(first.token)
    again = services.register(event, PERSON, email_verified=True)
    assert again.status == Registration.Status.CONFIRMED
    assert again.token != first.token


def test_it_requires_consent():
    event = EventFactory()
    with pytest.raises(ValidationError) as error:
        services.register(event, dataclasses.replace(PERSON, consent=False), email_verified=True)
    assert "consent" in error.value.error_dict
    assert not event.registrations.exists()


@pytest.mark.parametrize("fields", [
    {"registration_closes": timezone.now() - datetime.timedelta(minutes=1)},
    {"registration_opens": timezone.now() + datetime.timedelta(days=1)},
    {"accepts_registrations": False},
    {"starts_at": timezone.now() - datetime.timedelta(minutes=5)},
])
def test_it_refuses_registration_outside_the_window(fields):
    event = EventFactory(**fields)
    with pytest.raises(ValidationError):
        services.register(event, PERSON, email_verified=True)
    assert not event.registrations.exists()


def test_confirmation_email_carries_an_invitation_and_the_online_link(django_capture_on_commit_callbacks):
    event = EventFactory(title="Risk assessment webinar")
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register(event, PERSON, email_verified=True)
    [message] = mail.outbox
    assert message.to == ["amina@example.org"]
    assert "Risk assessment webinar" in message.subject
    assert event.online_url in message.body
    assert registration.get_cancel_url() in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == "invitation.ics" and mimetype.startswith("text/calendar")
    assert "METHOD:REQUEST" in content


def test_waitlist_email_has_no_online_link_and_no_invitation(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    services.register(event, person(1), email_verified=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.register(event, PERSON, email_verified=True)
    [message] = mail.outbox
    assert "waitlist" in message.subject
    assert event.online_url not in message.body
    assert message.attachments == []


def test_no_email_is_sent_when_registration_fails(django_capture_on_commit_callbacks):
    event = EventFactory(accepts_registrations=False)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.register(event, PERSON, email_verified=True)
    assert mail.outbox == []


def test_create_event_keeps_its_signature_and_accepts_extra_fields():
    starts = datetime.datetime(2027, 3, 2, 13, tzinfo=datetime.UTC)
    event = services.create_event(title="Regional meeting for Africa", starts_at=starts,
                                  ends_at=starts + datetime.timedelta(hours=3), timezone="Africa/Addis_Ababa",
                                  kind="meeting", description="Agenda", location="Addis Ababa", capacity=40)
    assert event.slug == "regional-meeting-for-africa-2027-03-02"
    assert (event.location, event.capacity, event.kind) == ("Addis Ababa", 40, "meeting")
    with pytest.raises(ValueError):
        services.create_event(title="Naive", starts_at=datetime.datetime(2027, 3, 2, 13),
                              ends_at=datetime.datetime(2027, 3, 2, 14))


def test_a_notice_for_a_registration_erased_meanwhile_is_dropped(django_capture_on_commit_callbacks):
    """A pending registration can be merged or purged before the worker sends its notice."""
    from actionagenda.events.tasks import send_registration_notice

    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=False):
        pending = services.register(event, PERSON)
    Registration.objects.filter(pk=pending.pk).delete()
    assert send_registration_notice.call(pending.pk, "pending") == 0
    assert mail.outbox == []


def test_the_invitation_is_attached_through_the_shared_mail_path(django_capture_on_commit_callbacks):
    event = EventFactory(title="Biosafety & you")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(event, dataclasses.replace(PERSON, language="fr"), email_verified=True)
    [message] = mail.outbox
    assert message.subject == "Votre inscription\u00a0: Biosafety & you"
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("invitation.ics", "text/calendar; method=REQUEST")
    assert "METHOD:REQUEST" in content
