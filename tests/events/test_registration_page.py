import pytest

from actionagenda.events import services
from actionagenda.events.models import Registration
from factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_the_token_link_shows_the_registration_and_a_cancel_button(client):
    registration = RegistrationFactory(name="Amina Otieno")
    response = client.get(registration.get_cancel_url())
    html = response.content.decode()
    assert "Amina Otieno, your place is confirmed." in html
    assert registration.event.online_url in html
    assert "Cancel my registration</button>" in html
    assert response["Referrer-Policy"] == "same-origin"
    assert Registration.objects.get().status == "confirmed"


def test_posting_cancels_and_promotes_the_waitlist(client):
    event = EventFactory(capacity=1)
    first, second = (services.register(event, services.RegistrationData(n, f"{n}@example.org", "individual", True),
                                       email_verified=True) for n in "ab")
    response = client.post(first.get_cancel_url(), follow=True)
    assert "Your registration is cancelled." in response.content.decode()
    assert "This registration is cancelled." in response.content.decode()
    second.refresh_from_db()
    assert second.status == "confirmed"


def test_cancelling_requires_the_csrf_token():
    from django.test import Client

    registration = RegistrationFactory()
    response = Client(enforce_csrf_checks=True).post(registration.get_cancel_url())
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_an_unknown_token_is_not_found(client):
    RegistrationFactory()
    assert client.get("/en/events/registration/guessed-token/").status_code == 404
    assert client.post("/en/events/registration/guessed-token/").status_code == 404


def test_the_token_link_identifies_the_browser_on_the_event_page(client):
    registration = RegistrationFactory()
    client.get(registration.get_cancel_url())
    assert registration.event.online_url in client.get(registration.event.get_absolute_url()).content.decode()
