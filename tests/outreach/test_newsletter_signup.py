"""Newsletter sign-up: double opt-in, the same answer whatever the address holds, rate limits, preferences."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from actionagenda.outreach import newsletter
from actionagenda.outreach.models import Subscriber
from factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def sign_up(client, email="amina@example.org", path="/en/newsletter/subscribe/", **fields):
    data = {"email": email, "language": "fr", "topics": ["events"], "actor_types": ["business"],
            "countries": ["KE"], "consent": "on", **fields}
    return client.post(path, data)


def confirmation_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S*/newsletter/confirm/\S+/)", message.body)[1]


def test_a_sign_up_sends_a_link_and_subscribes_no_one(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client)
    assert response.status_code == 200 and "amina@example.org" in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["amina@example.org"] and "confirm" in message.subject.lower()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "pending" and subscriber.topics == "" and not subscriber.consented_at


def test_following_the_link_and_pressing_the_button_subscribes_with_the_choices(
        client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    path = confirmation_path(mail.outbox[0])
    assert client.get(path).status_code == 200
    assert Subscriber.objects.get().status == "pending"  # a mail scanner opening the link subscribes no one
    response = client.post(path)
    subscriber = Subscriber.objects.get()
    assert response.status_code == 302 and subscriber.token in response["Location"]
    assert subscriber.status == "confirmed" and subscriber.language == "fr"
    assert (subscriber.topics, subscriber.actor_types, subscriber.countries) == ("|events|", "|business|", "|KE|")
    assert subscriber.consented_at and "lettre d’information" in subscriber.consent_text


def test_a_forged_or_expired_link_subscribes_no_one(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    path = confirmation_path(mail.outbox[0])
    assert client.post(path[:-3] + "xx/").status_code == 404
    later = timezone.now() + newsletter.CONFIRMATION_MAX_AGE + datetime.timedelta(minutes=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("time.time", lambda: later.timestamp())
        assert client.post(path).status_code == 404
    assert Subscriber.objects.get().status == "pending"


def test_the_answer_is_the_same_for_a_subscribed_address(client, django_capture_on_commit_callbacks):
    SubscriberFactory(email="known@example.org")
    unknown, known = sign_up(client, "new@example.org"), sign_up(client, "known@example.org")
    assert known.status_code == unknown.status_code == 200
    def main(response):
        return response.content.decode().split('id="main"', 1)[1]

    assert main(known).replace("known@", "new@") == main(unknown)


def test_a_second_sign_up_changes_no_choice_until_it_is_confirmed(client, django_capture_on_commit_callbacks):
    SubscriberFactory(email="known@example.org", topics="|news|", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "Known@Example.org", topics=["consultations"])
    subscriber = Subscriber.objects.get()
    assert (subscriber.topics, subscriber.language, subscriber.status) == ("|news|", "en", "confirmed")
    client.post(confirmation_path(mail.outbox[0]))
    subscriber.refresh_from_db()
    assert (subscriber.topics, subscriber.language) == ("|consultations|", "fr")


def test_the_landing_page_signs_up_with_the_address_and_consent_alone(client, django_capture_on_commit_callbacks):
    page = client.get("/es/").content.decode()
    assert 'id="newsletter-title"' in page and 'action="/es/newsletter/subscribe/"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/es/newsletter/subscribe/", {"email": "ana@example.org", "language": "es",
                                                             "consent": "on"})
    assert response.status_code == 200
    client.post(confirmation_path(mail.outbox[0]))
    subscriber = Subscriber.objects.get()
    assert (subscriber.status, subscriber.language, subscriber.topics) == ("confirmed", "es", "")


def test_a_sign_up_without_consent_is_refused(client):
    response = sign_up(client, consent="")
    assert response.status_code == 400 and not Subscriber.objects.exists() and not mail.outbox


def test_sign_ups_are_limited_per_network(client, settings):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "newsletter_signup": "2/600"}
    assert [sign_up(client, f"r{n}@example.org").status_code for n in range(3)] == [200, 200, 429]


def test_confirmation_e_mails_to_one_address_are_limited_but_answered_the_same(
        client, settings, django_capture_on_commit_callbacks):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "newsletter_address": "2/3600"}
    with django_capture_on_commit_callbacks(execute=True):
        answers = [sign_up(client, "victim@example.org").status_code for _ in range(3)]
    assert answers == [200, 200, 200] and len(mail.outbox) == 2


def test_unconfirmed_sign_ups_are_purged_once_their_link_expired():
    old = SubscriberFactory(status="pending", email="old@example.org")
    SubscriberFactory(status="pending", email="recent@example.org")
    confirmed = SubscriberFactory(email="kept@example.org")
    Subscriber.objects.filter(pk__in=[old.pk, confirmed.pk]).update(created=timezone.now() - datetime.timedelta(days=8))
    assert newsletter.purge_unconfirmed() == 1
    assert set(Subscriber.objects.values_list("email", flat=True)) == {"recent@example.org", "kept@example.org"}


def test_the_preferences_page_changes_the_choices(client):
    subscriber = SubscriberFactory()
    path = f"/en/newsletter/preferences/{subscriber.token}/"
    assert client.get(path).status_code == 200
    response = client.post(path, {"language": "es", "topics": ["news", "events"], "countries": ["BR", "MX"]})
    subscriber.refresh_from_db()
    assert response.status_code == 200 and "saved" in response.content.decode()
    assert (subscriber.language, subscriber.topics, subscriber.countries) == ("es", "|events|news|", "|BR|MX|")


def test_the_preferences_page_is_not_found_with_a_wrong_token_or_once_unsubscribed(client):
    subscriber = SubscriberFactory(status="unsubscribed")
    assert client.get("/en/newsletter/preferences/nonsense/").status_code == 404
    assert client.get(f"/en/newsletter/preferences/{subscriber.token}/").status_code == 404
