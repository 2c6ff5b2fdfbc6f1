"""An event page always says where registration stands and why, never a silent absence of the form."""

import datetime

import pytest
from django.utils import formats, timezone

from actionagenda.events.models import Event
from factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def page(client, event) -> str:
    return client.get(event.get_absolute_url()).content.decode()


def test_an_open_event_shows_the_form_without_a_notice(client):
    html = page(client, EventFactory())
    assert 'name="email"' in html
    assert 'class="status registration-' not in html


def test_an_event_without_registration_says_it_is_open_to_all(client):
    html = page(client, EventFactory(accepts_registrations=False))
    assert "No registration is needed: this event is open to all." in html
    assert 'name="email"' not in html


def test_an_event_by_invitation_says_so(client):
    html = page(client, EventFactory(accepts_registrations=False, access_without_registration=Event.Access.INVITATION))
    assert "Participation is by invitation" in html
    assert "open to all" not in html
    assert 'name="email"' not in html


def test_registration_not_open_yet_says_when_it_opens(client):
    opens = (timezone.now() + datetime.timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    event = EventFactory(registration_opens=opens, starts_at=opens + datetime.timedelta(days=3),
                         ends_at=opens + datetime.timedelta(days=3, hours=1))
    html = page(client, event)
    assert f"Registration opens on {formats.date_format(opens, 'DATETIME_FORMAT')} UTC." in html
    assert 'name="email"' not in html


def test_registration_closed_before_the_start_says_when_it_closed(client):
    closed = (timezone.now() - datetime.timedelta(days=1)).replace(hour=17, minute=0, second=0, microsecond=0)
    html = page(client, EventFactory(registration_closes=closed))
    assert f"Registration closed on {formats.date_format(closed, 'DATETIME_FORMAT')} UTC." in html
    assert 'name="email"' not in html


def test_an_event_under_way_says_registration_closed_when_it_started(client):
    now = timezone.now()
    html = page(client, EventFactory(starts_at=now - datetime.timedelta(minutes=10),
                                     ends_at=now + datetime.timedelta(minutes=50)))
    assert "Registration closed when the event started." in html


def test_an_ended_event_says_it_has_ended(client):
    now = timezone.now()
    html = page(client, EventFactory(starts_at=now - datetime.timedelta(hours=3),
                                     ends_at=now - datetime.timedelta(hours=2)))
    assert "This event has ended." in html
    assert 'name="email"' not in html


def test_a_full_event_offers_the_waitlist_with_the_form(client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    html = page(client, event)
    assert "This event is full: register to join the waitlist." in html
    assert 'name="email"' in html


def test_the_state_is_told_in_french(client):
    event = EventFactory(accepts_registrations=False)
    html = client.get(f"/fr/events/{event.slug}/").content.decode()
    assert "Aucune inscription requise" in html
