"""Rate limits hold across processes and racing requests, and every refusal is a 429 with Retry-After (14.5)."""

import os
import subprocess
import sys
import threading
import uuid

import pytest
from commitments.authoring_data import post_data
from consultations.builders import make_consultation
from django.core.cache import caches
from django.db import connection, connections
from django.test import override_settings

from actionagenda import ratelimits
from actionagenda.accounts.models import User
from actionagenda.commitments.models import Commitment
from actionagenda.consultations.models import Reply
from factories import ActorFactory, EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def _limit(settings, scope, rate):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, scope: rate}


def _assert_refused(response, retry_after: int):
    """Refused with the seconds left until the limit frees up (tests/conftest.py stops the clock 1 s into a
    window of ours; allauth's windows slide, so it answers their whole length)."""
    assert response.status_code == 429
    assert response["Retry-After"] == str(retry_after)


# Each limited endpoint: the limit is let through, the next request is refused with 429 and Retry-After.

def test_commitment_submissions_past_the_limit_get_429_and_stay_drafts(client, settings):
    _limit(settings, "commitment_submit", "2/3600")
    user = UserFactory()
    client.force_login(user)
    for _ in range(2):
        assert client.post("/en/commitments/new/organization/", post_data()).status_code == 302
    response = client.post("/en/commitments/new/organization/", post_data())
    _assert_refused(response, 3599)
    assert "submitted too many commitments" in response.content.decode()
    assert sorted(Commitment.objects.values_list("status", flat=True)) == ["draft", "submitted", "submitted"]


def test_event_registrations_past_the_limit_get_429(client, settings):
    _limit(settings, "event_register", "2/600")
    event = EventFactory()
    form = {"name": "Amina Otieno", "organisation": "KBN", "country": "KE", "actor_type": "organization",
            "consent": "on"}
    for n in range(2):
        assert client.post(event.get_absolute_url(), {**form, "email": f"p{n}@example.org"}).status_code == 302
    response = client.post(event.get_absolute_url(), {**form, "email": "p9@example.org"})
    _assert_refused(response, 599)
    assert "Too many registrations" in response.content.decode()
    assert event.registrations.count() == 2


@pytest.fixture
def question(db):
    return make_consultation()


def _reply_url(question):
    return f"/en/consultations/{question.theme.group.consultation.slug}/questions/{question.pk}/reply/"


@pytest.mark.parametrize("htmx", [False, True])
def test_consultation_replies_past_the_limit_get_429_with_the_form(client, settings, question, htmx):
    _limit(settings, "consultation_reply", "1/60")
    user = UserFactory()
    ActorFactory(members=[user])
    client.force_login(user)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    assert client.post(_reply_url(question), {"body": "One"}, **headers).status_code in (200, 302)
    response = client.post(_reply_url(question), {"body": "My careful answer"}, **headers)
    _assert_refused(response, 59)
    html = response.content.decode()
    assert "You are posting too quickly" in html and "My careful answer</textarea>" in html
    assert Reply.objects.count() == 1


@pytest.fixture
def no_answers(monkeypatch):
    """The limit is checked before any retrieval: an empty answer keeps these tests off the library."""
    from actionagenda.assistant import services

    monkeypatch.setattr(services, "ask", lambda question, language, **kwargs: services.Answer(
        question=question, language=language, documents=[], semantic=False))


def test_the_ask_page_past_the_limit_gets_429(client, settings, no_answers):
    _limit(settings, "assistant", "1/60")
    assert client.get("/en/ask/", {"q": "gene drives"}).status_code == 200
    response = client.get("/en/ask/", {"q": "gene drives"}, HTTP_HX_REQUEST="true")
    _assert_refused(response, 59)
    assert "Please wait a minute" in response.content.decode()


def test_the_ask_api_past_the_limit_gets_a_429_problem(client, settings, no_answers):
    _limit(settings, "assistant", "1/60")
    assert client.get("/api/v1/assistant/ask", {"q": "gene drives"}).status_code == 200
    response = client.get("/api/v1/assistant/ask", {"q": "gene drives"})
    _assert_refused(response, 59)
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 429


@pytest.fixture
def account(db):
    return User.objects.create_user(email="amina@example.org", password="a long enough password 42")


def test_too_many_failed_logins_get_429_not_a_form_error(client, settings, account):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "2/5m/key"}
    wrong = {"login": "amina@example.org", "password": "not the password"}
    for _ in range(2):
        assert client.post("/en/accounts/login/", wrong).status_code == 200
    response = client.post("/en/accounts/login/", wrong)
    _assert_refused(response, 300)
    assert "Too many requests" in response.content.decode()


def test_too_many_logins_from_one_address_get_429(client, settings, account):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    wrong = {"login": "amina@example.org", "password": "not the password"}
    for _ in range(2):
        client.post("/en/accounts/login/", wrong)
    _assert_refused(client.post("/en/accounts/login/", wrong), 300)
    _assert_refused(client.post("/en/accounts/login/", {**wrong, "password": "a long enough password 42"}), 300)


def test_too_many_signups_from_one_address_get_429(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/h/ip"}
    for n in range(2):
        response = client.post("/en/accounts/signup/", {"email": f"new{n}@example.org", "password1": "a long pass 42!x",
                                                        "password2": "a long pass 42!x"})
    _assert_refused(response, 3600)
    assert User.objects.count() == 1


# The counters are shared and incremented atomically.

def test_the_default_cache_is_shared_by_processes():
    """Per-process memory would let every worker through the whole limit (the demo runs two)."""
    assert "LocMemCache" not in caches["default"].__class__.__name__


PROCESS = """
import django, sys
django.setup()
from actionagenda import ratelimits
allowed = 0
for _ in range(int(sys.argv[1])):
    try:
        ratelimits.consume("assistant", "198.51.100.4")
        allowed += 1
    except ratelimits.RateLimited:
        pass
print(allowed)
"""


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL") or os.environ.get("REDIS_URL")),
                    reason="runs the embedded set-up: SQLite in a data folder of its own")
def test_processes_racing_on_the_embedded_database_let_exactly_the_limit_through(tmp_path):
    env = {**os.environ, "ACTIONAGENDA_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "actionagenda.settings",
           "RATE_LIMIT_ASSISTANT": "25/86400"}
    subprocess.run([sys.executable, "-m", "django", "createcachetable"], env=env, check=True)
    workers = [subprocess.Popen([sys.executable, "-c", PROCESS, "20"], env=env, stdout=subprocess.PIPE, text=True)
               for _ in range(3)]
    allowed = [int(worker.communicate(timeout=120)[0]) for worker in workers]
    assert sum(allowed) == 25


def _race(ident: str, threads: int) -> list[bool]:
    """`threads` clients hitting the assistant limit at the same instant, each on its own connection."""
    results, start = [], threading.Barrier(threads)

    def hit():
        start.wait()
        try:
            ratelimits.consume("assistant", ident)
            results.append(True)
        except ratelimits.RateLimited:
            results.append(False)
        finally:
            connections.close_all()

    running = [threading.Thread(target=hit) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    return results


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="SQLite's shared in-memory test database cannot wait on locks across threads; the "
                           "process test above races on a real SQLite file")
@pytest.mark.django_db(transaction=True)
def test_threads_racing_on_postgresql_let_exactly_the_limit_through(settings):
    _limit(settings, "assistant", "10/3600")
    assert sorted(_race("192.0.2.1", 16)) == [False] * 6 + [True] * 10


@pytest.mark.skipif(not os.environ.get("ACTIONAGENDA_TEST_REDIS_URL"), reason="no Redis for the tests")
def test_threads_racing_on_redis_let_exactly_the_limit_through(settings):
    # The counters go under a key prefix of this test run's own, so they start at zero without emptying the Redis
    # database (a cache's clear() flushes all of it), where another run may be counting at the same time. The
    # override ends inside the test: the tests' own teardown clears the default cache.
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache",
             "LOCATION": os.environ["ACTIONAGENDA_TEST_REDIS_URL"], "KEY_PREFIX": f"race-{uuid.uuid4().hex}"}
    _limit(settings, "assistant", "10/3600")
    with override_settings(CACHES={**settings.CACHES, "default": redis}):
        allowed = _race("192.0.2.2", 16)
    assert sorted(allowed) == [False] * 6 + [True] * 10
