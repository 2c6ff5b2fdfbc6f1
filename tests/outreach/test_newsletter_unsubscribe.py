"""Unsubscribing: a page with a button for people, the header's one-click POST (RFC 8058) for mail clients,
without a session or a CSRF token; what is kept afterwards."""

import pytest
from django.test import Client

from actionagenda.outreach.models import Subscriber
from factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def path(subscriber):
    return f"/en/newsletter/unsubscribe/{subscriber.token}/"


def test_the_header_s_one_click_post_unsubscribes_without_session_or_csrf_token():
    subscriber = SubscriberFactory(topics="|news|", countries="|KE|")
    client = Client(enforce_csrf_checks=True)
    response = client.post(path(subscriber), "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")
    subscriber.refresh_from_db()
    assert response.status_code == 200 and not client.cookies.get("sessionid")
    assert subscriber.status == "unsubscribed" and subscriber.unsubscribed_at
    # Only what keeps the address from being sent to again stays.
    assert (subscriber.topics, subscriber.countries, subscriber.consent_text) == ("", "", "")
    assert subscriber.email


def test_a_post_without_the_one_click_body_unsubscribes_no_one():
    subscriber = SubscriberFactory()
    response = Client(enforce_csrf_checks=True).post(path(subscriber), {})
    subscriber.refresh_from_db()
    assert response.status_code == 400 and subscriber.status == "confirmed"


def test_opening_the_link_shows_a_button_and_unsubscribes_no_one(client):
    subscriber = SubscriberFactory()
    response = client.get(path(subscriber))
    subscriber.refresh_from_db()
    page = response.content.decode()
    assert response.status_code == 200 and subscriber.status == "confirmed"
    assert 'name="List-Unsubscribe" value="One-Click"' in page and response["Referrer-Policy"] == "same-origin"


def test_unsubscribing_twice_answers_200_and_changes_nothing_more(client):
    subscriber = SubscriberFactory()
    client.post(path(subscriber), {"List-Unsubscribe": "One-Click"})
    first = Subscriber.objects.get().unsubscribed_at
    assert client.post(path(subscriber), {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert Subscriber.objects.get().unsubscribed_at == first


def test_an_unknown_token_is_not_found(client):
    SubscriberFactory()
    assert client.post("/en/newsletter/unsubscribe/forged/", {"List-Unsubscribe": "One-Click"}).status_code == 404
    assert Subscriber.objects.get().status == "confirmed"
