import datetime

import pytest
from django.core import mail
from django.utils import timezone

from actionagenda.events.models import EventDocument, Registration, Speaker
from factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

FORM = {"name": "Amina Otieno", "email": "amina@example.org", "organisation": "Kenya Biosafety Network",
        "country": "KE", "actor_type": "organization", "consent": "on"}


def test_it_shows_time_speakers_and_documents(client):
    event = EventFactory(title="Risk assessment webinar", timezone="Africa/Nairobi",
                         starts_at=datetime.datetime(2030, 5, 6, 11, tzinfo=datetime.UTC),
                         ends_at=datetime.datetime(2030, 5, 6, 12, 30, tzinfo=datetime.UTC))
    Speaker.objects.create(event=event, name="Dr Wanjiru Kamau", affiliation="Chair, National Biosafety Authority")
    EventDocument.objects.create(event=event, title="Concept note", kind="concept_note",
                                 url="https://example.org/concept-note.pdf")
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<time datetime="2030-05-06T11:00:00Z" data-localtime>' in html
    assert "Organiser's time: 6 May 2030 at 14:00 (Africa/Nairobi)" in html
    assert "Dr Wanjiru Kamau</strong>, Chair, National Biosafety Authority" in html
    assert 'href="https://example.org/concept-note.pdf">Concept note</a>' in html
    assert "events/localtime.js" in html


def test_it_hides_the_online_link_from_visitors_who_have_not_registered(client):
    event = EventFactory()
    RegistrationFactory(event=event)
    response = client.get(event.get_absolute_url())
    assert event.online_url not in response.content.decode()
    assert 'name="email"' in response.content.decode()


def signed_in(client, email="amina@example.org"):
    """A signed-in visitor whose verified address is `email`: their registration needs no confirmation link."""
    client.force_login(UserFactory(email=email))
    return client


def test_registering_with_a_verified_address_shows_the_confirmation_and_the_online_link(
        client, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=10)
    signed_in(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.get_absolute_url(), FORM, follow=True)
    html = response.content.decode()
    assert "You are registered" in html
    assert f'href="{event.online_url}"' in html
    stored = Registration.objects.get(event=event)
    assert (stored.name, stored.country.code, stored.status, stored.language) == (
        "Amina Otieno", "KE", "confirmed", "en")
    assert mail.outbox[0].to == ["amina@example.org"]


def test_another_browser_does_not_see_the_online_link(client, django_capture_on_commit_callbacks):
    event = EventFactory()
    signed_in(client).post(event.get_absolute_url(), FORM)
    client.logout()
    client.cookies.clear()
    assert event.online_url not in client.get(event.get_absolute_url()).content.decode()


def test_a_forged_cookie_does_not_reveal_the_online_link(client):
    event = EventFactory()
    registration = RegistrationFactory(event=event)
    client.cookies[f"aa_event_{event.pk}"] = registration.token
    assert event.online_url not in client.get(event.get_absolute_url()).content.decode()


def test_a_waitlisted_registrant_does_not_see_the_online_link(client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    response = signed_in(client).post(event.get_absolute_url(), FORM, follow=True)
    html = response.content.decode()
    assert "you are on the waitlist (position 1)" in html
    assert event.online_url not in html


def test_a_signed_in_registrant_sees_the_online_link(client):
    user = UserFactory(email="wanjiru@example.org")
    event = EventFactory()
    RegistrationFactory(event=event, email="wanjiru@example.org", name="Wanjiru")
    client.force_login(user)
    assert f'href="{event.online_url}"' in client.get(event.get_absolute_url()).content.decode()


def test_a_signed_in_user_without_registration_does_not_see_the_online_link(client):
    client.force_login(UserFactory(email="other@example.org"))
    event = EventFactory()
    RegistrationFactory(event=event, email="wanjiru@example.org")
    assert event.online_url not in client.get(event.get_absolute_url()).content.decode()


def test_a_full_event_offers_the_waitlist(client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "This event is full" in html
    assert "Join the waitlist" in html


def test_missing_consent_is_reported_on_the_field_and_keeps_the_input(client):
    event = EventFactory()
    response = client.post(event.get_absolute_url(), {**FORM, "consent": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Please agree to the use of your data for this event." in html
    assert 'value="Amina Otieno"' in html
    assert not Registration.objects.exists()


def test_a_duplicate_verified_email_is_reported_on_the_email_field(client):
    event = EventFactory()
    RegistrationFactory(event=event, email="amina@example.org")
    response = signed_in(client).post(event.get_absolute_url(), FORM)
    assert "already registered for this event" in response.content.decode()
    assert event.registrations.count() == 1


def test_registration_is_rate_limited_per_ip(client, settings):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "event_register": "2/600"}
    event = EventFactory()
    for n in range(2):
        client.post(event.get_absolute_url(), {**FORM, "email": f"p{n}@example.org"})
    response = client.post(event.get_absolute_url(), {**FORM, "email": "p9@example.org"})
    assert response.status_code == 429
    assert "Too many registrations" in response.content.decode()
    assert event.registrations.count() == 2
    other = client.post(event.get_absolute_url(), {**FORM, "email": "p8@example.org"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_the_recording_appears_only_after_the_event(client):
    upcoming = EventFactory(recording_url="https://video.example.org/rec1")
    assert "Watch the recording" not in client.get(upcoming.get_absolute_url()).content.decode()
    past = EventFactory(recording_url="https://video.example.org/rec2",
                        starts_at=timezone.now() - datetime.timedelta(days=3),
                        ends_at=timezone.now() - datetime.timedelta(days=3, hours=-1))
    html = client.get(past.get_absolute_url()).content.decode()
    assert 'href="https://video.example.org/rec2">Watch the recording' in html
    assert "This event has ended." in html


def test_an_unpublished_event_is_not_found(client):
    event = EventFactory(published=False)
    assert client.get(event.get_absolute_url()).status_code == 404


def test_the_page_makes_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    event = EventFactory()
    for n in range(5):
        Speaker.objects.create(event=event, name=f"Speaker {n}", order=n)
        EventDocument.objects.create(event=event, title=f"Document {n}", url=f"https://example.org/{n}.pdf")
    with django_assert_max_num_queries(6):
        html = client.get(event.get_absolute_url()).content.decode()
    assert "Speaker 4" in html and "Document 4" in html


def test_the_waitlist_place_counts_only_people_still_waiting(client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="cancelled", position=None)
    RegistrationFactory(event=event, status="waitlisted", position=2)
    late = signed_in(client, "late@example.org")
    response = late.post(event.get_absolute_url(), {**FORM, "email": "late@example.org"}, follow=True)
    assert "you are on the waitlist (position 2)" in response.content.decode()
    assert Registration.objects.get(email="late@example.org").position == 3


def test_a_registrant_can_register_another_person_from_the_same_browser(client, django_capture_on_commit_callbacks):
    event = EventFactory()
    signed_in(client).post(event.get_absolute_url(), FORM)
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'name="email"' not in page and "Register another person" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(event.get_absolute_url() + "?another=1", {**FORM, "email": "colleague@example.org",
                                                               "name": "Colleague"})
    # The colleague's address is not the signed-in person's: the colleague confirms it from their mailbox.
    assert event.registrations.get(email="colleague@example.org").status == "pending"
    assert mail.outbox[-1].to == ["colleague@example.org"]
    assert 'name="email"' in client.get(event.get_absolute_url() + "?another=1").content.decode()


def test_an_online_event_without_its_link_yet_tells_the_registrant_when_it_will_come(
        client, django_capture_on_commit_callbacks):
    """The consent promises joining details: until the secretariat sets the link, page and e-mail say where it
    will come instead of saying nothing."""
    event = EventFactory(capacity=10, online_url="", location="")
    signed_in(client)
    with django_capture_on_commit_callbacks(execute=True):
        html = client.post(event.get_absolute_url(), FORM, follow=True).content.decode()
    assert "The online link is not set yet: it will be on this page and in the reminders" in html
    [confirmation] = mail.outbox
    assert "Online link: not set yet. It will be on the event page and in the reminders" in confirmation.body
    event.online_url = "https://meet.example.org/risk-webinar"
    event.save()
    html = client.get(event.get_absolute_url()).content.decode()
    assert 'href="https://meet.example.org/risk-webinar"' in html and "not set yet" not in html


def test_an_in_person_event_promises_no_online_link(client, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=10, online_url="", location="Nairobi, UN Gigiri complex")
    signed_in(client)
    with django_capture_on_commit_callbacks(execute=True):
        html = client.post(event.get_absolute_url(), FORM, follow=True).content.decode()
    assert "not set yet" not in html and "not set yet" not in mail.outbox[0].body
