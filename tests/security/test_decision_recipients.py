"""Issue 14.14: the secretariat's decisions go to the members of the commitment's actor; the free-text contact
address gets them only once its owner has followed the link e-mailed to it."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from actionagenda.commitments import contacts, workflow
from actionagenda.commitments.models import Commitment
from factories import ActorFactory, CommitmentFactory, UserFactory
from tests.commitments.authoring_data import post_data

pytestmark = pytest.mark.django_db

STRANGER = "stranger@example.org"


@pytest.fixture
def member():
    return UserFactory(email="member@example.org", language="fr")


def submitted(member, **fields):
    return CommitmentFactory(actor=ActorFactory(members=[member]), created_by=member, status="submitted",
                             published_at=None, title="Seed-saver biosafety training", **fields)


def publish(commitment, secretariat, capture):
    with capture(execute=True):
        workflow.apply(commitment, "publish", secretariat, comment="Thank you, it is online.")
    return [message.to for message in mail.outbox]


def link_sent_to(address):
    [message] = [m for m in mail.outbox if m.to == [address]]
    return re.search(r"/[a-z]{2}/commitments/contact/\S+/", message.body).group(0)


def test_an_unconfirmed_contact_address_gets_no_decision(member, secretariat, django_capture_on_commit_callbacks):
    commitment = submitted(member, contact_email=STRANGER)
    assert publish(commitment, secretariat, django_capture_on_commit_callbacks) == [["member@example.org"]]


def test_each_member_gets_the_decision_alone_in_their_language(member, secretariat,
                                                               django_capture_on_commit_callbacks):
    commitment = submitted(member)
    commitment.actor.members.add(UserFactory(email="colleague@example.org", language="es"))
    assert publish(commitment, secretariat, django_capture_on_commit_callbacks) == [
        ["member@example.org"], ["colleague@example.org"]]
    assert f"/fr/commitments/{commitment.pk}/" in mail.outbox[0].body
    assert f"/es/commitments/{commitment.pk}/" in mail.outbox[1].body


def test_an_author_who_left_the_actor_gets_no_decision(member, secretariat, django_capture_on_commit_callbacks):
    commitment = submitted(member)
    remaining = UserFactory(email="remaining@example.org")
    commitment.actor.members.set([remaining])
    assert publish(commitment, secretariat, django_capture_on_commit_callbacks) == [["remaining@example.org"]]


def test_the_contact_gets_decisions_once_it_followed_the_emailed_link(client, member, secretariat,
                                                                     django_capture_on_commit_callbacks):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("commitments:new", kwargs={"actor_type": "organization"}),
                    post_data(contact_email=STRANGER))
    commitment = Commitment.objects.get()
    link = link_sent_to(STRANGER)
    assert "Seed" not in link and commitment.title in mail.outbox[0].body

    contact = Client()
    assert "Confirm the contact address</button>" in contact.get(link).content.decode()
    assert Commitment.objects.get().confirmed_contact_email == ""  # opening the link confirms nothing
    contact.post(link)
    mail.outbox.clear()
    assert publish(commitment, secretariat, django_capture_on_commit_callbacks) == [
        ["member@example.org"], [STRANGER]]


def test_the_confirmation_request_is_sent_once_per_new_address(client, member, django_capture_on_commit_callbacks):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("commitments:new", kwargs={"actor_type": "organization"}),
                    post_data(action="draft", contact_email=STRANGER))
    edit = reverse("commitments:edit", kwargs={"pk": Commitment.objects.get().pk})
    for address in (STRANGER, member.email, "desk@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(edit, post_data(action="draft", contact_email=address, title="Renamed"))
    assert [message.to for message in mail.outbox] == [[STRANGER], ["desk@example.org"]]


def test_a_changed_address_is_no_longer_confirmed_and_the_old_link_confirms_nothing(
        member, secretariat, django_capture_on_commit_callbacks):
    commitment = submitted(member, contact_email=STRANGER)
    old_link = contacts.confirmation_link(commitment)
    Client().post(old_link)
    commitment.refresh_from_db()
    assert commitment.confirmed_contact_email == STRANGER
    commitment.contact_email = "new-desk@example.org"
    commitment.save()
    assert Client().post(old_link).status_code == 404
    commitment.refresh_from_db()
    assert commitment.confirmed_contact_email == ""
    assert publish(commitment, secretariat, django_capture_on_commit_callbacks) == [["member@example.org"]]


def test_a_forged_link_confirms_nothing(member):
    commitment = submitted(member, contact_email=STRANGER)
    forged = contacts.confirmation_link(commitment)[:-3] + "xx/"
    assert Client().post(forged).status_code == 404
    commitment.refresh_from_db()
    assert commitment.confirmed_contact_email == ""
