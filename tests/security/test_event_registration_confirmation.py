"""Issue 14.13: a registration with an address the visitor has not proven stays pending, holds no place and shows
nothing until the link e-mailed to that address is followed; the address's owner can always register."""

import datetime
import re
import time

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.utils import timezone

from actionagenda.events import services
from actionagenda.events.models import Registration
from factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

OWNER = "amina@example.org"
FORM = {"name": "Amina Otieno", "email": OWNER, "organisation": "Kenya Biosafety Network", "country": "KE",
        "actor_type": "organization", "consent": "on"}


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    """Post the registration form from `browser` and run the e-mail tasks; returns the page shown after."""
    def post(browser, event, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return browser.post(event.get_absolute_url(), {**FORM, **fields}, follow=True)
    return post


def link_sent_to(address: str) -> str:
    [message] = [m for m in mail.outbox if m.to == [address] and "Please confirm" in m.subject]
    return re.search(r"/en/events/confirm/\S+/", message.body).group(0)


def follow(browser, link: str, django_capture_on_commit_callbacks):
    """What the address's owner does: open the e-mailed link and press its button."""
    page = browser.get(link)
    assert "Confirm my registration</button>" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        return browser.post(link, follow=True)


def test_the_online_link_is_shown_only_after_the_emailed_link_is_followed(client, submit,
                                                                          django_capture_on_commit_callbacks):
    event = EventFactory(capacity=10)
    page = submit(client, event).content.decode()
    assert f"Almost done: we have sent a link to {OWNER}." in page
    assert event.online_url not in page
    assert event.online_url not in client.get(event.get_absolute_url()).content.decode()
    assert Registration.objects.get().status == "pending"
    [pending] = mail.outbox
    assert event.online_url not in pending.body and not pending.attachments

    page = follow(client, link_sent_to(OWNER), django_capture_on_commit_callbacks).content.decode()
    assert "You are registered." in page
    assert f'href="{event.online_url}"' in page
    assert Registration.objects.get().status == "confirmed"
    confirmation = mail.outbox[-1]
    assert confirmation.to == [OWNER] and event.online_url in confirmation.body


def test_opening_the_link_without_pressing_the_button_confirms_nothing(client, submit):
    """Mail scanners open links: a GET shows the button and changes nothing."""
    event = EventFactory()
    submit(client, event)
    page = Client().get(link_sent_to(OWNER)).content.decode()
    assert event.online_url not in page
    assert Registration.objects.get().status == "pending"


def test_someone_elses_submission_does_not_block_the_owner(client, submit, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    submit(client, event, name="Not Amina")
    owner = Client()
    page = submit(owner, event).content.decode()
    assert f"Almost done: we have sent a link to {OWNER}." in page
    owners_link = [re.search(r"/en/events/confirm/\S+/", m.body).group(0) for m in mail.outbox][-1]
    page = follow(owner, owners_link, django_capture_on_commit_callbacks).content.decode()
    assert f'href="{event.online_url}"' in page
    # The place is the owner's, with the owner's details; the other submission is gone.
    assert list(Registration.objects.values_list("name", "status")) == [("Amina Otieno", "confirmed")]
    assert event.online_url not in client.get(event.get_absolute_url()).content.decode()


def test_the_answer_does_not_reveal_that_the_address_is_registered(client, submit,
                                                                   django_capture_on_commit_callbacks):
    event = EventFactory()
    existing = RegistrationFactory(event=event, email=OWNER, name="Amina Otieno")
    response = submit(client, event, name="Someone else")
    page = response.content.decode()
    assert f"Almost done: we have sent a link to {OWNER}." in page
    assert "already registered" not in page and event.online_url not in page
    # Only the owner, from their mailbox, reaches their existing registration; no second one is made.
    page = follow(Client(), link_sent_to(OWNER), django_capture_on_commit_callbacks).content.decode()
    assert f'href="{event.online_url}"' in page
    assert list(Registration.objects.values_list("pk", "status")) == [(existing.pk, "confirmed")]


def test_a_pending_registration_holds_no_place(client, submit, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    submit(client, event, email="unconfirmed@example.org")
    page = submit(Client(), event, email="prompt@example.org").content.decode()
    assert "This event is full" not in page
    follow(Client(), link_sent_to("prompt@example.org"), django_capture_on_commit_callbacks)
    follow(Client(), link_sent_to("unconfirmed@example.org"), django_capture_on_commit_callbacks)
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {"prompt@example.org": "confirmed", "unconfirmed@example.org": "waitlisted"}


def test_a_signed_in_user_with_the_verified_address_is_confirmed_at_once(client, submit):
    event = EventFactory()
    client.force_login(UserFactory(email=OWNER))
    page = submit(client, event).content.decode()
    assert "You are registered." in page and f'href="{event.online_url}"' in page
    assert Registration.objects.get().status == "confirmed"


def test_a_signed_in_user_with_an_unverified_or_another_address_must_confirm(client, submit):
    event = EventFactory()
    user = UserFactory(email="someone@example.org")
    EmailAddress.objects.create(user=user, email=OWNER, verified=False)
    client.force_login(user)
    page = submit(client, event).content.decode()
    assert event.online_url not in page
    assert Registration.objects.get().status == "pending"


def test_a_forged_link_confirms_nothing(client, submit):
    event = EventFactory()
    submit(client, event)
    forged = link_sent_to(OWNER)[:-3] + "xx/"
    assert client.post(forged).status_code == 404
    assert Registration.objects.get().status == "pending"


def test_an_expired_link_confirms_nothing(client, submit, monkeypatch):
    event = EventFactory()
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now - services.CONFIRMATION_MAX_AGE.total_seconds() - 60)
    submit(client, event)
    monkeypatch.setattr(time, "time", lambda: now)
    response = client.post(link_sent_to(OWNER))
    assert response.status_code == 404
    assert "not valid or has expired" in response.content.decode()
    assert Registration.objects.get().status == "pending"


def test_a_link_followed_after_registration_closed_gives_no_place(client, submit):
    event = EventFactory()
    submit(client, event)
    event.registration_closes = timezone.now() - datetime.timedelta(minutes=1)
    event.save()
    response = client.post(link_sent_to(OWNER))
    assert response.status_code == 400
    assert "Registration for this event is closed." in response.content.decode()
    assert Registration.objects.get().status == "pending"


def test_unconfirmed_registrations_are_erased_when_their_link_expires():
    event = EventFactory()
    pending = services.register(event, services.RegistrationData("A", "a@example.org", "individual", True))
    kept = services.register(event, services.RegistrationData("B", "b@example.org", "individual", True))
    Registration.objects.filter(pk=pending.pk).update(
        created=timezone.now() - services.CONFIRMATION_MAX_AGE - datetime.timedelta(minutes=1))
    assert services.purge_unconfirmed() == 1
    assert list(Registration.objects.values_list("pk", flat=True)) == [kept.pk]
