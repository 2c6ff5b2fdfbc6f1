"""Issue 15.15: a person's data can be erased on request in every app, history included, and replies of an
erased account stay in their threads as a "deleted participant"."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from actionagenda import periodic
from actionagenda.accounts.erasure import erase_person
from actionagenda.accounts.models import Actor, User
from actionagenda.commitments import contacts
from actionagenda.commitments.models import Commitment
from actionagenda.consultations import services as consultations
from actionagenda.events.models import Registration
from actionagenda.outreach.models import Subscriber
from factories import ActorFactory, CommitmentFactory, EventFactory, RegistrationFactory, SubscriberFactory, UserFactory
from tests.consultations.builders import make_consultation

pytestmark = pytest.mark.django_db

PERSON = "kofi@example.org"


@pytest.fixture
def person():
    return UserFactory(email=PERSON, name="Kofi Mensah")


def test_an_erased_accounts_replies_stay_in_the_thread_as_a_deleted_participant(client, person):
    question = make_consultation()
    first = consultations.post_reply(user=person, question=question, body="Regulators need laboratories.")
    answer = consultations.post_reply(user=UserFactory(), question=question, body="And trained staff.",
                                      parent=first)
    erase_person(PERSON)
    assert not User.objects.filter(email=PERSON).exists()
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Regulators need laboratories." in page and "And trained staff." in page
    assert "Deleted participant" in page and "Kofi" not in page
    answer.refresh_from_db()
    assert answer.parent_id == first.pk


def test_the_contact_address_leaves_the_commitment_and_its_history(person):
    commitment = CommitmentFactory(contact_name="Kofi Mensah", contact_email="Kofi@example.org")
    commitment.title = "Renamed"
    commitment.save()
    contacts.confirm(commitment)
    kept = CommitmentFactory(contact_email="desk@example.org")
    erase_person(PERSON)
    commitment.refresh_from_db()
    assert (commitment.contact_name, commitment.contact_email) == ("", "")
    assert not Commitment.history.filter(contact_email__iexact=PERSON).exists()
    assert not Commitment.history.filter(contact_name="Kofi Mensah").exists()
    assert not commitment.contact_confirmations.exists()
    kept.refresh_from_db()
    assert kept.contact_email == "desk@example.org"


def test_registrations_with_the_address_are_anonymised_and_others_kept(person):
    event = EventFactory()
    mine = RegistrationFactory(event=event, email=PERSON, name="Kofi Mensah")
    other = RegistrationFactory(event=event, email="ama@example.org")
    erase_person(PERSON)
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.name, mine.anonymised_at is not None) == ("", True) and PERSON not in mine.email
    assert other.email == "ama@example.org" and other.anonymised_at is None


def test_an_individual_actor_named_after_the_person_is_renamed_in_its_history_too(person):
    alone = ActorFactory(kind=Actor.Kind.INDIVIDUAL, name="Kofi", members=[person])
    shared = ActorFactory(kind=Actor.Kind.INDIVIDUAL, name="Kofi and Ama", members=[person, UserFactory()])
    erase_person(PERSON)
    alone.refresh_from_db()
    shared.refresh_from_db()
    assert alone.name == "Deleted participant"
    assert set(Actor.history.filter(id=alone.pk).values_list("name", flat=True)) == {"Deleted participant"}
    assert shared.name == "Kofi and Ama"


def test_the_command_erases_an_address_without_an_account(capsys):
    RegistrationFactory(email="guest@example.org")
    call_command("erase_personal_data", "Guest@example.org")
    assert "registrations: 1" in capsys.readouterr().out
    assert not Registration.objects.filter(email="guest@example.org").exists()


def test_the_command_erases_a_newsletter_subscription_and_its_deliveries(capsys):
    SubscriberFactory(email="reader@example.org")
    kept = SubscriberFactory(email="other@example.org")
    call_command("erase_personal_data", "Reader@example.org")
    assert "newsletter: 1" in capsys.readouterr().out
    assert list(Subscriber.objects.all()) == [kept]


def test_the_scheduler_erases_registrations_once_the_retention_period_has_passed(settings):
    settings.ACTIONAGENDA_REGISTRATION_RETENTION_DAYS = 30
    long_ago = timezone.now() - datetime.timedelta(days=31)
    recent = timezone.now() - datetime.timedelta(days=29)
    old = RegistrationFactory(event=EventFactory(starts_at=long_ago - datetime.timedelta(hours=1), ends_at=long_ago))
    kept = RegistrationFactory(event=EventFactory(starts_at=recent - datetime.timedelta(hours=1), ends_at=recent))
    periodic.run_due()
    old.refresh_from_db()
    kept.refresh_from_db()
    assert old.anonymised_at is not None and old.name == ""
    assert kept.anonymised_at is None
