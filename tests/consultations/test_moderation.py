import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from actionagenda.consultations import services
from actionagenda.consultations.models import Reply
from actionagenda.consultations.threads import build_thread
from factories import UserFactory

from .builders import make_consultation

pytestmark = pytest.mark.django_db


@pytest.fixture
def reply(question, participant):
    return services.post_reply(user=participant, question=question, body="A contribution")


@pytest.mark.parametrize("action, field, value", [("hide", "status", "hidden"), ("pin", "pinned", True)])
def test_a_moderator_of_the_group_moderates_its_replies(reply, moderator, action, field, value):
    services.moderate(user=moderator, reply=reply, action=action)
    reply.refresh_from_db()
    assert getattr(reply, field) == value


def test_a_moderator_restores_a_hidden_reply_and_unpins(reply, moderator):
    services.moderate(user=moderator, reply=reply, action="hide")
    services.moderate(user=moderator, reply=reply, action="restore")
    services.moderate(user=moderator, reply=reply, action="pin")
    services.moderate(user=moderator, reply=reply, action="unpin")
    reply.refresh_from_db()
    assert (reply.status, reply.pinned) == ("visible", False)


def test_the_secretariat_moderates_any_group(reply, secretariat):
    services.moderate(user=secretariat, reply=reply, action="hide")
    reply.refresh_from_db()
    assert reply.status == "hidden"


def test_a_moderator_of_another_group_cannot_moderate(reply):
    elsewhere = UserFactory()
    make_consultation(moderators=[elsewhere], slug="other")
    with pytest.raises(PermissionDenied):
        services.moderate(user=elsewhere, reply=reply, action="hide")
    reply.refresh_from_db()
    assert reply.status == "visible"


def test_a_participant_cannot_moderate(reply, participant):
    with pytest.raises(PermissionDenied):
        services.moderate(user=participant, reply=reply, action="pin")


def test_a_newcomers_first_post_is_held_when_the_group_asks_for_it(question, moderator, participant):
    services.set_hold_first_posts(user=moderator, group=question.theme.group, hold=True)
    first = services.post_reply(user=participant, question=question, body="First words")
    assert first.status == Reply.Status.HELD
    services.moderate(user=moderator, reply=first, action="approve")
    second = services.post_reply(user=participant, question=question, body="Second words")
    assert second.status == Reply.Status.VISIBLE


def test_only_moderators_can_turn_on_holding(question, participant):
    with pytest.raises(PermissionDenied):
        services.set_hold_first_posts(user=participant, group=question.theme.group, hold=True)
    question.theme.group.refresh_from_db()
    assert question.theme.group.hold_first_posts is False


def test_held_replies_are_seen_by_their_author_and_moderators_only(question, moderator, participant):
    services.set_hold_first_posts(user=moderator, group=question.theme.group, hold=True)
    held = services.post_reply(user=participant, question=question, body="Waiting")

    def shown(user, is_moderator=False):
        return [node["reply"] for node in build_thread(question, user, is_moderator) if not node["placeholder"]]

    assert shown(participant) == [held]
    assert shown(moderator, is_moderator=True) == [held]
    assert shown(UserFactory()) == []


def test_a_hidden_reply_with_answers_stays_as_a_placeholder(question, moderator, participant):
    parent = services.post_reply(user=participant, question=question, body="Rude words")
    child = services.post_reply(user=UserFactory(), question=question, body="Calm answer", parent=parent)
    services.moderate(user=moderator, reply=parent, action="hide")
    thread = build_thread(question, UserFactory(), is_moderator=False)
    assert thread[0]["placeholder"] is True
    assert thread[0]["children"][0]["reply"] == child


def test_pinned_replies_come_first(question, moderator, participant):
    services.post_reply(user=participant, question=question, body="Early")
    late = services.post_reply(user=UserFactory(), question=question, body="Late but important")
    services.moderate(user=moderator, reply=late, action="pin")
    assert [node["reply"].body for node in build_thread(question, participant, False)] == [
        "Late but important", "Early"]


def test_the_author_of_a_held_post_is_told_in_their_language_when_it_is_approved(
        question, moderator, participant, django_capture_on_commit_callbacks):
    participant.language = "es"
    participant.save()
    services.set_hold_first_posts(user=moderator, group=question.theme.group, hold=True)
    first = services.post_reply(user=participant, question=question, body="Primeras palabras")
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate(user=moderator, reply=first, action="approve")
        services.moderate(user=moderator, reply=first, action="pin")  # not an approval: no second e-mail
    [message] = mail.outbox
    assert message.to == [participant.email]
    assert f"/es/consultations/{question.theme.group.consultation.slug}/" in message.body


def test_restoring_a_hidden_post_sends_no_approval_email(reply, moderator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate(user=moderator, reply=reply, action="hide")
        services.moderate(user=moderator, reply=reply, action="restore")
    assert mail.outbox == []
