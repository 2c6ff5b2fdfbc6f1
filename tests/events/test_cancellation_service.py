import dataclasses
import threading

import pytest
from django.core import mail
from django.db import connection, connections

from actionagenda.events import services
from actionagenda.events.models import Registration
from factories import EventFactory

BASE = services.RegistrationData(name="x", email="x@example.org", actor_type="individual", consent=True)


def person(n: int) -> services.RegistrationData:
    return dataclasses.replace(BASE, name=f"Person {n}", email=f"person{n}@example.org")


def full_event_with_waitlist(capacity=2, waiting=3):
    event = EventFactory(capacity=capacity)
    confirmed = [services.register(event, person(n), email_verified=True) for n in range(capacity)]
    waitlisted = [services.register(event, person(100 + n), email_verified=True) for n in range(waiting)]
    return event, confirmed, waitlisted


def statuses(event):
    return dict(event.registrations.values_list("email", "status"))


@pytest.mark.django_db
def test_cancelling_promotes_the_first_on_the_waitlist():
    event, confirmed, waitlisted = full_event_with_waitlist()
    registration, promoted = services.cancel(confirmed[0].token)
    assert registration.status == Registration.Status.CANCELLED and registration.cancelled_at
    assert [p.email for p in promoted] == ["person100@example.org"]
    now = statuses(event)
    assert now["person100@example.org"] == "confirmed"
    assert now["person101@example.org"] == now["person102@example.org"] == "waitlisted"


@pytest.mark.django_db
def test_cancelling_twice_promotes_only_once():
    event, confirmed, _ = full_event_with_waitlist()
    services.cancel(confirmed[0].token)
    _, promoted = services.cancel(confirmed[0].token)
    assert promoted == []
    assert event.registrations.filter(status="confirmed").count() == 2


@pytest.mark.django_db
def test_leaving_the_waitlist_promotes_nobody():
    event, _, waitlisted = full_event_with_waitlist()
    _, promoted = services.cancel(waitlisted[0].token)
    assert promoted == []
    assert event.registrations.filter(status="confirmed").count() == 2


@pytest.mark.django_db
def test_two_cancellations_in_a_row_promote_two_people():
    event, confirmed, _ = full_event_with_waitlist()
    services.cancel(confirmed[0].token)
    services.cancel(confirmed[1].token)
    now = statuses(event)
    assert [now[f"person10{n}@example.org"] for n in range(3)] == ["confirmed", "confirmed", "waitlisted"]


@pytest.mark.django_db
def test_an_unknown_token_raises():
    with pytest.raises(Registration.DoesNotExist):
        services.cancel("not-a-token")


@pytest.mark.django_db
def test_promotion_and_cancellation_emails_are_sent(django_capture_on_commit_callbacks):
    event, confirmed, _ = full_event_with_waitlist(capacity=1, waiting=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(confirmed[0].token)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert "cancelled" in by_recipient["person0@example.org"].subject
    assert "METHOD:CANCEL" in by_recipient["person0@example.org"].attachments[0][1]
    promoted = by_recipient["person100@example.org"]
    assert "place is free" in promoted.subject
    assert event.online_url in promoted.body
    assert "METHOD:REQUEST" in promoted.attachments[0][1]


@pytest.mark.django_db
def test_raising_the_capacity_promotes_from_the_waitlist():
    event, _, _ = full_event_with_waitlist(capacity=1, waiting=3)
    event.capacity = 3
    event.save()
    promoted = services.promote_waitlisted(event)
    assert [p.email for p in promoted] == ["person100@example.org", "person101@example.org"]


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_cancellations_promote_exactly_two_people():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database is shared in memory and locks whole tables: threads would fail with "
                    "'table is locked' instead of waiting on a row lock. The sequential test covers SQLite.")
    event, confirmed, _ = full_event_with_waitlist(capacity=2, waiting=3)
    barrier = threading.Barrier(2)
    errors = []

    def cancel(token):
        try:
            barrier.wait(timeout=5)
            services.cancel(token)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cancel, args=(r.token,)) for r in confirmed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert errors == []
    now = statuses(event)
    assert [now[f"person{n}@example.org"] for n in range(2)] == ["cancelled", "cancelled"]
    assert [now[f"person10{n}@example.org"] for n in range(3)] == ["confirmed", "confirmed", "waitlisted"]
    assert event.registrations.filter(status="confirmed").count() == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_exceed_the_capacity():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's shared in-memory test database cannot wait on row locks across threads.")
    event = EventFactory(capacity=3)
    barrier = threading.Barrier(8)

    def register(n, email_verified=True):
        try:
            barrier.wait(timeout=5)
            services.register(event, person(n), email_verified=True)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert event.registrations.filter(status="confirmed").count() == 3
    positions = sorted(event.registrations.filter(status="waitlisted").values_list("position", flat=True))
    assert positions == [1, 2, 3, 4, 5]
