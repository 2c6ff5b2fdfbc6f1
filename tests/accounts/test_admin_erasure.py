"""Issue 15.15: deleting an account in the admin (its delete page or the list action) erases it as the erasure
command does: the replies stay in their threads as a "Deleted participant", the address leaves the commitments
it was the contact of, their history and the registrations made with it."""

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.test import Client
from django.urls import reverse

from actionagenda.accounts.models import User
from actionagenda.commitments.models import Commitment
from actionagenda.consultations import services as consultations
from factories import CommitmentFactory, EventFactory, RegistrationFactory, UserFactory
from tests.consultations.builders import make_consultation

pytestmark = pytest.mark.django_db

PERSON = "kofi@example.org"


@pytest.fixture
def thread():
    """Kofi's reply, answered by someone else, and Kofi as the contact of a commitment edited once since."""
    person = UserFactory(email=PERSON, name="Kofi Mensah")
    question = make_consultation()
    first = consultations.post_reply(user=person, question=question, body="Regulators need laboratories.")
    answer = consultations.post_reply(user=UserFactory(), question=question, body="And trained staff.",
                                      parent=first)
    commitment = CommitmentFactory(contact_name="Kofi Mensah", contact_email=PERSON)
    commitment.title = "Renamed"
    commitment.save()
    registration = RegistrationFactory(event=EventFactory(), email=PERSON, name="Kofi Mensah")
    return person, question, first, answer, commitment, registration


def delete_in_the_admin(client, person, how):
    if how == "delete page":
        return client.post(reverse("admin:accounts_user_delete", args=[person.pk]), {"post": "yes"})
    return client.post(reverse("admin:accounts_user_changelist"), {
        "action": "delete_selected", "_selected_action": [person.pk], "post": "yes", "index": 0})


@pytest.mark.parametrize("how", ["delete page", "list action"])
def test_deleting_an_account_in_the_admin_keeps_its_replies_and_scrubs_its_data(client, secretariat, thread, how):
    person, question, first, answer, commitment, registration = thread
    client.force_login(secretariat)
    assert delete_in_the_admin(client, person, how).status_code == 302
    assert not User.objects.filter(email=PERSON).exists()
    page = Client().get(question.get_absolute_url()).content.decode()  # as a visitor reads the thread
    assert "Regulators need laboratories." in page and "And trained staff." in page
    assert "Deleted participant" in page and "Kofi" not in page
    answer.refresh_from_db()
    assert answer.parent_id == first.pk
    commitment.refresh_from_db()
    assert (commitment.contact_name, commitment.contact_email) == ("", "")
    assert not Commitment.history.filter(contact_email__iexact=PERSON).exists()
    assert not Commitment.history.filter(contact_name="Kofi Mensah").exists()
    registration.refresh_from_db()
    assert registration.name == "" and PERSON not in registration.email
    # The admin's own log keeps that an account was deleted, not whose.
    assert LogEntry.objects.filter(object_id=str(person.pk), action_flag=DELETION).exists()
    assert not LogEntry.objects.filter(object_repr__contains="Kofi").exists()


def test_a_refused_list_action_erases_nothing(client, secretariat, thread):
    person, _question, first, _answer, commitment, registration = thread
    root = User.objects.create_superuser("root@example.org", "the superuser's password 1")
    client.force_login(secretariat)
    response = client.post(reverse("admin:accounts_user_changelist"), {
        "action": "delete_selected", "_selected_action": [root.pk, person.pk], "post": "yes", "index": 0})
    assert response.status_code == 403
    first.refresh_from_db()
    commitment.refresh_from_db()
    registration.refresh_from_db()
    assert first.author == person and commitment.contact_email == PERSON and registration.name == "Kofi Mensah"
