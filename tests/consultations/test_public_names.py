"""A reply shows the name its author chose to show, or "Anonymous participant": never one made from an e-mail
address (issue 16.4)."""

import pytest

from actionagenda.consultations import exports, services
from actionagenda.consultations.models import Reply
from factories import UserFactory

pytestmark = pytest.mark.django_db


def _reply_url(question):
    return f"/en/consultations/{question.theme.group.consultation.slug}/questions/{question.pk}/reply/"


def test_a_reply_by_someone_without_a_name_reads_anonymous_participant(client, question):
    quiet = UserFactory(name="", email="amina@example.org")
    reply = services.post_reply(user=quiet, question=question, body="Detection capacity first.")
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Anonymous participant" in page and "amina" not in page
    assert reply.author_name == "Anonymous participant"
    assert "amina" not in exports.as_csv(question.theme.group.consultation).decode()


def test_the_reply_form_asks_a_nameless_participant_for_the_name_to_show(client, question):
    quiet = UserFactory(name="", email="amina@example.org")
    client.force_login(quiet)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Name to show (optional)" in page and "Leave it empty to post as “Anonymous participant”." in page
    client.post(_reply_url(question), {"body": "Detection capacity first.", "public_name": "Amina Bello"})
    quiet.refresh_from_db()
    assert quiet.name == "Amina Bello" and Reply.objects.get().author_name == "Amina Bello"
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Your replies show the name Amina Bello." in page and "Name to show (optional)" not in page


def test_a_participant_who_leaves_the_name_empty_stays_anonymous(client, question):
    quiet = UserFactory(name="", email="amina@example.org")
    client.force_login(quiet)
    client.post(_reply_url(question), {"body": "Detection capacity first.", "public_name": ""})
    quiet.refresh_from_db()
    assert quiet.name == "" and Reply.objects.get().author_name == "Anonymous participant"


def test_the_reply_form_does_not_rename_a_participant_who_has_a_name(client, question, participant):
    client.force_login(participant)
    client.post(_reply_url(question), {"body": "Hello", "public_name": "Someone Else"})
    participant.refresh_from_db()
    assert participant.name == "Pat Participant"
